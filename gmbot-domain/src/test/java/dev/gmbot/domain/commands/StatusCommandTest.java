package dev.gmbot.domain.commands;

import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.CHANNEL;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OTHER_GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.domain.protection.Decision;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.PauseReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** /status in a group and in private. */
class StatusCommandTest extends CommandTestBase {
  @Test
  void statusShowsChannelsStateAndCounts() {
    world.protectedGroup();
    world.handle(world.joins(GROUP, ALICE));

    assertThat(run(world.command(GROUP, OWNER, "status")))
        .contains("✅ active")
        .contains("Channels: @news")
        .contains("0 verified, 1 restricted");
  }

  @Test
  void statusOfAPausedGroupSaysWhy() {
    world.protectedGroup();
    world
        .repos
        .groups()
        .pause(
            GROUP.groupId(),
            new PauseReason(
                PauseReason.Kind.CANNOT_CHECK_CHANNEL,
                Optional.of(CHANNEL.channelId()),
                "not an admin of @news"),
            world.clock.instant());

    assertThat(run(world.command(GROUP, OWNER, "status")))
        .contains("⏸ paused")
        .contains("not an admin of @news")
        .contains("/reactivate");
  }

  @Test
  void statusOfAnUnprotectedGroupSaysHowToStart() {
    assertThat(run(world.command(GROUP, OWNER, "status"))).contains("Protection is off here");
  }

  @Test
  void statusOfAPausedGroupNamesEachReason() {
    world.protectedGroup();
    List<String> said = new ArrayList<>();
    for (PauseReason.Kind kind : PauseReason.Kind.values()) {
      world
          .repos
          .groups()
          .pause(
              GROUP.groupId(), new PauseReason(kind, Optional.empty(), ""), world.clock.instant());
      said.add(run(world.command(GROUP, OWNER, "status")));
    }

    assertThat(said)
        .containsExactly(
            "🛡️ Protection: ⏸ paused: I lack admin rights in this group.\nFix it, then run"
                + " /reactivate (it also resumes by itself).\nChannels: @news\nMembers: 0"
                + " verified, 0 restricted",
            "🛡️ Protection: ⏸ paused: I was removed from this group.\nFix it, then run"
                + " /reactivate (it also resumes by itself).\nChannels: @news\nMembers: 0"
                + " verified, 0 restricted",
            "🛡️ Protection: ⏸ paused: I can't see the members of a linked channel.\nFix it, then"
                + " run /reactivate (it also resumes by itself).\nChannels: @news\nMembers: 0"
                + " verified, 0 restricted");
  }

  @Test
  void statusInPrivateListsTheGroupsTheSenderOwns() {
    world.protectedGroup().protect(OTHER_GROUP, GuardFixture.news(), GuardFixture.extra());
    world
        .repos
        .groups()
        .pause(
            OTHER_GROUP.groupId(),
            new PauseReason(PauseReason.Kind.BOT_REMOVED_FROM_GROUP, Optional.empty(), ""),
            world.clock.instant());

    assertThat(run(world.command(ChatRef.privateChat(OWNER), OWNER, "status")))
        .startsWith("Your protected groups:\n")
        .contains("• Fans: active (@news)")
        .contains("• Other fans: paused (@news, @extra)");
  }

  @Test
  void statusInPrivateOfSomeoneWithoutGroupsSaysHowToStart() {
    assertThat(run(world.command(ChatRef.privateChat(ALICE), ALICE, "status")))
        .isEqualTo("You don't own a protected group yet. See /help to set one up.");
  }

  @Test
  void statusInAChannelIsIgnored() {
    assertThat(world.guard.decide(world.command(CHANNEL, OWNER, "status")))
        .containsExactly(new Decision.Note("ignored: /status outside a group"));
  }
}
