package dev.gmbot.app.server.metrics;

import dev.gmbot.port.out.GuardMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The domain's {@link GuardMetrics} on Micrometer, with the plan's Prometheus names (PLAN §9):
 * {@code bot_verifications_total{status}}, {@code bot_api_calls_total{method}}, {@code
 * bot_cache_hits_total}, {@code bot_cache_misses_total}, {@code bot_rate_limit_delays_total} (with
 * a {@code scope} label), {@code bot_verification_latency_seconds} (buckets 0.01 0.05 0.1 0.5 1 2),
 * {@code bot_active_groups}; plus {@code bot_updates_total{type}}, {@code
 * bot_update_handling_seconds{type}}, {@code bot_calls_shed_total{priority,reason}} and {@code
 * bot_fallbacks_total{component}}.
 *
 * <p>Micrometer's Prometheus registry appends {@code _total} to counters and {@code _seconds} to
 * timers, so the meters are registered under the names without those suffixes.
 */
public final class MicrometerGuardMetrics implements GuardMetrics {
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(10),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2)
  };

  private final MeterRegistry registry;
  private final Map<VerificationStatus, Counter> verifications =
      new EnumMap<>(VerificationStatus.class);
  private final Timer verificationLatency;
  private final Counter cacheHits;
  private final Counter cacheMisses;
  private final AtomicLong activeGroups = new AtomicLong();

  public MicrometerGuardMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    for (VerificationStatus status : VerificationStatus.values()) {
      verifications.put(
          status,
          Counter.builder("bot_verifications")
              .description("Total verification attempts")
              .tag("status", status.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
    // A timer with exactly the plan's buckets (le="0.01" ... le="2.0" in seconds).
    this.verificationLatency =
        Timer.builder("bot_verification_latency")
            .description("Time to verify a user")
            .serviceLevelObjectives(LATENCY_BUCKETS)
            .register(registry);
    this.cacheHits = Counter.builder("bot_cache_hits").description("Cache hits").register(registry);
    this.cacheMisses =
        Counter.builder("bot_cache_misses").description("Cache misses").register(registry);
    Counter.builder("bot_rate_limit_delays")
        .description("Rate limit triggers")
        .tag("scope", "global")
        .register(registry);
    Gauge.builder("bot_active_groups", activeGroups, AtomicLong::doubleValue)
        .description("Number of protected groups")
        .register(registry);
  }

  @Override
  public void verification(VerificationStatus status) {
    verifications.get(status).increment();
  }

  @Override
  public void verificationLatency(Duration latency) {
    verificationLatency.record(latency);
  }

  @Override
  public void cacheHit() {
    cacheHits.increment();
  }

  @Override
  public void cacheMiss() {
    cacheMisses.increment();
  }

  @Override
  public void apiCall(String method) {
    Counter.builder("bot_api_calls")
        .description("Bot API calls by method")
        .tag("method", method)
        .register(registry)
        .increment();
  }

  @Override
  public void rateLimitDelay(String scope) {
    Counter.builder("bot_rate_limit_delays")
        .description("Rate limit triggers")
        .tag("scope", scopeKind(scope))
        .register(registry)
        .increment();
  }

  @Override
  public void callShed(String priority, String reason) {
    Counter.builder("bot_calls_shed")
        .description("Bot API calls dropped by the scheduler")
        .tag("priority", priority)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  @Override
  public void activeGroups(long count) {
    activeGroups.set(count);
  }

  @Override
  public void updateHandled(String type, Duration handlingTime) {
    Counter.builder("bot_updates")
        .description("Updates handled, by type")
        .tag("type", type)
        .register(registry)
        .increment();
    Timer.builder("bot_update_handling")
        .description("Time to handle an update, by type")
        .tag("type", type)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry)
        .record(handlingTime);
  }

  @Override
  public void fallback(String component) {
    Counter.builder("bot_fallbacks")
        .description("Shared-state components that fell back to their local replacement")
        .tag("component", component)
        .register(registry)
        .increment();
  }

  /**
   * Scopes name chats ({@code chat:-100…}): one label value per chat would explode the series, so
   * only the kind of scope is kept.
   */
  static String scopeKind(String scope) {
    int colon = scope.indexOf(':');
    return colon < 0 ? scope : scope.substring(0, colon);
  }
}
