package dev.gmbot.domain;

import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.CHANNEL;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.domain.protection.Decision;
import dev.gmbot.port.in.GroupMemberChanged;
import dev.gmbot.port.in.GroupMigrated;
import dev.gmbot.port.in.HandlingResult;
import dev.gmbot.port.in.MessagePosted;
import dev.gmbot.port.in.UpdateInProgressException;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.out.NonBlocking;
import dev.gmbot.port.out.StorageUnavailableException;
import dev.gmbot.port.out.TransientBotApiException;
import dev.gmbot.port.out.WouldBlockException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class GuardTest {
  private final GuardFixture world = new GuardFixture().protectedGroup();

  @Test
  void theSameUpdateTwiceHasOneEffect() {
    GroupMemberChanged join = world.joins(GROUP, ALICE);

    HandlingResult first = world.handle(join);
    HandlingResult second = world.handle(join);

    assertThat(first.duplicate()).isFalse();
    assertThat(second.duplicate()).isTrue();
    assertThat(second.effects()).isEmpty();
    assertThat(world.mutes()).isEqualTo(1);
    assertThat(world.metrics.count("updateHandled.chat_member")).isEqualTo(1);
  }

  @Test
  void releasesTheClaimWhenStorageFailsSoTheRedeliveryIsProcessed() {
    GroupMemberChanged join = world.joins(GROUP, ALICE);
    world.repos.setUnavailable(true);

    assertThatThrownBy(() -> world.handle(join)).isInstanceOf(StorageUnavailableException.class);

    world.repos.setUnavailable(false);
    HandlingResult redelivered = world.handle(join);
    assertThat(redelivered.duplicate()).isFalse();
    assertThat(world.mutes()).isEqualTo(1);
  }

  @Test
  void releasesTheClaimWhenARestrictionFailsTransiently() {
    GroupMemberChanged join = world.joins(GROUP, ALICE);
    world.telegram.failNext(
        "restrictChatMember",
        new TransientBotApiException("restrictChatMember", "timeout", OptionalInt.empty(), null));

    assertThatThrownBy(() -> world.handle(join)).isInstanceOf(TransientBotApiException.class);
    HandlingResult redelivered = world.handle(join);

    assertThat(redelivered.effects()).anyMatch(line -> line.startsWith("restricted 101"));
    assertThat(world.mutes()).as("the failed call and the redelivered one").isEqualTo(2);
    assertThat(world.repos.members().find(GROUP.groupId(), ALICE.id()).orElseThrow().isRestricted())
        .isTrue();
  }

  @Test
  void aVerifiedMembersMessageIsHandledWithoutWaiting() {
    world.subscribe(ALICE, CHANNEL);
    world.handle(world.writes(GROUP, ALICE)); // checked once with Telegram, then cached
    MessagePosted again = world.writes(GROUP, ALICE);

    try (NonBlocking.Attempt attempt = NonBlocking.attempt()) {
      HandlingResult result = world.handle(again);

      assertThat(attempt.tripped()).isFalse();
      assertThat(result.duplicate()).isFalse();
    }
    assertThat(world.handle(again).duplicate()).as("completed").isTrue();
  }

  @Test
  void anUpdateThatWouldWaitInsideAnAttemptIsReleasedUntouchedForTheNextThread() {
    GroupMemberChanged join = world.joins(GROUP, ALICE); // needs Telegram: not subscribed yet

    try (NonBlocking.Attempt attempt = NonBlocking.attempt()) {
      assertThatThrownBy(() -> world.handle(join)).isInstanceOf(WouldBlockException.class);
      assertThat(attempt.tripped()).isTrue();
    }
    assertThat(world.mutes()).isZero();
    assertThat(world.metrics.count("updateHandled.chat_member")).isZero();

    HandlingResult handledAgain = world.handle(join);
    assertThat(handledAgain.duplicate()).as("the claim was released").isFalse();
    assertThat(world.mutes()).isEqualTo(1);
    assertThat(world.metrics.count("updateHandled.chat_member")).isEqualTo(1);
  }

  /**
   * A handling failure whose clean-up fails too (a supergroup with a positive id: both the handling
   * and forgetting its joins throw) still releases the claim: the redelivery fails the same way
   * instead of being answered "in progress" until the lease runs out.
   */
  @Test
  void releasesTheClaimWhenForgettingTheFailedUpdateFailsToo() {
    ChatRef impossible =
        new ChatRef(ChatId.of(5), ChatType.SUPERGROUP, "Impossible", java.util.Optional.empty());
    GroupMemberChanged join = world.joins(impossible, ALICE);

    assertThatThrownBy(() -> world.handle(join)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> world.handle(join))
        .as("the redelivery is handled again, not 'in progress'")
        .isInstanceOf(IllegalArgumentException.class)
        .isNotInstanceOf(UpdateInProgressException.class);
  }

  @Test
  void anUpdateInProgressElsewhereIsNeitherHandledNorAcknowledged() {
    GroupMemberChanged join = world.joins(GROUP, ALICE);
    world.updateLog.begin(join.updateId(), Guard.HANDLING_LEASE);

    assertThatThrownBy(() -> world.handle(join))
        .isInstanceOfSatisfying(
            UpdateInProgressException.class,
            e -> assertThat(e.updateId()).isEqualTo(join.updateId()));
    assertThat(world.mutes()).isZero();
    assertThat(world.claimPauses)
        .as("waited for the other handler within the bound first, pauses growing")
        .startsWith(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(80))
        .allSatisfy(p -> assertThat(p).isPositive().isLessThanOrEqualTo(Duration.ofMillis(200)));
    assertThat(world.claimPauses.stream().reduce(Duration.ZERO, Duration::plus))
        .isEqualTo(ClaimWait.DEFAULT_BOUND);
  }

  /**
   * Two instances got the same update at the same moment (ADR 0095): the one that lost the claim
   * waits, and once the other completed the update it is a duplicate, acknowledged without acting.
   */
  @Test
  void anUpdateTheOtherHandlerCompletesMeanwhileIsADuplicateNotRefused() {
    GroupMemberChanged join = world.joins(GROUP, ALICE);
    world.updateLog.begin(join.updateId(), Guard.HANDLING_LEASE);
    world.duringClaimPause =
        n -> {
          if (n == 3) {
            world.updateLog.complete(join.updateId(), Guard.DEDUPLICATION_TTL);
          }
        };

    HandlingResult result = world.handle(join);

    assertThat(result.duplicate()).isTrue();
    assertThat(world.mutes()).as("the other handler acted, this one not").isZero();
    assertThat(world.claimPauses).hasSize(3);
  }

  /** The other handler failed and gave the update up meanwhile: this one claims and handles it. */
  @Test
  void anUpdateTheOtherHandlerGivesUpMeanwhileIsHandledHere() {
    GroupMemberChanged join = world.joins(GROUP, ALICE);
    world.updateLog.begin(join.updateId(), Guard.HANDLING_LEASE);
    world.duringClaimPause =
        n -> {
          if (n == 2) {
            world.updateLog.release(join.updateId());
          }
        };

    HandlingResult result = world.handle(join);

    assertThat(result.duplicate()).isFalse();
    assertThat(world.mutes()).isEqualTo(1);
    assertThat(world.claimPauses).hasSize(2);
    assertThat(world.handle(join).duplicate()).as("and completed it").isTrue();
  }

  @Test
  void anUpdateNobodyHoldsIsHandledWithoutWaiting() {
    world.handle(world.joins(GROUP, ALICE));

    assertThat(world.claimPauses).isEmpty();
  }

  @Test
  void theClaimWaitIsBounded() {
    assertThatThrownBy(() -> new ClaimWait(Duration.ofSeconds(11), ClaimWait.Sleeper.REAL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClaimWait(Duration.ofMillis(-1), ClaimWait.Sleeper.REAL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ClaimWait.NONE.nextPause(null, Duration.ZERO)).isZero();
  }

  @Test
  void whenAHandlerDiedItsUpdateIsHandledOnceItsLeaseRunsOut() {
    GroupMemberChanged join = world.joins(GROUP, ALICE);
    world.updateLog.begin(join.updateId(), Guard.HANDLING_LEASE); // that handler never completes

    world.clock.advance(Guard.HANDLING_LEASE.plusSeconds(1));
    HandlingResult redelivered = world.handle(join);

    assertThat(redelivered.duplicate()).isFalse();
    assertThat(world.mutes()).isEqualTo(1);
    assertThat(world.handle(join).duplicate()).isTrue();
  }

  @Test
  void aHandledUpdateStaysADuplicateLongAfterItsLease() {
    GroupMemberChanged join = world.joins(GROUP, ALICE);
    world.handle(join);

    world.clock.advance(Guard.HANDLING_LEASE.multipliedBy(10));

    assertThat(world.handle(join).duplicate()).isTrue();
    assertThat(world.mutes()).isEqualTo(1);
  }

  @Test
  void decideReturnsDecisionsWithoutExecutingThem() {
    List<Decision> decisions = world.guard.decide(world.joins(GROUP, ALICE));

    assertThat(decisions)
        .hasExactlyElementsOfTypes(
            Decision.Count.class, Decision.Restrict.class, Decision.Prompt.class);
    assertThat(world.mutes()).isZero();
    assertThat(world.repos.members().find(GROUP.groupId(), ALICE.id())).isEmpty();

    world.guard.execute(decisions);
    assertThat(world.mutes()).isEqualTo(1);
  }

  @Test
  void migrationMovesTheGroupToItsNewId() {
    GroupId from = GROUP.groupId();
    GroupId to = GroupId.of(-1009999999999L);

    world.handle(new GroupMigrated(world.nextUpdateId(), world.clock.instant(), from, to));

    assertThat(world.repos.groups().find(from)).isEmpty();
    assertThat(world.repos.groups().find(to)).isPresent();
  }

  @Test
  void decideRoutesEachKindOfEventToItsPolicy() {
    GroupId to = GroupId.of(-1009999999999L);

    assertThat(world.guard.decide(world.command(GROUP, GuardFixture.OWNER, "help")))
        .singleElement()
        .isInstanceOf(Decision.Reply.class);
    assertThat(
            world.guard.decide(
                new GroupMigrated(
                    world.nextUpdateId(), world.clock.instant(), GROUP.groupId(), to)))
        .containsExactly(new Decision.MigrateGroup(GROUP.groupId(), to));
    assertThat(world.guard.decide(world.writes(GROUP, ALICE)))
        .hasExactlyElementsOfTypes(
            Decision.DeleteMessage.class, Decision.Restrict.class, Decision.Prompt.class);
  }

  @Test
  void abandonForgetsTheJoinsAnEventClaimedAndNothingForACommand() {
    GroupMemberChanged join = world.joins(GROUP, ALICE);
    world.guard.decide(join);

    world.guard.abandon(world.command(GROUP, GuardFixture.OWNER, "help"));
    assertThat(world.guard.decide(world.serviceJoin(GROUP, ALICE)))
        .singleElement()
        .isInstanceOf(Decision.Note.class);

    world.guard.abandon(join);
    assertThat(world.guard.decide(world.serviceJoin(GROUP, ALICE)))
        .hasExactlyElementsOfTypes(
            Decision.Count.class, Decision.Restrict.class, Decision.Prompt.class);
  }

  @Test
  void theBuilderSaysWhichPartIsMissing() {
    assertThatThrownBy(() -> Guard.builder().telegram(world.telegram).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Guard.builder().repositories(...) was not given");
  }

  @Test
  void reportsTheActiveGroupsGaugeWhenProtectionChanges() {
    world.handle(world.command(GuardFixture.OTHER_GROUP, GuardFixture.OWNER, "protect", "@news"));

    assertThat(world.metrics.activeGroups()).isEqualTo(2);
  }
}
