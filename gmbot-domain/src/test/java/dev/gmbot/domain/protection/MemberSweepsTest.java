package dev.gmbot.domain.protection;

import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.BOB;
import static dev.gmbot.domain.GuardFixture.CHANNEL;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.port.model.GroupMember;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.MemberSweep;
import dev.gmbot.port.model.OffPeakHours;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.model.UserRef;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The background sweeps over members (issue 16, items 4-6; ADRs 0024, 0025): the reconciliation of
 * restricted members and the active-member verification, their stored progress, lease and budget.
 */
class MemberSweepsTest {
  private static final Duration SLICE = Duration.ofMinutes(1);
  private final GuardFixture f = new GuardFixture().protectedGroup();

  private void joinsMuted(UserRef... users) {
    for (UserRef u : users) {
      f.handle(f.joins(GROUP, u));
      f.clock.advance(Duration.ofSeconds(1));
    }
  }

  private Optional<GroupMember> member(UserRef u) {
    return f.repos.members().find(GROUP.groupId(), u.id());
  }

  private long checksOf(UserRef u) {
    return f.telegram.count(
        "getChatMember",
        c -> c.user().equals(Optional.of(u.id())) && c.chat().equals(Optional.of(CHANNEL.id())));
  }

  private MemberSweep stored(MemberSweep.Kind kind) {
    return f.repos.sweeps().find(GROUP.groupId(), kind).orElseThrow();
  }

  @Test
  void aMemberWhoSubscribedUnseenIsFreedByTheReconciliationAndTheOthersStayMuted() {
    joinsMuted(ALICE, BOB);
    assertThat(member(ALICE).orElseThrow().isRestricted()).isTrue();
    f.subscribe(ALICE, CHANNEL); // no chat_member update reaches the bot

    List<String> lines = f.guard.sweepMembers("east", SLICE);

    assertThat(member(ALICE).orElseThrow().isRestricted()).isFalse();
    assertThat(f.telegram.member(GROUP.id(), ALICE.id()).orElseThrow().status())
        .isEqualTo(MemberStatus.MEMBER);
    assertThat(member(BOB).orElseThrow().isRestricted()).isTrue();
    assertThat(f.repos.prompts().naming(GROUP.groupId(), ALICE.id())).isEmpty();
    MemberSweep done = stored(MemberSweep.Kind.RECONCILE);
    assertThat(done.finishedAt()).isPresent();
    assertThat(done.checked()).isEqualTo(2);
    assertThat(done.freed()).isEqualTo(1);
    assertThat(done.remaining()).isZero();
    assertThat(lines).anyMatch(l -> l.contains("reconcile sweep") && l.contains("finished"));
    assertThat(f.metrics.memberSweeps()).isNotEmpty();
  }

  @Test
  void theOldestRestrictionIsCheckedFirst() {
    joinsMuted(BOB, ALICE); // Bob was muted first
    f.telegram.clearCalls();

    f.guard.sweepMembers("east", SLICE);

    List<UserId> order =
        f.telegram.calls("getChatMember").stream().map(c -> c.user().orElseThrow()).toList();
    assertThat(order).containsExactly(BOB.id(), ALICE.id());
  }

  @Test
  void aSliceEndedByItsBudgetIsResumedFromTheStoredPositionAndNobodyIsCheckedTwice() {
    UserRef[] users =
        IntStream.rangeClosed(1, 6)
            .mapToObj(i -> UserRef.of(500 + i, "U" + i))
            .toArray(UserRef[]::new);
    joinsMuted(users);
    for (UserRef u : users) {
      f.subscribe(u, CHANNEL);
    }
    f.telegram.clearCalls();
    // Every check takes a second of the clock: a 2.5 s slice checks three members.
    f.telegram.beforeEachCall(
        c -> {
          if (c.method().equals("getChatMember")) {
            f.clock.advance(Duration.ofSeconds(1));
          }
        });

    f.guard.sweepMembers("east", Duration.ofMillis(2500));

    MemberSweep paused = stored(MemberSweep.Kind.RECONCILE);
    assertThat(paused.running()).isTrue();
    assertThat(paused.checked()).isEqualTo(3);
    assertThat(paused.remaining()).isEqualTo(3);
    assertThat(paused.expectedEnd(f.clock.instant())).isPresent();

    // Another instance (or the same one after a restart) goes on from the stored position.
    f.guard.sweepMembers("west", SLICE);

    assertThat(stored(MemberSweep.Kind.RECONCILE).finishedAt()).isPresent();
    assertThat(stored(MemberSweep.Kind.RECONCILE).checked()).isEqualTo(6);
    for (UserRef u : users) {
      assertThat(checksOf(u)).as("checks of %s", u.id()).isEqualTo(1);
      assertThat(member(u).orElseThrow().isRestricted()).isFalse();
    }
  }

  @Test
  void aSweepLeasedToAnotherInstanceIsNotRunHere() {
    joinsMuted(ALICE);
    f.subscribe(ALICE, CHANNEL);
    f.repos
        .sweeps()
        .claim(GROUP.groupId(), MemberSweep.Kind.RECONCILE, "west", f.clock.instant(), SLICE);
    f.telegram.clearCalls();

    f.guard.sweepMembers("east", SLICE);

    assertThat(f.telegram.count("getChatMember")).isZero();
    assertThat(member(ALICE).orElseThrow().isRestricted()).isTrue();

    f.clock.advance(SLICE); // west's lease runs out: east takes over
    f.guard.sweepMembers("east", SLICE);
    assertThat(member(ALICE).orElseThrow().isRestricted()).isFalse();
  }

  @Test
  void aFinishedReconciliationStartsAgainAfterTheInterval() {
    joinsMuted(ALICE);
    f.guard.sweepMembers("east", SLICE);
    f.telegram.clearCalls();

    f.clock.advance(Duration.ofMinutes(59));
    f.guard.sweepMembers("east", SLICE);
    assertThat(f.telegram.count("getChatMember")).as("within the interval").isZero();

    f.clock.advance(Duration.ofMinutes(1));
    f.subscribe(ALICE, CHANNEL);
    f.guard.sweepMembers("east", SLICE);
    assertThat(checksOf(ALICE)).isEqualTo(1);
    assertThat(member(ALICE).orElseThrow().isRestricted()).isFalse();
  }

  @Test
  void activeMembersAreVerifiedInTheOffPeakHoursOnlyAndANonSubscriberGetsTheGroupsAction() {
    f.subscribe(ALICE, CHANNEL).subscribe(BOB, CHANNEL);
    f.handle(f.writes(GROUP, ALICE));
    f.handle(f.writes(GROUP, BOB));
    assertThat(member(ALICE).orElseThrow().isRestricted()).isFalse();
    // Alice leaves the channel unseen; Bob's answer stays cached past the night's start.
    f.telegram.setStatus(CHANNEL.id(), ALICE, MemberStatus.LEFT);
    f.telegram.clearCalls();

    f.guard.sweepMembers("east", SLICE); // 00:00 UTC: not off-peak (02-06)
    assertThat(f.telegram.count("getChatMember")).isZero();

    f.clock.advance(Duration.ofHours(2).plusMinutes(30)); // 02:30: both answers expired
    f.membershipCache.put(BOB.id(), CHANNEL.channelId(), true, Duration.ofHours(1));
    f.guard.sweepMembers("east", SLICE);

    assertThat(member(ALICE).orElseThrow().isRestricted()).as("not subscribed").isTrue();
    assertThat(checksOf(ALICE)).isEqualTo(1);
    assertThat(checksOf(BOB)).as("a valid cached answer is used").isZero();
    assertThat(member(BOB).orElseThrow().isRestricted()).isFalse();
    MemberSweep done = stored(MemberSweep.Kind.ACTIVE);
    assertThat(done.finishedAt()).isPresent();
    assertThat(done.checked()).isEqualTo(2);
    assertThat(done.restricted()).isEqualTo(1);

    f.telegram.clearCalls();
    f.clock.advance(Duration.ofHours(1)); // same window: one run per night
    f.guard.sweepMembers("east", SLICE);
    assertThat(checksOf(BOB)).isZero();
    assertThat(stored(MemberSweep.Kind.ACTIVE)).isEqualTo(done);
  }

  @Test
  void offPeakIsSetByAnAdminInTheGroupsOffsetAndShownInStatusWithTheProgress() {
    f.handle(f.command(GROUP, OWNER, "offpeak", "23-01", "+01:00"));
    assertThat(f.repos.sweeps().offPeak(GROUP.groupId()))
        .isEqualTo(new OffPeakHours(23, 1, ZoneOffset.ofHours(1)));
    f.handle(f.command(GROUP, OWNER, "offpeak", "whenever"));
    assertThat(f.telegram.messagesIn(GROUP.id()).getLast().message().text()).contains("/offpeak");
    f.handle(f.command(GROUP, ALICE, "offpeak", "02-06"));
    assertThat(f.repos.sweeps().offPeak(GROUP.groupId()).startHour())
        .as("not an admin")
        .isEqualTo(23);

    joinsMuted(BOB);
    f.guard.sweepMembers("east", SLICE);
    f.handle(f.command(GROUP, OWNER, "status"));
    assertThat(f.telegram.messagesIn(GROUP.id()).getLast().message().text())
        .contains("1 checked")
        .contains("0 freed");
  }

  @Test
  void everyCallOfTheReconciliationIsABackgroundCall() {
    joinsMuted(ALICE, BOB);
    f.subscribe(ALICE, CHANNEL);
    f.scheduled.clear();

    f.guard.sweepMembers("east", SLICE);

    assertThat(f.scheduled).isNotEmpty();
    assertThat(f.scheduled)
        .extracting(dev.gmbot.domain.scheduling.BotCall::priority)
        .containsOnly(dev.gmbot.domain.scheduling.Priority.P2_BACKGROUND);
    assertThat(f.scheduled)
        .extracting(c -> c.method().name())
        .contains("GET_CHAT_MEMBER", "RESTRICT_CHAT_MEMBER");
  }
}
