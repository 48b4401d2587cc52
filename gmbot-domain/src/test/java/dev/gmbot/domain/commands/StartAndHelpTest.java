package dev.gmbot.domain.commands;

import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.protection.Decision;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.Owner;
import org.junit.jupiter.api.Test;

/** /start and /help, anywhere. */
class StartAndHelpTest extends CommandTestBase {
  @Test
  void startInPrivateWelcomesWithTheSetupSteps() {
    String reply = run(world.command(ChatRef.privateChat(ALICE), ALICE, "start"));

    assertThat(reply).startsWith("👋 Welcome to GMBot!").contains("/protect @YourChannel");
  }

  @Test
  void startMakesAKnownOwnerReachableInPrivate() {
    world.repos.owners().save(new Owner(OWNER.id(), OWNER.username(), false));

    world.handle(world.command(ChatRef.privateChat(OWNER), OWNER, "start"));

    assertThat(world.repos.owners().find(OWNER.id()).orElseThrow().reachableInPrivate()).isTrue();
  }

  @Test
  void anOwnerWhoStartedTheBotBeforeProtectingIsReachableInPrivate() {
    world.handle(world.command(ChatRef.privateChat(OWNER), OWNER, "start"));

    run(world.command(GROUP, OWNER, "protect", "@news"));

    assertThat(world.repos.owners().find(OWNER.id()).orElseThrow().reachableInPrivate()).isTrue();
    assertThat(world.group(GROUP).owner()).isEqualTo(OWNER.id());
  }

  @Test
  void helpListsEveryCommand() {
    String reply = run(world.command(ChatRef.privateChat(ALICE), ALICE, "help"));

    assertThat(reply)
        .contains("/protect", "/unprotect", "/status", "/settings", "/reactivate", "/stats");
  }

  @Test
  void startInAGroupPointsToProtect() {
    assertThat(run(world.command(GROUP, ALICE, "start")))
        .isEqualTo(
            "👋 I'm GMBot. Admins: /protect @YourChannel makes channel membership required here."
                + " /help for more.");
    assertThat(world.repos.owners().find(ALICE.id())).isEmpty();
  }

  @Test
  void startBySomeoneAlreadyReachableSavesNothing() {
    world.repos.owners().save(new Owner(OWNER.id(), OWNER.username(), true));

    assertThat(world.guard.decide(world.command(ChatRef.privateChat(OWNER), OWNER, "start")))
        .singleElement()
        .isInstanceOf(Decision.Reply.class);
  }
}
