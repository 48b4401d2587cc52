package dev.gmbot.domain.scheduling;

import java.time.Duration;
import java.util.concurrent.locks.Condition;

/**
 * How the dispatcher waits for the next due instant. The real one waits on the condition (woken
 * early when new work arrives); a test one advances a mutable clock instead, so simulated time
 * passes without real waiting.
 */
interface Sleeper {
  Sleeper REAL = (wake, timeout, callsInFlight) -> wake.awaitNanos(Math.max(1, timeout.toNanos()));

  /**
   * Waits (holding the condition's lock) up to {@code timeout} or until {@code wake} is signalled.
   * {@code callsInFlight} lets a simulated clock hold still while granted calls still run.
   */
  void await(Condition wake, Duration timeout, int callsInFlight) throws InterruptedException;
}
