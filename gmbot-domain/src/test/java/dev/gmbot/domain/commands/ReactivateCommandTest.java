package dev.gmbot.domain.commands;

import static dev.gmbot.domain.GuardFixture.BASIC_GROUP;
import static dev.gmbot.domain.GuardFixture.CHANNEL;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.domain.protection.Decision;
import dev.gmbot.port.model.AdminRights;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.PauseReason;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** /reactivate: re-check and resume. */
class ReactivateCommandTest extends CommandTestBase {
  @Test
  void reactivateResumesWhenEveryRightIsBack() {
    world.protectedGroup();
    world
        .repos
        .groups()
        .pause(
            GROUP.groupId(),
            new PauseReason(
                PauseReason.Kind.CANNOT_CHECK_CHANNEL, Optional.of(CHANNEL.channelId()), ""),
            world.clock.instant());

    assertThat(run(world.command(GROUP, OWNER, "reactivate"))).contains("Protection resumed");
    assertThat(world.group(GROUP).isActive()).isTrue();
  }

  @Test
  void reactivateSaysWhatIsStillMissing() {
    world.protectedGroup();
    world
        .repos
        .groups()
        .pause(
            GROUP.groupId(),
            new PauseReason(
                PauseReason.Kind.CANNOT_CHECK_CHANNEL, Optional.of(CHANNEL.channelId()), ""),
            world.clock.instant());
    world.telegram.setStatus(
        CHANNEL.id(), world.bot(MemberStatus.LEFT, AdminRights.NONE).user(), MemberStatus.LEFT);

    assertThat(run(world.command(GROUP, OWNER, "reactivate")))
        .contains("❌ I'm not an admin in @news")
        .contains("Still missing");
    assertThat(world.group(GROUP).isPaused()).isTrue();
  }

  @Test
  void reactivateOfAnActiveGroupSaysAllIsInOrder() {
    world.protect(GROUP, GuardFixture.news(), GuardFixture.extra());

    assertThat(world.guard.decide(world.command(GROUP, OWNER, "reactivate")))
        .singleElement()
        .extracting(d -> ((Decision.Reply) d).message().text())
        .isEqualTo(
            "🔍 Verifying permissions...\n✅ I'm admin in this group\n✅ I'm admin in @news\n"
                + "✅ I'm admin in @extra\n\n🛡️ Everything is in order; protection is active.");
  }

  @Test
  void reactivateWhenTheBotLacksRightsInTheGroupKeepsThePause() {
    world.protectedGroup();
    world
        .repos
        .groups()
        .pause(
            GROUP.groupId(),
            new PauseReason(PauseReason.Kind.BOT_LACKS_GROUP_RIGHTS, Optional.empty(), ""),
            world.clock.instant());
    world.telegram.setBotRights(GROUP.id(), new AdminRights(true, true, false, true, false));

    assertThat(run(world.command(GROUP, OWNER, "reactivate")))
        .contains("❌ I'm admin in this group but need the rights to invite users")
        .contains("✅ I'm admin in @news")
        .endsWith("Still missing: fix the ❌ items above, then run /reactivate.");
    assertThat(world.group(GROUP).isPaused()).isTrue();
  }

  @Test
  void reactivateInABasicGroupAsksForASupergroupFirst() {
    assertThat(run(world.command(BASIC_GROUP, OWNER, "reactivate")))
        .startsWith("⚠️ This is a basic group");
  }

  @Test
  void reactivateOfAnUnprotectedGroupSaysProtectionIsOff() {
    assertThat(run(world.command(GROUP, OWNER, "reactivate")))
        .startsWith("🔓 Protection is off here.");
  }
}
