package dev.gmbot.domain.protection;

import static dev.gmbot.domain.GuardFixture.ADMIN;
import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.BOB;
import static dev.gmbot.domain.GuardFixture.CHANNEL;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.port.model.AdminRights;
import dev.gmbot.port.model.AuditEntry;
import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.EnforcementRules;
import dev.gmbot.port.model.EnforcementRules.Action;
import dev.gmbot.port.model.EnforcementRules.CheckFailure;
import dev.gmbot.port.model.MemberDeadline;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.RestrictionState;
import dev.gmbot.port.out.TransientBotApiException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Issue 16: the action per group, the failure policy and the trust list, on the domain's fakes. */
class EnforcementPolicyTest {
  private final GuardFixture world = new GuardFixture().protectedGroup();

  private long calls(String method) {
    return world.telegram.calls(method).size();
  }

  private List<AuditEntry.Action> audit() {
    return world.repos.auditEntries().stream().map(AuditEntry::action).toList();
  }

  private boolean restricted(dev.gmbot.port.model.UserRef user) {
    return world
        .repos
        .members()
        .find(GROUP.groupId(), user.id())
        .map(m -> m.restriction() == RestrictionState.RESTRICTED)
        .orElse(false);
  }

  private void checksFail() {
    world.telegram.failAlways(
        "getChatMember",
        CHANNEL.id(),
        new TransientBotApiException("getChatMember", "timeout", OptionalInt.empty(), null));
  }

  @Nested
  class MuteThenRemove {
    MuteThenRemove() {
      world.enforcement(GROUP, EnforcementRules.DEFAULTS.withAction(Action.MUTE_THEN_REMOVE));
    }

    @Test
    void aMemberStillUnverifiedAfterTheTimeIsRemovedByBanThenUnban() {
      world.handle(world.joins(GROUP, ALICE));
      assertThat(world.mutes()).isEqualTo(1);
      assertThat(
              world.repos.deadlines().find(GROUP.groupId(), ALICE.id(), MemberDeadline.Kind.REMOVE))
          .isPresent();

      world.clock.advance(Duration.ofHours(23));
      world.guard.sweepPrompts();
      assertThat(calls("banChatMember")).isZero();

      world.clock.advance(Duration.ofHours(1));
      List<String> effects = world.guard.sweepPrompts();

      assertThat(calls("banChatMember")).isEqualTo(1);
      assertThat(calls("unbanChatMember")).isEqualTo(1);
      assertThat(effects).anyMatch(l -> l.startsWith("removed 101"));
      assertThat(audit()).contains(AuditEntry.Action.REMOVED);
      assertThat(world.repos.members().find(GROUP.groupId(), ALICE.id())).isEmpty();
      assertThat(world.repos.deadlines().count(GROUP.groupId(), MemberDeadline.Kind.REMOVE))
          .isZero();
      // Unbanned at once: the member may come back (status left, not kicked).
      assertThat(world.telegram.member(GROUP.id(), ALICE.id()).orElseThrow().status())
          .isEqualTo(MemberStatus.LEFT);
    }

    @Test
    void aMemberWhoSubscribedMeanwhileIsLiftedNotRemoved() {
      world.handle(world.joins(GROUP, ALICE));
      world.subscribe(ALICE, CHANNEL); // no update reaches the bot: only the re-check sees it

      world.clock.advance(Duration.ofHours(25));
      world.guard.sweepPrompts();

      assertThat(calls("banChatMember")).isZero();
      assertThat(restricted(ALICE)).isFalse();
      assertThat(world.lifts()).isEqualTo(1);
    }

    @Test
    void anAdminOrATrustedMemberIsNeverRemoved() {
      world.handle(world.joins(GROUP, ALICE));
      world.handle(world.joins(GROUP, BOB));
      world.telegram.setMember(
          GROUP.id(), new ChatMember(ALICE, MemberStatus.ADMINISTRATOR, true, AdminRights.ALL));
      world.adminCache.invalidate(GROUP.groupId());
      world.handle(world.command(GROUP, ADMIN, "trust", String.valueOf(BOB.id().value())));

      world.clock.advance(Duration.ofHours(25));
      world.guard.sweepPrompts();

      assertThat(calls("banChatMember")).isZero();
      assertThat(world.repos.deadlines().count(GROUP.groupId(), MemberDeadline.Kind.REMOVE))
          .isZero();
    }

    @Test
    void aFailingCheckPostponesTheRemovalInsteadOfRemoving() {
      world.handle(world.joins(GROUP, ALICE));
      world.clock.advance(Duration.ofHours(25));
      checksFail();

      world.guard.sweepPrompts();
      assertThat(calls("banChatMember")).isZero();

      world.telegram.heal();
      world.clock.advance(DeadlineSweep.REMOVE_LEASE);
      world.guard.sweepPrompts();
      assertThat(calls("banChatMember")).isEqualTo(1);
    }

    @Test
    void switchingBackToMuteDropsTheRemoval() {
      world.handle(world.joins(GROUP, ALICE));
      world.enforcement(GROUP, EnforcementRules.DEFAULTS);

      world.clock.advance(Duration.ofHours(25));
      world.guard.sweepPrompts();

      assertThat(calls("banChatMember")).isZero();
      assertThat(restricted(ALICE)).isTrue();
    }
  }

  @Nested
  class DeleteOnly {
    DeleteOnly() {
      world.enforcement(GROUP, EnforcementRules.DEFAULTS.withAction(Action.DELETE));
      world
          .repos
          .groups()
          .updateSettings(
              GROUP.groupId(),
              world.group(GROUP).settings().withDeleteMessages(false),
              world.clock.instant());
    }

    @Test
    void aJoinerIsPromptedButNeverRestricted() {
      world.handle(world.joins(GROUP, ALICE));

      assertThat(world.mutes()).isZero();
      assertThat(world.telegram.messagesIn(GROUP.id())).hasSize(1);
      assertThat(restricted(ALICE)).isFalse();
    }

    @Test
    void theMessagesOfANonSubscriberAreDeletedEvenWithDeleteMessagesOff() {
      world.handle(world.writes(GROUP, ALICE));

      assertThat(calls("deleteMessage")).isEqualTo(1);
      assertThat(world.mutes()).isZero();
      assertThat(audit()).contains(AuditEntry.Action.MESSAGE_DELETED, AuditEntry.Action.PROMPTED);
    }
  }

  @Nested
  class Hold {
    Hold() {
      world.enforcement(
          GROUP,
          EnforcementRules.DEFAULTS
              .withOnCheckFailure(CheckFailure.HOLD)
              .withHoldLimit(Duration.ofMinutes(10)));
    }

    @Test
    void aJoinerIsHeldWhileChecksFailThenFreedWhenTheCheckSaysSubscribed() {
      checksFail();
      world.handle(world.joins(GROUP, ALICE));

      assertThat(world.mutes()).isEqualTo(1);
      assertThat(audit()).contains(AuditEntry.Action.HELD);
      assertThat(world.telegram.messagesIn(GROUP.id()).get(0).message().text())
          .contains("one moment");

      world.clock.advance(Duration.ofMinutes(1));
      world.guard.sweepPrompts();
      assertThat(restricted(ALICE)).isTrue();

      world.telegram.heal();
      world.subscribe(ALICE, CHANNEL);
      world.clock.advance(DeadlineSweep.HOLD_LEASE);
      world.guard.sweepPrompts();

      assertThat(restricted(ALICE)).isFalse();
      assertThat(world.repos.deadlines().count(GROUP.groupId(), MemberDeadline.Kind.HOLD)).isZero();
    }

    @Test
    void aJoinerCheckedNotSubscribedAfterTheOutageGetsTheGroupsAction() {
      checksFail();
      world.handle(world.joins(GROUP, ALICE));

      world.telegram.heal();
      world.clock.advance(Duration.ofMinutes(1));
      world.guard.sweepPrompts();

      assertThat(restricted(ALICE)).isTrue();
      assertThat(world.repos.deadlines().count(GROUP.groupId(), MemberDeadline.Kind.HOLD)).isZero();
      assertThat(world.telegram.messagesIn(GROUP.id()).stream().filter(m -> !m.deleted()))
          .anyMatch(m -> m.message().text().contains("@news"));
    }

    @Test
    void nobodyIsHeldLongerThanTheLimit() {
      checksFail();
      world.handle(world.joins(GROUP, ALICE));

      world.clock.advance(Duration.ofMinutes(9));
      world.guard.sweepPrompts();
      assertThat(restricted(ALICE)).isTrue();

      world.clock.advance(Duration.ofMinutes(1));
      List<String> effects = world.guard.sweepPrompts();

      assertThat(restricted(ALICE)).isFalse();
      assertThat(effects).anyMatch(l -> l.contains("hold limit reached"));
    }

    @Test
    void statusSaysChecksAreFailing() {
      checksFail();
      world.handle(world.joins(GROUP, ALICE));

      world.handle(world.command(GROUP, ADMIN, "status"));

      assertThat(world.telegram.messagesIn(GROUP.id()))
          .anyMatch(
              m -> m.message().text().contains("failing") && m.message().text().contains("hold"));
    }
  }

  @Test
  void byDefaultAJoinerIsLetThroughWhenChecksFail() {
    checksFail();
    world.handle(world.joins(GROUP, ALICE));

    assertThat(world.mutes()).isZero();
    assertThat(world.repos.deadlines().count(GROUP.groupId(), MemberDeadline.Kind.HOLD)).isZero();
  }

  @Nested
  class Trust {
    @Test
    void anAdminTrustsByReplyAndTheMemberIsExemptAndLifted() {
      world.handle(world.joins(GROUP, ALICE));
      assertThat(restricted(ALICE)).isTrue();

      world.handle(world.commandReplying(GROUP, ADMIN, ALICE, "trust"));

      assertThat(world.repos.trustList().isTrusted(GROUP.groupId(), ALICE.id())).isTrue();
      assertThat(restricted(ALICE)).isFalse();
      assertThat(audit()).contains(AuditEntry.Action.TRUSTED);

      int before = world.telegram.calls("getChatMember").size();
      long deletions = calls("deleteMessage");
      world.handle(world.writes(GROUP, ALICE));
      assertThat(world.telegram.calls("getChatMember")).hasSize(before);
      assertThat(calls("deleteMessage")).isEqualTo(deletions);
    }

    @Test
    void anIdNoUserHasIsAnUnknownUserNotAFailure() {
      world.handle(world.command(GROUP, ADMIN, "trust", "0"));

      assertThat(world.repos.trustList().count(GROUP.groupId())).isZero();
      assertThat(world.telegram.messagesIn(GROUP.id()))
          .anyMatch(m -> m.message().text().startsWith("I can't find the user 0."));
    }

    @Test
    void aTrustedJoinerIsNotChecked() {
      world.handle(world.command(GROUP, ADMIN, "trust", String.valueOf(BOB.id().value())));

      world.handle(world.joins(GROUP, BOB));

      assertThat(world.mutes()).isZero();
      assertThat(world.telegram.messagesIn(GROUP.id()))
          .noneMatch(m -> m.message().text().contains("@news"));
    }

    @Test
    void untrustEndsTheExemption() {
      world.handle(world.command(GROUP, ADMIN, "trust", String.valueOf(BOB.id().value())));
      world.handle(world.command(GROUP, ADMIN, "untrust", String.valueOf(BOB.id().value())));

      assertThat(world.repos.trustList().isTrusted(GROUP.groupId(), BOB.id())).isFalse();
      world.handle(world.writes(GROUP, BOB));
      assertThat(world.mutes()).isEqualTo(1);
      assertThat(audit()).contains(AuditEntry.Action.UNTRUSTED);
    }

    @Test
    void aNonAdminCannotTrust() {
      world.handle(world.commandReplying(GROUP, BOB, ALICE, "trust"));

      assertThat(world.repos.trustList().isTrusted(GROUP.groupId(), ALICE.id())).isFalse();
    }

    @Test
    void trustIsPerGroup() {
      world.protect(GuardFixture.OTHER_GROUP, GuardFixture.news());
      world.handle(world.command(GROUP, ADMIN, "trust", String.valueOf(BOB.id().value())));

      assertThat(world.repos.trustList().isTrusted(GuardFixture.OTHER_GROUP.groupId(), BOB.id()))
          .isFalse();
    }
  }
}
