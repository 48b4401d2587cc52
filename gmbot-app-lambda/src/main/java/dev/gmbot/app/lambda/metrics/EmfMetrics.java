package dev.gmbot.app.lambda.metrics;

import dev.gmbot.adapter.telegram.webhook.UpdateObserver;
import dev.gmbot.adapter.telegram.webhook.UpdateOutcome;
import dev.gmbot.app.lambda.json.JsonWriter;
import dev.gmbot.port.out.GuardMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * {@link GuardMetrics} as CloudWatch Embedded Metric Format: measurements accumulate during an
 * invocation and {@link #flush()} writes them as EMF JSON lines (one document per dimension set),
 * which CloudWatch Logs turns into metrics without an API call or an agent.
 *
 * <p>Names follow the plan ({@code bot_verifications_total}, {@code bot_api_calls_total}, …). Every
 * document carries the dimension {@code Service}; labelled metrics add one label as a second
 * dimension ({@code status}, {@code method}, {@code type}, …). Labels with unbounded values (chat
 * ids in a rate-limit scope) are not dimensions: each distinct value would be a billed metric.
 */
public final class EmfMetrics implements GuardMetrics, UpdateObserver {
  /** CloudWatch allows 100 metrics per document. */
  private static final int MAX_METRICS_PER_DOCUMENT = 100;

  private record Series(String unit, List<Double> values) {}

  private final String namespace;
  private final String service;
  private final Map<String, String> properties;
  private final Consumer<String> sink;
  private final Clock clock;
  // dimension ("" for none, else "label=value") -> metric name -> series
  private final Map<String, Map<String, Series>> pending = new TreeMap<>();

  /**
   * @param properties extra fields written into every document (not dimensions), e.g. the function
   *     name and version, to find the log line
   */
  public EmfMetrics(
      String namespace,
      String service,
      Map<String, String> properties,
      Consumer<String> sink,
      Clock clock) {
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.service = Objects.requireNonNull(service, "service");
    this.properties = Map.copyOf(properties);
    this.sink = Objects.requireNonNull(sink, "sink");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  // ---- GuardMetrics ------------------------------------------------------------------------

  @Override
  public void verification(VerificationStatus status) {
    count("status", status.name().toLowerCase(Locale.ROOT), "bot_verifications_total");
  }

  @Override
  public void verificationLatency(Duration latency) {
    sample("", "", "bot_verification_latency_seconds", "Seconds", seconds(latency));
  }

  @Override
  public void cacheHit() {
    count("", "", "bot_cache_hits_total");
  }

  @Override
  public void cacheMiss() {
    count("", "", "bot_cache_misses_total");
  }

  @Override
  public void apiCall(String method) {
    count("method", method, "bot_api_calls_total");
  }

  @Override
  public void rateLimitDelay(String scope) {
    // The scope may name a chat: not a dimension (see the class comment).
    count("", "", "bot_rate_limit_delays_total");
  }

  @Override
  public void callShed(String priority, String reason) {
    count("priority", priority, "bot_calls_shed_total");
  }

  @Override
  public synchronized void activeGroups(long count) {
    List<Double> values = series("", "", "bot_active_groups", "Count").values();
    values.clear();
    values.add((double) count);
  }

  @Override
  public void updateHandled(String type, Duration handlingTime) {
    count("type", type, "bot_updates_total");
    sample("type", type, "bot_update_handling_seconds", "Seconds", seconds(handlingTime));
  }

  @Override
  public void fallback(String component) {
    count("component", component, "bot_fallbacks_total");
  }

  @Override
  public void outbox(String event) {
    count("event", event, "bot_outbox_effects_total");
  }

  private volatile LongSupplier outboxPending;
  private volatile DoubleSupplier outboxOldestAge;

  /**
   * Keeps the outbox's gauges; they are read only by {@link #outboxDepthNow()} (each read is a
   * query), which the scheduled function calls once per run, not every invocation.
   */
  @Override
  public void outboxDepth(LongSupplier pending, DoubleSupplier oldestAgeSeconds) {
    this.outboxPending = pending;
    this.outboxOldestAge = oldestAgeSeconds;
  }

  /**
   * Samples {@code bot_outbox_pending} and {@code bot_outbox_oldest_age_seconds} into this
   * invocation's metrics (nothing without an outbox).
   */
  public void outboxDepthNow() {
    LongSupplier pending = outboxPending;
    DoubleSupplier age = outboxOldestAge;
    if (pending == null || age == null) {
      return;
    }
    gauge("bot_outbox_pending", "Count", pending.getAsLong());
    gauge("bot_outbox_oldest_age_seconds", "Seconds", age.getAsDouble());
  }

  private synchronized void gauge(String name, String unit, double value) {
    List<Double> values = series("", "", name, unit).values();
    values.clear();
    values.add(value);
  }

  // ---- UpdateObserver ----------------------------------------------------------------------

  @Override
  public void processed(UpdateOutcome outcome) {
    String o = outcome.kind().label();
    count("outcome", o, "bot_webhook_requests_total");
    sample("outcome", o, "bot_webhook_request_seconds", "Seconds", seconds(outcome.took()));
  }

  @Override
  public void repliedInResponse(String method) {
    count("method", method, "bot_webhook_replies_total");
  }

  // ---- flushing ----------------------------------------------------------------------------

  /** Writes what accumulated since the last flush (nothing when nothing happened) and resets. */
  public void flush() {
    List<String> lines = drain();
    if (!lines.isEmpty()) {
      sink.accept(String.join("\n", lines));
    }
  }

  /** What {@link #flush()} would write, and resets: one EMF JSON document per element. */
  public synchronized List<String> drain() {
    List<String> documents = new ArrayList<>();
    long timestamp = clock.millis();
    for (Map.Entry<String, Map<String, Series>> byDimension : pending.entrySet()) {
      List<Map.Entry<String, Series>> metrics = new ArrayList<>(byDimension.getValue().entrySet());
      for (int from = 0; from < metrics.size(); from += MAX_METRICS_PER_DOCUMENT) {
        documents.add(
            document(
                timestamp,
                byDimension.getKey(),
                metrics.subList(from, Math.min(metrics.size(), from + MAX_METRICS_PER_DOCUMENT))));
      }
    }
    pending.clear();
    return documents;
  }

  private String document(long timestamp, String dimension, List<Map.Entry<String, Series>> ms) {
    List<String> dimensionNames = new ArrayList<>(List.of("Service"));
    Map<String, Object> root = new LinkedHashMap<>();
    List<Map<String, Object>> definitions = new ArrayList<>();
    for (Map.Entry<String, Series> m : ms) {
      Map<String, Object> definition = new LinkedHashMap<>();
      definition.put("Name", m.getKey());
      definition.put("Unit", m.getValue().unit());
      definitions.add(definition);
    }
    Map<String, Object> directive = new LinkedHashMap<>();
    directive.put("Namespace", namespace);
    root.put("Service", service);
    if (!dimension.isEmpty()) {
      int eq = dimension.indexOf('=');
      dimensionNames.add(dimension.substring(0, eq));
      root.put(dimension.substring(0, eq), dimension.substring(eq + 1));
    }
    directive.put("Dimensions", List.of(dimensionNames));
    directive.put("Metrics", definitions);
    Map<String, Object> aws = new LinkedHashMap<>();
    aws.put("Timestamp", timestamp);
    aws.put("CloudWatchMetrics", List.of(directive));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("_aws", aws);
    doc.putAll(root);
    properties.forEach(doc::putIfAbsent);
    for (Map.Entry<String, Series> m : ms) {
      Series s = m.getValue();
      doc.put(m.getKey(), s.values().size() == 1 ? s.values().get(0) : s.values());
    }
    return JsonWriter.write(doc);
  }

  private synchronized void count(String label, String value, String name) {
    Series s = series(label, value, name, "Count");
    if (s.values().isEmpty()) {
      s.values().add(1.0);
    } else {
      s.values().set(0, s.values().get(0) + 1);
    }
  }

  private synchronized void sample(
      String label, String value, String name, String unit, double sample) {
    series(label, value, name, unit).values().add(sample);
  }

  private Series series(String label, String value, String name, String unit) {
    String dimension = label.isEmpty() ? "" : label + "=" + value;
    return pending
        .computeIfAbsent(dimension, d -> new TreeMap<>())
        .computeIfAbsent(name, n -> new Series(unit, new ArrayList<>()));
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
