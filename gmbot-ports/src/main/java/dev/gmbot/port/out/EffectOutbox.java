package dev.gmbot.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable outbox of deferred effects (ADR 0014): what an update's handling could not do at once
 * because a call would have waited for a message meter, a 429 pause or a retry. The webhook is
 * acknowledged once the effect is recorded here; workers on any instance drain it later.
 *
 * <p>Effects live in <em>lanes</em> (one per chat): within a lane they are claimed strictly in the
 * order they were recorded, one at a time, so per-chat order survives deferral. A claim is a lease:
 * when the worker that holds it dies, the lease runs out and another worker takes the effect over
 * ({@link ClaimedEffect#takenOver()}). Keys make recording idempotent: recording a key that is
 * already known (pending or done within the retention) changes nothing, so a redelivered update
 * never records its effects twice.
 */
public interface EffectOutbox {
  /**
   * Records an effect unless its key is already known.
   *
   * @return true when the effect is new
   */
  boolean record(DeferredEffect effect);

  /** Whether the lane holds pending effects (new effects of the lane must go behind them). */
  boolean hasPending(String lane);

  /**
   * Claims up to {@code max} effects that are due at {@code now}, each the oldest pending effect of
   * its lane and not leased by anyone (or its lease expired), for {@code lease}. Effects of higher
   * priority (lower number) first, then oldest first.
   */
  List<ClaimedEffect> claim(String holder, int max, Duration lease, Instant now);

  /**
   * Writes the claimed effect's progress: what is left to do, and whether its first step has been
   * started (a worker that takes it over must not start a non-idempotent step again).
   *
   * @return false when the holder lost the lease (another worker took the effect over)
   */
  boolean progress(ClaimedEffect effect, String remainingPayload, boolean headStarted);

  /**
   * The effect is done: it stays known (by key) for the retention, then {@link #purge} forgets it.
   */
  void complete(ClaimedEffect effect);

  /** Gives the effect back, due again at {@code notBefore}, with what is left to do. */
  void release(ClaimedEffect effect, String remainingPayload, Instant notBefore);

  /**
   * Gives up on the effect (too many attempts, or an outcome that must not be retried): kept, with
   * the reason, for the operator; it no longer holds its lane back.
   */
  void fail(ClaimedEffect effect, String reason);

  /** Forgets done and failed effects finished before {@code before}; answers how many. */
  int purge(Instant before);

  /** Pending effects and the age of the oldest, for gauges and health. */
  Depth depth(Instant now);

  /**
   * When a pending effect may next be claimed: the earliest, over each lane's oldest pending
   * effect, of its {@code notBefore} or, while another holder's lease on it runs, the lease's end
   * (never before {@code now}); empty when nothing is pending. A drain that did what was due sleeps
   * until then instead of polling (the Lambda function's scheduled handler, ADR 0088). Default:
   * {@code now} while anything is pending, which makes such a drain poll.
   */
  default Optional<Instant> nextDue(Instant now) {
    return depth(now).pending() > 0 ? Optional.of(now) : Optional.empty();
  }

  /** The outbox's size at one instant. */
  record Depth(long pending, long failed, Optional<Duration> oldestAge) {}

  /** An effect as recorded: the payload is opaque to the outbox (the domain encodes it). */
  record DeferredEffect(
      String key,
      String lane,
      int priority,
      String payload,
      Instant recordedAt,
      Instant notBefore) {
    public DeferredEffect {
      requireText(key, "key");
      requireText(lane, "lane");
      requireText(payload, "payload");
      java.util.Objects.requireNonNull(recordedAt, "recordedAt");
      java.util.Objects.requireNonNull(notBefore, "notBefore");
    }
  }

  /**
   * A claimed effect: its row id, the effect with its current payload, the lease holder, how many
   * times it was claimed before, and whether its head step was started by an earlier holder.
   */
  record ClaimedEffect(
      long id, DeferredEffect effect, String holder, int attempts, boolean headStarted) {
    /** An earlier holder claimed it and did not finish (its lease ran out). */
    public boolean takenOver() {
      return attempts > 0;
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }

  /**
   * No outbox: nothing is ever deferred, every effect runs inline and waits for its turn (the
   * behaviour before ADR 0014, and what an embedder without a database gets).
   */
  EffectOutbox NONE = new NoOutbox();

  /** Whether effects may be deferred to this outbox at all. */
  default boolean enabled() {
    return true;
  }

  /** {@link #NONE}. */
  final class NoOutbox implements EffectOutbox {
    private NoOutbox() {}

    @Override
    public boolean enabled() {
      return false;
    }

    @Override
    public boolean record(DeferredEffect effect) {
      // Callers defer only to an outbox that is enabled(); reaching here is a wiring fault.
      throw new IllegalStateException("EffectOutbox.NONE is not enabled(): nothing is deferred");
    }

    @Override
    public boolean hasPending(String lane) {
      return false;
    }

    @Override
    public List<ClaimedEffect> claim(String holder, int max, Duration lease, Instant now) {
      return List.of();
    }

    @Override
    public boolean progress(ClaimedEffect effect, String remainingPayload, boolean headStarted) {
      return false;
    }

    @Override
    public void complete(ClaimedEffect effect) {}

    @Override
    public void release(ClaimedEffect effect, String remainingPayload, Instant notBefore) {}

    @Override
    public void fail(ClaimedEffect effect, String reason) {}

    @Override
    public int purge(Instant before) {
      return 0;
    }

    @Override
    public Depth depth(Instant now) {
      return new Depth(0, 0, Optional.empty());
    }
  }
}
