package dev.gmbot.port.out;

import java.time.Duration;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * What the domain reports for observability. The server maps it to Micrometer, Lambda to CloudWatch
 * EMF log lines, under the metric names of docs/design.md ("Observability"; docs/operations.md
 * lists the server's series). Every method has a do-nothing default, so a new measurement never
 * breaks an existing sink.
 */
public interface GuardMetrics {
  GuardMetrics NONE = new GuardMetrics() {};

  /** The outcome of a verification. */
  enum VerificationStatus {
    VERIFIED,
    RESTRICTED,
    ERROR
  }

  /** {@code bot_verifications_total{status}} */
  default void verification(VerificationStatus status) {}

  /** {@code bot_verification_latency_seconds} */
  default void verificationLatency(Duration latency) {}

  /** {@code bot_cache_hits_total} */
  default void cacheHit() {}

  /** {@code bot_cache_misses_total} */
  default void cacheMiss() {}

  /**
   * A Bot API request was made ({@code bot_api_calls_total{method}}). Sinks that also want the
   * outcome and the latency override {@link #apiCall(String, String, Duration)} instead: that is
   * the method the transport calls, exactly once per HTTP request.
   */
  default void apiCall(String method) {}

  /**
   * One Bot API request and how it ended, reported once per HTTP request by the transport (a read
   * retried after a failure is two requests).
   *
   * @param method the Bot API method
   * @param outcome {@code ok}, {@code 429}, {@code 5xx}, {@code timeout}, {@code network}, {@code
   *     bad_response}, or {@code 4xx_<kind>} where the kind is the ports' reason or problem in
   *     lower case ({@code 4xx_member_not_found}, {@code 4xx_bot_kicked}, {@code 4xx_migrated}, …)
   * @param latency from sending the request to reading the whole answer (or failing)
   */
  default void apiCall(String method, String outcome, Duration latency) {
    apiCall(method);
  }

  /** {@code bot_rate_limit_delays_total}: a call waited for a meter or a 429 pause. */
  default void rateLimitDelay(String scope) {}

  /**
   * A 429 paused a scope: {@code global} (the whole bot) or {@code chat} (one chat), for the {@code
   * retry_after} Telegram named.
   */
  default void rateLimitPause(String scope, Duration retryAfter) {}

  /**
   * The scheduler's queue at one priority: the sink keeps {@code depth} and reads it whenever it
   * reports (a gauge), so the scheduler does nothing per call for it.
   */
  default void schedulerQueue(String priority, IntSupplier depth) {}

  /** A queued call was granted its first run after waiting {@code waited} since submission. */
  default void queueWait(String priority, Duration waited) {}

  /** A queued call was dropped by the scheduler (load shedding). */
  default void callShed(String priority, String reason) {}

  /** {@code bot_active_groups} */
  default void activeGroups(long count) {}

  /** An update was handled, by type (message, callback_query, …). */
  default void updateHandled(String type, Duration handlingTime) {}

  /** Protection of a group was paused; {@code reason} is the pause kind in lower case. */
  default void groupPaused(String reason) {}

  /**
   * Paused groups by reason (the pause kind in lower case), as the store counts them; reasons
   * missing from the map count zero.
   */
  default void pausedGroups(Map<String, Long> byReason) {}

  /** A join request was approved (the requester is subscribed). */
  default void joinRequestApproved() {}

  /**
   * Join requests GMBot holds open (ADR 0023), as the periodic sweep counts them; zero without a
   * store.
   */
  default void pendingJoinRequests(long count) {}

  /**
   * One run of a periodic sweep ({@code prompts}, …): whether it finished, how many items it
   * handled, how long it took.
   */
  default void sweep(String sweep, boolean succeeded, int items, Duration took) {}

  /** A shared-state component fell back to its local replacement (Redis down). */
  default void fallback(String component) {}

  /**
   * The effect outbox's size (ADR 0014): pending effects and the age of the oldest, in seconds (0
   * when empty). Registered once; read when scraped.
   */
  default void outboxDepth(LongSupplier pending, DoubleSupplier oldestAgeSeconds) {}

  /**
   * An outbox event: {@code recorded} (an effect deferred), {@code drained} (done by a worker),
   * {@code taken_over} (claimed after an earlier holder's lease ran out), {@code retried} (given
   * back to wait again), {@code failed} (given up), {@code uncertain} (a send whose outcome is
   * unknown was not sent again).
   */
  default void outbox(String event) {}

  // ---- background sweeps (issue 16, items 4-6) ----

  /**
   * Where a member sweep this instance runs stands (ADR 0025), after each member and when it ends:
   * the {@code bot_member_sweep_*} gauges (checked, freed, restricted, remaining, rate, expected
   * end) per kind, summed over the groups being swept.
   */
  default void memberSweep(dev.gmbot.port.model.MemberSweep sweep, java.time.Instant now) {}
}
