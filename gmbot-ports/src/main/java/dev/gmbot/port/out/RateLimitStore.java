package dev.gmbot.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the scheduler's meters and pauses live: in process for one instance, in Redis when several
 * instances share one bot's budget. Time is the caller's {@code now} (instances keep their clocks
 * in sync).
 */
public interface RateLimitStore {
  /**
   * Atomically: if every meter has a permit at {@code now}, takes one from each and grants;
   * otherwise takes nothing and answers the earliest instant at which all would have one.
   */
  Acquisition tryAcquire(List<Meter> meters, Instant now);

  /** Pauses a scope (after a 429) until {@code until}; an existing longer pause is kept. */
  void pause(String scope, Instant until);

  /** The end of the scope's pause, if it is paused at {@code now}. */
  Optional<Instant> pausedUntil(String scope, Instant now);
}
