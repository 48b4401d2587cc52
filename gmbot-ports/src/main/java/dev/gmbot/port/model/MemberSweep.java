package dev.gmbot.port.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One background sweep over the members of a group (ADRs 0024, 0025): its kind, where it stands
 * (the last member it finished with), what it has done so far and when it started and ended. Kept
 * by the store so that a restart resumes where the sweep stopped; one row per group and kind.
 *
 * @param position the last member handled; {@link Position#START} before the first
 * @param checked members checked in this run
 * @param freed members lifted because they turned out subscribed
 * @param restricted members the group's action was applied to
 * @param total the candidates counted when the run started (checked + remaining)
 * @param startedAt when this run started; empty: never ran
 * @param finishedAt when this run ended; empty while it runs (or never ran)
 */
public record MemberSweep(
    GroupId group,
    Kind kind,
    Position position,
    long checked,
    long freed,
    long restricted,
    long total,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt) {

  public enum Kind {
    /** Members GMBot restricted, oldest restriction first: a subscribed one is freed. */
    RECONCILE,
    /** Members seen lately whose cached answer expired, by user id: the group's action applies. */
    ACTIVE
  }

  /**
   * Where a sweep stands: the last member handled, as the sort key of its kind (reconciliation: the
   * restriction's time, then the user id; active verification: the user id, {@code at} unused).
   */
  public record Position(Instant at, long user) {
    public static final Position START = new Position(Instant.EPOCH, Long.MIN_VALUE);

    public Position {
      Objects.requireNonNull(at, "at");
    }
  }

  public MemberSweep {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    if (checked < 0 || freed < 0 || restricted < 0 || total < 0) {
      throw new IllegalArgumentException("sweep counters are not negative");
    }
  }

  /** A sweep that never ran. */
  public static MemberSweep never(GroupId group, Kind kind) {
    return new MemberSweep(
        group, kind, Position.START, 0, 0, 0, 0, Optional.empty(), Optional.empty());
  }

  /** A new run from the start, of {@code total} candidates. */
  public MemberSweep started(Instant at, long total) {
    return new MemberSweep(
        group, kind, Position.START, 0, 0, 0, total, Optional.of(at), Optional.empty());
  }

  /** The same run after one more member: at {@code next}, counted as checked, freed, restricted. */
  public MemberSweep advanced(
      Position next, boolean wasChecked, boolean wasFreed, boolean wasRestricted) {
    return new MemberSweep(
        group,
        kind,
        next,
        checked + (wasChecked ? 1 : 0),
        freed + (wasFreed ? 1 : 0),
        restricted + (wasRestricted ? 1 : 0),
        Math.max(total, checked + (wasChecked ? 1 : 0)),
        startedAt,
        finishedAt);
  }

  /** The run ended at {@code at}. */
  public MemberSweep finished(Instant at) {
    return new MemberSweep(
        group, kind, position, checked, freed, restricted, checked, startedAt, Optional.of(at));
  }

  public boolean running() {
    return startedAt.isPresent() && finishedAt.isEmpty();
  }

  /** Candidates of this run not handled yet (an estimate: counted at the start). */
  public long remaining() {
    return running() ? Math.max(0, total - checked) : 0;
  }

  /** Members handled per second since the run started (0 before it did). */
  public double rate(Instant now) {
    if (startedAt.isEmpty()) {
      return 0;
    }
    Instant end = finishedAt.orElse(now);
    double seconds = Duration.between(startedAt.get(), end).toMillis() / 1000.0;
    return seconds <= 0 ? 0 : checked / seconds;
  }

  /** When the run is expected to end at its rate so far; empty when unknown or ended. */
  public Optional<Instant> expectedEnd(Instant now) {
    if (!running()) {
      return Optional.empty();
    }
    double rate = rate(now);
    if (rate <= 0) {
      return Optional.empty();
    }
    return Optional.of(now.plusMillis((long) (remaining() / rate * 1000)));
  }

  /** Percent done, 0 to 100 (100 when it ended). */
  public int percent() {
    if (finishedAt.isPresent()) {
      return 100;
    }
    if (total <= 0) {
      return 0;
    }
    return (int) Math.min(100, checked * 100 / total);
  }
}
