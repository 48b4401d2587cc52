package dev.gmbot.domain.commands;

import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.BOB;
import static dev.gmbot.domain.GuardFixture.CHANNEL;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.port.model.EnforcedChannel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** /unprotect: named channels, or all. */
class UnprotectCommandTest extends CommandTestBase {
  @Test
  void unprotectAllDisablesProtectionAndLiftsTheRestrictionsItMade() {
    world.protectedGroup();
    world.handle(world.joins(GROUP, ALICE));
    world.telegram.clearCalls();

    String reply = run(world.command(GROUP, OWNER, "unprotect"));

    assertThat(reply).contains("Protection disabled").contains("lifting the 1 restriction I made");
    assertThat(world.group(GROUP).enabled()).isFalse();
    assertThat(world.lifts()).isEqualTo(1);
    assertThat(world.repos.members().restricted(GROUP.groupId(), 10)).isEmpty();
  }

  @Test
  void unprotectOneChannelKeepsTheOthers() {
    world.protect(GROUP, GuardFixture.news(), GuardFixture.extra());

    assertThat(run(world.command(GROUP, OWNER, "unprotect", "@extra")))
        .contains("Still required here: @news");
    assertThat(world.group(GROUP).channels())
        .extracting(EnforcedChannel::id)
        .containsExactly(CHANNEL.channelId());
  }

  @Test
  void unprotectOfAChannelThatIsNotLinkedSaysWhatIs() {
    world.protectedGroup();

    assertThat(run(world.command(GROUP, OWNER, "unprotect", "@extra")))
        .contains("Required now: @news");
  }

  @Test
  void unprotectFindsTheChannelByIdByLinkAndInAnyCase() {
    world.protect(GROUP, GuardFixture.news(), GuardFixture.extra());

    assertThat(run(world.command(GROUP, OWNER, "unprotect", "t.me/EXTRA")))
        .isEqualTo("✅ Done. Still required here: @news.");
    world.protect(GROUP, GuardFixture.extra());
    assertThat(run(world.command(GROUP, OWNER, "unprotect", "-1002000000002")))
        .isEqualTo("✅ Done. Still required here: @news.");
  }

  @Test
  void unprotectNamingEveryChannelTurnsProtectionOff() {
    world.protect(GROUP, GuardFixture.news(), GuardFixture.extra());

    assertThat(run(world.command(GROUP, OWNER, "unprotect", "@extra", "@news")))
        .isEqualTo("🔓 Protection disabled.");
    assertThat(world.group(GROUP).enabled()).isFalse();
  }

  @Test
  void unprotectWithAMalformedNameSaysWhatIsRequired() {
    world.protectedGroup();

    assertThat(run(world.command(GROUP, OWNER, "unprotect", "bad!")))
        .isEqualTo(
            "“bad!” isn't required here. Required now: @news.\nUsage: /unprotect [@channel | all]");
    assertThat(world.group(GROUP).isActive()).isTrue();
  }

  @Test
  void unprotectAllDecidesToUnprotectThenLiftsEveryMuteAtBackgroundPriority() {
    world.protectedGroup();
    world.handle(world.joins(GROUP, ALICE));
    world.handle(world.joins(GROUP, BOB));

    List<Decision> decisions = world.guard.decide(world.command(GROUP, OWNER, "unprotect", "all"));

    assertThat(decisions).hasSize(6);
    assertThat(decisions.get(0)).isEqualTo(new Decision.UnprotectGroup(GROUP.groupId(), Set.of()));
    assertThat(((Decision.Reply) decisions.get(1)).message().text())
        .isEqualTo("🔓 Protection disabled. I'm lifting the 2 restrictions I made.");
    assertThat(decisions.subList(2, 6))
        .extracting(d -> d.getClass().getSimpleName())
        .containsExactly("Lift", "ClearPrompts", "Lift", "ClearPrompts");
    assertThat(decisions)
        .filteredOn(d -> d instanceof Decision.Lift)
        .extracting(d -> ((Decision.Lift) d).priority())
        .containsOnly(Priority.P2_BACKGROUND);
  }

  @Test
  void unprotectOutsideAProtectedGroupSaysProtectionIsOff() {
    assertThat(run(world.command(GROUP, OWNER, "unprotect")))
        .isEqualTo(
            "🔓 Protection is off here. An admin can turn it on with /protect @YourChannel.");
  }
}
