package dev.gmbot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.model.GroupMember;
import dev.gmbot.port.model.MemberSweep;
import dev.gmbot.port.model.OffPeakHours;
import dev.gmbot.port.model.RestrictionState;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.MemberSweeps;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MemberSweeps} must have (ADR 0025): one holder of a sweep at a time,
 * leases that run out, a stored position that a new holder resumes from, the candidates in each
 * kind's order after a position, and the off-peak hours per group.
 */
public abstract class MemberSweepsContract extends RepositoryContractSupport {
  private static final Duration LEASE = Duration.ofMinutes(2);

  /** The sweeps of the store {@link #newStore()} returned last (the same database). */
  protected abstract MemberSweeps sweeps();

  private MemberRepository members() {
    return store.members();
  }

  @Test
  void aSweepNeverRunIsCreatedByTheFirstClaimAndHeldByOneHolderAtATime() {
    assertThat(sweeps().find(group(1), MemberSweep.Kind.RECONCILE)).isEmpty();

    assertThat(sweeps().claim(group(1), MemberSweep.Kind.RECONCILE, "east", at(0), LEASE))
        .contains(MemberSweep.never(group(1), MemberSweep.Kind.RECONCILE));
    assertThat(sweeps().claim(group(1), MemberSweep.Kind.RECONCILE, "west", at(1), LEASE))
        .as("held by east")
        .isEmpty();
    assertThat(sweeps().claim(group(1), MemberSweep.Kind.RECONCILE, "east", at(2), LEASE))
        .as("east again")
        .isPresent();
    assertThat(sweeps().claim(group(1), MemberSweep.Kind.ACTIVE, "west", at(2), LEASE))
        .as("another kind")
        .isPresent();
    assertThat(sweeps().claim(group(2), MemberSweep.Kind.RECONCILE, "west", at(2), LEASE))
        .as("another group")
        .isPresent();
  }

  @Test
  void anExpiredOrReleasedLeaseIsTakenOverAndTheLoserCannotSave() {
    MemberSweep started =
        sweeps()
            .claim(group(1), MemberSweep.Kind.RECONCILE, "east", at(0), LEASE)
            .orElseThrow()
            .started(at(0), 10);
    assertThat(sweeps().save(started, "east", at(1), LEASE)).isTrue();

    assertThat(sweeps().claim(group(1), MemberSweep.Kind.RECONCILE, "west", at(200), LEASE))
        .as("east's lease ran out at 121 s")
        .contains(started);
    assertThat(sweeps().save(started.finished(at(201)), "east", at(201), LEASE))
        .as("east lost it")
        .isFalse();

    sweeps().release(group(1), MemberSweep.Kind.RECONCILE, "west");
    assertThat(sweeps().claim(group(1), MemberSweep.Kind.RECONCILE, "east", at(202), LEASE))
        .isPresent();
  }

  @Test
  void theSavedPositionAndCountersAreWhatTheNextHolderResumesFrom() {
    MemberSweep run =
        sweeps()
            .claim(group(1), MemberSweep.Kind.ACTIVE, "east", at(0), LEASE)
            .orElseThrow()
            .started(at(0), 3)
            .advanced(new MemberSweep.Position(at(0), 42), true, true, false)
            .advanced(new MemberSweep.Position(at(0), 43), true, false, true);
    assertThat(sweeps().save(run, "east", at(5), LEASE)).isTrue();
    // east stops without releasing (a crash): the next holder resumes after its lease.

    MemberSweep resumed =
        sweeps()
            .claim(group(1), MemberSweep.Kind.ACTIVE, "west", at(5).plus(LEASE), LEASE)
            .orElseThrow();
    assertThat(resumed).isEqualTo(run);
    assertThat(resumed.position().user()).isEqualTo(43);
    assertThat(resumed.checked()).isEqualTo(2);
    assertThat(resumed.freed()).isEqualTo(1);
    assertThat(resumed.restricted()).isEqualTo(1);
    assertThat(resumed.remaining()).isEqualTo(1);
    assertThat(resumed.startedAt()).contains(at(0));
    assertThat(resumed.finishedAt()).isEmpty();

    MemberSweep done = resumed.finished(at(9));
    assertThat(sweeps().save(done, "west", at(9), LEASE)).isTrue();
    assertThat(sweeps().find(group(1), MemberSweep.Kind.ACTIVE)).contains(done);
  }

  @Test
  void restrictedMembersComeOldestRestrictionFirstAfterThePosition() {
    members().setRestriction(group(1), user(3), RestrictionState.RESTRICTED, at(10));
    members().setRestriction(group(1), user(1), RestrictionState.RESTRICTED, at(20));
    members().setRestriction(group(1), user(2), RestrictionState.RESTRICTED, at(10));
    members().setRestriction(group(1), user(4), RestrictionState.FREE, at(5));
    members().setRestriction(group(2), user(5), RestrictionState.RESTRICTED, at(1));

    assertThat(users(sweeps().restrictedAfter(group(1), MemberSweep.Position.START, 10)))
        .containsExactly(2L, 3L, 1L);
    assertThat(sweeps().countRestrictedAfter(group(1), MemberSweep.Position.START)).isEqualTo(3);

    MemberSweep.Position afterTwo = new MemberSweep.Position(at(10), 2);
    assertThat(users(sweeps().restrictedAfter(group(1), afterTwo, 10))).containsExactly(3L, 1L);
    assertThat(users(sweeps().restrictedAfter(group(1), afterTwo, 1))).containsExactly(3L);
    assertThat(sweeps().countRestrictedAfter(group(1), afterTwo)).isEqualTo(2);
    assertThat(sweeps().restrictedAfter(group(1), new MemberSweep.Position(at(20), 1), 10))
        .isEmpty();
  }

  @Test
  void membersSeenSinceATimeComeByUserIdAfterThePosition() {
    members().recordActivity(group(1), user(30), at(100));
    members().recordActivity(group(1), user(10), at(50));
    members().recordActivity(group(1), user(20), at(10)); // not seen lately
    members().setRestriction(group(1), user(40), RestrictionState.RESTRICTED, at(60));
    members().recordActivity(group(2), user(5), at(100));

    List<GroupMember> seen = sweeps().seenSinceAfter(group(1), at(50), Long.MIN_VALUE, 10);
    assertThat(users(seen)).containsExactly(10L, 30L, 40L);
    assertThat(sweeps().countSeenSinceAfter(group(1), at(50), Long.MIN_VALUE)).isEqualTo(3);
    assertThat(users(sweeps().seenSinceAfter(group(1), at(50), 10, 1))).containsExactly(30L);
    assertThat(sweeps().countSeenSinceAfter(group(1), at(50), 30)).isEqualTo(1);
  }

  @Test
  void enabledGroupsAreSweptAndOffPeakHoursAreKeptPerGroup() {
    store.groups().protect(group(2), "Two", owner(10), List.of(channel(1)), at(0));
    store.groups().protect(group(1), "One", owner(10), List.of(channel(1)), at(0));
    store.groups().protect(group(3), "Three", owner(10), List.of(channel(1)), at(0));
    store.groups().disable(group(3), at(1));

    assertThat(sweeps().sweptGroups(10)).containsExactlyInAnyOrder(group(1), group(2));
    assertThat(sweeps().sweptGroups(1)).hasSize(1);

    assertThat(sweeps().offPeak(group(1))).isEqualTo(OffPeakHours.DEFAULT);
    OffPeakHours evening = new OffPeakHours(22, 4, ZoneOffset.ofHours(3));
    assertThat(sweeps().setOffPeak(group(1), evening)).isTrue();
    assertThat(sweeps().offPeak(group(1))).isEqualTo(evening);
    assertThat(sweeps().offPeak(group(2))).isEqualTo(OffPeakHours.DEFAULT);
    OffPeakHours early = new OffPeakHours(1, 5, ZoneOffset.ofHoursMinutes(-5, -30));
    sweeps().setOffPeak(group(1), early);
    assertThat(sweeps().offPeak(group(1))).isEqualTo(early);
  }

  private static List<Long> users(List<GroupMember> members) {
    return members.stream().map(m -> m.user().value()).toList();
  }
}
