package dev.gmbot.port.out;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupMember;
import dev.gmbot.port.model.MemberSweep;
import dev.gmbot.port.model.OffPeakHours;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the background sweeps over a group's members keep their progress (ADR 0025), and what they
 * read to go on: one row per group and kind, leased to one holder at a time so that of several
 * instances (or Lambda containers) one sweeps a group at a time; the position is stored after every
 * member, so that a restart resumes where the sweep stopped. Keyed by the group (tenant isolation).
 */
public interface MemberSweeps {
  /** No store: no sweep ever runs (an embedder without a database). */
  MemberSweeps NONE =
      new MemberSweeps() {
        @Override
        public List<GroupId> sweptGroups(int limit) {
          return List.of();
        }

        @Override
        public Optional<MemberSweep> find(GroupId group, MemberSweep.Kind kind) {
          return Optional.empty();
        }

        @Override
        public Optional<MemberSweep> claim(
            GroupId group, MemberSweep.Kind kind, String holder, Instant now, Duration lease) {
          return Optional.empty();
        }

        @Override
        public boolean save(MemberSweep sweep, String holder, Instant now, Duration lease) {
          return false;
        }

        @Override
        public void release(GroupId group, MemberSweep.Kind kind, String holder) {}

        @Override
        public List<GroupMember> restrictedAfter(
            GroupId group, MemberSweep.Position after, int limit) {
          return List.of();
        }

        @Override
        public long countRestrictedAfter(GroupId group, MemberSweep.Position after) {
          return 0;
        }

        @Override
        public List<GroupMember> seenSinceAfter(
            GroupId group, Instant since, long afterUser, int limit) {
          return List.of();
        }

        @Override
        public long countSeenSinceAfter(GroupId group, Instant since, long afterUser) {
          return 0;
        }

        @Override
        public OffPeakHours offPeak(GroupId group) {
          return OffPeakHours.DEFAULT;
        }

        @Override
        public boolean setOffPeak(GroupId group, OffPeakHours hours) {
          return false;
        }
      };

  /** Ids of the enabled protected groups, at most {@code limit}, by id (what there is to sweep). */
  List<GroupId> sweptGroups(int limit);

  /** The group's sweep of the kind, if it ever had one (status, gauges). */
  Optional<MemberSweep> find(GroupId group, MemberSweep.Kind kind);

  /**
   * Leases the group's sweep of the kind to {@code holder} until {@code now + lease} if nobody else
   * holds it at {@code now} (it was free, expired or already the holder's); creates it, never run,
   * when the group had none.
   *
   * @return the sweep as stored, when {@code holder} holds it now; empty when another does
   */
  Optional<MemberSweep> claim(
      GroupId group, MemberSweep.Kind kind, String holder, Instant now, Duration lease);

  /**
   * Stores the sweep's position, counters and times, and extends the lease to {@code now + lease},
   * if {@code holder} still holds it.
   *
   * @return false when the lease was lost (another holder took the sweep over: stop)
   */
  boolean save(MemberSweep sweep, String holder, Instant now, Duration lease);

  /** Gives the lease up, if {@code holder} holds it (the sweep is kept as saved). */
  void release(GroupId group, MemberSweep.Kind kind, String holder);

  /**
   * Members GMBot restricted in the group after the position, in the reconciliation's order: oldest
   * restriction ({@code changedAt}) first, then by user id.
   */
  List<GroupMember> restrictedAfter(GroupId group, MemberSweep.Position after, int limit);

  /** How many {@link #restrictedAfter} would return without a limit. */
  long countRestrictedAfter(GroupId group, MemberSweep.Position after);

  /** Members seen in the group at or after {@code since} with a user id above {@code afterUser}. */
  List<GroupMember> seenSinceAfter(GroupId group, Instant since, long afterUser, int limit);

  /** How many {@link #seenSinceAfter} would return without a limit. */
  long countSeenSinceAfter(GroupId group, Instant since, long afterUser);

  /** The group's off-peak hours ({@link OffPeakHours#DEFAULT} unless an admin set others). */
  OffPeakHours offPeak(GroupId group);

  /**
   * Sets the group's off-peak hours (/offpeak).
   *
   * @return false when the store keeps none ({@link #NONE})
   */
  boolean setOffPeak(GroupId group, OffPeakHours hours);
}
