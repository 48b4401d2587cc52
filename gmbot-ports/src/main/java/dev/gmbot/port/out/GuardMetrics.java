package dev.gmbot.port.out;

import java.time.Duration;

/**
 * What the domain reports for observability. The server maps it to Micrometer, Lambda to CloudWatch
 * EMF log lines, under the metric names of docs/design.md ("Observability"). Every method has a
 * do-nothing default, so a new measurement never breaks an existing sink.
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

  /** {@code bot_api_calls_total{method}} */
  default void apiCall(String method) {}

  /** {@code bot_rate_limit_delays_total}: a call waited for a meter or a 429 pause. */
  default void rateLimitDelay(String scope) {}

  /** A queued call was dropped by the scheduler (load shedding). */
  default void callShed(String priority, String reason) {}

  /** {@code bot_active_groups} */
  default void activeGroups(long count) {}

  /** An update was handled, by type (message, callback_query, …). */
  default void updateHandled(String type, Duration handlingTime) {}

  /** A shared-state component fell back to its local replacement (Redis down). */
  default void fallback(String component) {}
}
