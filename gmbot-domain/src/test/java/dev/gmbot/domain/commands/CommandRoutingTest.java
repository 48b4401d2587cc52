package dev.gmbot.domain.commands;

import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.protection.Decision;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.ChatRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which command answers: by name, and only when addressed to this bot. */
class CommandRoutingTest extends CommandTestBase {
  @Test
  void commandsAddressedToAnotherBotAreIgnored() {
    world.handle(
        world.command(GROUP, new Sender.User(OWNER), "protect", Optional.of("OtherBot"), "@news"));

    assertThat(world.telegram.messagesIn(GROUP.id())).isEmpty();
    assertThat(world.repos.groups().find(GROUP.groupId())).isEmpty();
  }

  @Test
  void commandsAddressedToThisBotAreHandled() {
    world.handle(
        world.command(
            GROUP, new Sender.User(OWNER), "protect", Optional.of("Group_Guard_Bot"), "@news"));

    assertThat(world.repos.groups().find(GROUP.groupId())).isPresent();
  }

  @Test
  void anUnknownCommandInPrivatePointsToHelp() {
    assertThat(run(world.command(ChatRef.privateChat(ALICE), ALICE, "frobnicate")))
        .isEqualTo("I don't know /frobnicate. See /help.");
  }

  @Test
  void anUnknownCommandInAGroupIsIgnoredSilently() {
    assertThat(world.guard.decide(world.command(GROUP, ALICE, "frobnicate")))
        .containsExactly(new Decision.Note("ignored: unknown command /frobnicate"));
  }

  @Test
  void commandNamesAreMatchedIgnoringCase() {
    assertThat(run(world.command(ChatRef.privateChat(ALICE), ALICE, "HELP")))
        .startsWith("🛡️ GMBot commands");
  }
}
