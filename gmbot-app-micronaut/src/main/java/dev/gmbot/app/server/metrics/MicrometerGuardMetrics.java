package dev.gmbot.app.server.metrics;

import dev.gmbot.port.model.MemberSweep;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.out.GuardMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * The domain's {@link GuardMetrics} on Micrometer, under the Prometheus names that
 * docs/operations.md lists: {@code bot_verifications_total{status}}, {@code
 * bot_api_calls_total{method,outcome}}, {@code bot_cache_hits_total}, {@code
 * bot_cache_misses_total}, {@code bot_rate_limit_delays_total{scope}}, {@code
 * bot_verification_latency_seconds} (buckets 0.01 0.05 0.1 0.5 1 2), {@code bot_active_groups},
 * {@code bot_updates_total{type}} and {@code bot_update_handling_seconds{type}}, plus the
 * scheduler, pause, join-request and sweep series.
 *
 * <p>Micrometer's Prometheus registry appends {@code _total} to counters and {@code _seconds} to
 * timers, so the meters are registered under the names without those suffixes. Histograms have
 * fixed buckets (no percentile histograms): few series, and the alert thresholds (0.5 s) are bucket
 * bounds.
 */
public final class MicrometerGuardMetrics implements GuardMetrics {
  /** The sweeps the server runs; each has its series from the start (docs/operations.md). */
  static final List<String> SWEEPS = List.of("prompts");

  private static final Duration[] VERIFICATION_BUCKETS = {
    Duration.ofMillis(10),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2)
  };

  /** Update handling: the 500 ms alert threshold is a bound. */
  private static final Duration[] HANDLING_BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(25)
  };

  /** Bot API requests, long polls (up to the poll timeout) included. */
  private static final Duration[] API_BUCKETS = {
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60)
  };

  /** Time in the scheduler's queue: pauses after a 429 last seconds to minutes. */
  private static final Duration[] WAIT_BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60)
  };

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<VerificationStatus, Counter> verifications =
      new EnumMap<>(VerificationStatus.class);
  private final Timer verificationLatency;
  private final Counter cacheHits;
  private final Counter cacheMisses;
  private final Counter joinRequestsApproved;
  private final AtomicLong activeGroups = new AtomicLong();
  private final AtomicLong pendingJoinRequests = new AtomicLong();
  private final Map<String, AtomicLong> pausedGroups = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> lastSweepSuccess = new ConcurrentHashMap<>();
  private final Map<String, Timer> queueWaits = new ConcurrentHashMap<>();
  private final Map<String, UpdateMeters> updates = new ConcurrentHashMap<>();

  /** The two meters of one update type, registered once. */
  private record UpdateMeters(Counter handled, Timer handling) {}

  public MicrometerGuardMetrics(MeterRegistry registry) {
    this(registry, Clock.systemUTC());
  }

  /**
   * @param clock the wall clock of the sweep timestamps
   */
  public MicrometerGuardMetrics(MeterRegistry registry, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
    for (VerificationStatus status : VerificationStatus.values()) {
      verifications.put(
          status,
          Counter.builder("bot_verifications")
              .description("Total verification attempts")
              .tag("status", lower(status.name()))
              .register(registry));
    }
    this.verificationLatency =
        Timer.builder("bot_verification_latency")
            .description("Time to verify a user")
            .serviceLevelObjectives(VERIFICATION_BUCKETS)
            .register(registry);
    this.cacheHits = Counter.builder("bot_cache_hits").description("Cache hits").register(registry);
    this.cacheMisses =
        Counter.builder("bot_cache_misses").description("Cache misses").register(registry);
    delays("global");
    for (String scope : List.of("global", "chat")) {
      pauses(scope);
    }
    Gauge.builder("bot_active_groups", activeGroups, AtomicLong::doubleValue)
        .description("Number of protected groups")
        .register(registry);
    for (PauseReason.Kind kind : PauseReason.Kind.values()) {
      String reason = lower(kind.name());
      groupPauses(reason);
      AtomicLong paused = new AtomicLong();
      pausedGroups.put(reason, paused);
      Gauge.builder("bot_paused_groups", paused, AtomicLong::doubleValue)
          .description("Enabled groups whose protection is paused, by reason")
          .tag("reason", reason)
          .register(registry);
    }
    this.joinRequestsApproved =
        Counter.builder("bot_join_requests_approved")
            .description("Join requests approved because the requester is subscribed")
            .register(registry);
    Gauge.builder("bot_join_requests_pending", pendingJoinRequests, AtomicLong::doubleValue)
        .description("Join requests waiting for a decision (not stored yet: zero)")
        .register(registry);
    for (String sweep : SWEEPS) {
      sweepMeters(sweep);
    }
    for (MemberSweep.Kind kind : MemberSweep.Kind.values()) {
      memberSweepGauges(kind);
    }
    for (String event : OUTBOX_EVENTS) {
      outboxEvents.put(
          event,
          Counter.builder("bot_outbox_effects")
              .description(
                  "Deferred effects (ADR 0014) by event: recorded, drained, taken_over, retried,"
                      + " failed, uncertain")
              .tag("event", event)
              .register(registry));
    }
  }

  /** The outbox events, registered at zero so that rates and alerts see them from the start. */
  static final List<String> OUTBOX_EVENTS =
      List.of("recorded", "drained", "taken_over", "retried", "failed", "uncertain");

  private final Map<String, Counter> outboxEvents = new ConcurrentHashMap<>();

  @Override
  public void outboxDepth(
      java.util.function.LongSupplier pending, java.util.function.DoubleSupplier oldestAge) {
    Gauge.builder("bot_outbox_pending", pending, p -> p.getAsLong())
        .description("Deferred effects waiting in the outbox")
        .register(registry);
    Gauge.builder("bot_outbox_oldest_age_seconds", oldestAge, a -> a.getAsDouble())
        .description("Age of the oldest deferred effect waiting in the outbox (0 when empty)")
        .register(registry);
  }

  @Override
  public void outbox(String event) {
    Counter counter = outboxEvents.get(event);
    if (counter != null) {
      counter.increment();
    }
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

  /** Only the transport's three-argument report counts: a bare call here has no outcome. */
  @Override
  public void apiCall(String method) {}

  @Override
  public void apiCall(String method, String outcome, Duration latency) {
    Counter.builder("bot_api_calls")
        .description("Bot API requests by method and outcome")
        .tag("method", method)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
    Timer.builder("bot_api_call_duration")
        .description("Bot API request latency by method")
        .tag("method", method)
        .serviceLevelObjectives(API_BUCKETS)
        .register(registry)
        .record(latency);
  }

  @Override
  public void rateLimitDelay(String scope) {
    delays(scopeKind(scope)).increment();
  }

  @Override
  public void rateLimitPause(String scope, Duration retryAfter) {
    pauses(scopeKind(scope)).increment();
  }

  @Override
  public void schedulerQueue(String priority, IntSupplier depth) {
    Objects.requireNonNull(depth, "depth");
    Gauge.builder("bot_scheduler_queue_depth", () -> depth.getAsInt())
        .description("Bot API calls waiting in the scheduler, by priority")
        .tag("priority", priority)
        .strongReference(true)
        .register(registry);
  }

  @Override
  public void queueWait(String priority, Duration waited) {
    queueWaits
        .computeIfAbsent(
            priority,
            p ->
                Timer.builder("bot_scheduler_queue_wait")
                    .description("Time from submitting a Bot API call to its first run")
                    .tag("priority", p)
                    .serviceLevelObjectives(WAIT_BUCKETS)
                    .register(registry))
        .record(waited);
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
  public void groupPaused(String reason) {
    groupPauses(reason).increment();
  }

  @Override
  public void pausedGroups(Map<String, Long> byReason) {
    pausedGroups.forEach((reason, gauge) -> gauge.set(byReason.getOrDefault(reason, 0L)));
  }

  @Override
  public void joinRequestApproved() {
    joinRequestsApproved.increment();
  }

  @Override
  public void pendingJoinRequests(long count) {
    pendingJoinRequests.set(count);
  }

  @Override
  public void sweep(String sweep, boolean succeeded, int items, Duration took) {
    AtomicLong lastSuccess = sweepMeters(sweep);
    Counter.builder("bot_sweep_runs")
        .description("Runs of a periodic sweep, by outcome")
        .tag("sweep", sweep)
        .tag("outcome", succeeded ? "ok" : "failed")
        .register(registry)
        .increment();
    Counter.builder("bot_sweep_items")
        .description("Items a sweep handled")
        .tag("sweep", sweep)
        .register(registry)
        .increment(items);
    Timer.builder("bot_sweep_duration")
        .description("Time one sweep run took")
        .tag("sweep", sweep)
        .register(registry)
        .record(took);
    if (succeeded) {
      lastSuccess.set(clock.millis());
    }
  }

  @Override
  public void updateHandled(String type, Duration handlingTime) {
    UpdateMeters meters = updates.get(type);
    if (meters == null) {
      meters = updates.computeIfAbsent(type, this::updateMeters);
    }
    meters.handled().increment();
    meters.handling().record(handlingTime);
  }

  private UpdateMeters updateMeters(String type) {
    return new UpdateMeters(
        Counter.builder("bot_updates")
            .description("Updates handled, by type")
            .tag("type", type)
            .register(registry),
        Timer.builder("bot_update_handling")
            .description("Time to handle an update, by type")
            .tag("type", type)
            .serviceLevelObjectives(HANDLING_BUCKETS)
            .register(registry));
  }

  @Override
  public void fallback(String component) {
    Counter.builder("bot_fallbacks")
        .description("Shared-state components that fell back to their local replacement")
        .tag("component", component)
        .register(registry)
        .increment();
  }

  private Counter delays(String scope) {
    return Counter.builder("bot_rate_limit_delays")
        .description("Rate limit triggers")
        .tag("scope", scope)
        .register(registry);
  }

  private Counter pauses(String scope) {
    return Counter.builder("bot_rate_limit_pauses")
        .description("Scopes paused after Telegram answered 429, by scope")
        .tag("scope", scope)
        .register(registry);
  }

  private Counter groupPauses(String reason) {
    return Counter.builder("bot_group_pauses")
        .description("Times protection of a group was paused, by reason")
        .tag("reason", reason)
        .register(registry);
  }

  /**
   * The sweep's run counters at zero and its last-success gauge, which starts at the time the sweep
   * was first known (start-up): a sweep that never succeeds looks stuck from then on.
   */
  private AtomicLong sweepMeters(String sweep) {
    return lastSweepSuccess.computeIfAbsent(
        sweep,
        s -> {
          for (String outcome : List.of("ok", "failed")) {
            Counter.builder("bot_sweep_runs")
                .description("Runs of a periodic sweep, by outcome")
                .tag("sweep", s)
                .tag("outcome", outcome)
                .register(registry);
          }
          AtomicLong last = new AtomicLong(clock.millis());
          Gauge.builder("bot_sweep_last_success_timestamp_seconds", last, v -> v.get() / 1000.0)
              .description("When the sweep last finished (Unix time; start-up before the first)")
              .tag("sweep", s)
              .register(registry);
          return last;
        });
  }

  // ---- background sweeps over members (issue 16, items 4-6; ADR 0025) ----

  /** The latest progress of every member sweep this instance ran, by group and kind. */
  private final Map<String, MemberSweep> memberSweeps = new ConcurrentHashMap<>();

  /** The latest progress's time (for the rate and the expected end). */
  private final Map<String, java.time.Instant> memberSweepsAt = new ConcurrentHashMap<>();

  @Override
  public void memberSweep(MemberSweep sweep, java.time.Instant now) {
    String key = sweep.group().value() + "/" + sweep.kind();
    memberSweeps.put(key, sweep);
    memberSweepsAt.put(key, now);
  }

  private java.util.stream.Stream<Map.Entry<String, MemberSweep>> ofKind(MemberSweep.Kind kind) {
    return memberSweeps.entrySet().stream().filter(e -> e.getValue().kind() == kind);
  }

  /**
   * {@code
   * bot_member_sweep_{checked,freed,restricted,remaining,rate,expected_end_timestamp_seconds}} per
   * kind: the counters and remaining members summed over the groups this instance sweeps (their
   * latest runs), the rate summed over the running ones, the latest expected end (0: none running).
   */
  private void memberSweepGauges(MemberSweep.Kind kind) {
    String tag = lower(kind.name());
    Map<String, java.util.function.ToLongFunction<MemberSweep>> counters =
        Map.of(
            "bot_member_sweep_checked", MemberSweep::checked,
            "bot_member_sweep_freed", MemberSweep::freed,
            "bot_member_sweep_restricted", MemberSweep::restricted,
            "bot_member_sweep_remaining", MemberSweep::remaining);
    counters.forEach(
        (name, value) ->
            Gauge.builder(
                    name,
                    this,
                    m -> m.ofKind(kind).mapToLong(e -> value.applyAsLong(e.getValue())).sum())
                .description(
                    "Member sweeps of this instance: " + name.substring(17) + ", latest runs")
                .tag("kind", tag)
                .register(registry));
    Gauge.builder(
            "bot_member_sweep_rate",
            this,
            m ->
                m.ofKind(kind)
                    .filter(e -> e.getValue().running())
                    .mapToDouble(e -> e.getValue().rate(m.memberSweepsAt.get(e.getKey())))
                    .sum())
        .description("Members checked per second by the running member sweeps")
        .tag("kind", tag)
        .register(registry);
    Gauge.builder(
            "bot_member_sweep_expected_end_timestamp_seconds",
            this,
            m ->
                m.ofKind(kind)
                    .map(e -> e.getValue().expectedEnd(m.memberSweepsAt.get(e.getKey())))
                    .flatMap(java.util.Optional::stream)
                    .mapToLong(java.time.Instant::getEpochSecond)
                    .max()
                    .orElse(0))
        .description("When the running member sweeps are expected to end (Unix time; 0: none)")
        .tag("kind", tag)
        .register(registry);
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
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
