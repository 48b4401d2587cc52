package dev.gmbot.app.server.metrics;

import dev.gmbot.app.server.health.HealthProbe;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmCompilationMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The server's own meters next to the domain's: Micrometer's JVM and process binders, {@code
 * bot_mode{mode}} (1 for the mode the server runs in) and {@code bot_health_up{component}} (1 when
 * {@code /health} reports the database, Redis or Telegram up, else 0). Close it at shutdown: the GC
 * binders hold JMX listeners.
 */
public final class ServerMeters implements AutoCloseable {
  /** One scrape reads three health gauges: they share one probe within this time. */
  static final Duration HEALTH_REUSE = Duration.ofSeconds(1);

  private static final List<String> COMPONENTS = List.of("database", "redis", "telegram");

  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final JvmHeapPressureMetrics heapPressure = new JvmHeapPressureMetrics();
  private final Supplier<HealthProbe.Report> health;
  private final Clock clock;
  private HealthProbe.Report lastReport;
  private Instant lastProbe = Instant.MIN;

  private ServerMeters(Supplier<HealthProbe.Report> health, Clock clock) {
    this.health = health;
    this.clock = clock;
  }

  /**
   * Binds everything to {@code registry}.
   *
   * @param mode {@code webhook} or {@code polling}
   * @param health the {@code /health} probe (called at scrape time, at most once per second)
   */
  public static ServerMeters bind(
      MeterRegistry registry, Clock clock, String mode, Supplier<HealthProbe.Report> health) {
    Objects.requireNonNull(registry, "registry");
    ServerMeters meters =
        new ServerMeters(Objects.requireNonNull(health, "health"), Objects.requireNonNull(clock));
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    meters.gc.bindTo(registry);
    meters.heapPressure.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new JvmCompilationMetrics().bindTo(registry);
    new JvmInfoMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    Gauge.builder("bot_mode", () -> 1)
        .description("The mode this server runs in (webhook or polling)")
        .tag("mode", Objects.requireNonNull(mode, "mode"))
        .register(registry);
    for (String component : COMPONENTS) {
      Gauge.builder("bot_health_up", meters, m -> m.up(component))
          .description("1 when /health reports the component up, else 0")
          .tag("component", component)
          .strongReference(true)
          .register(registry);
    }
    return meters;
  }

  private synchronized double up(String component) {
    Instant now = clock.instant();
    if (lastReport == null || Duration.between(lastProbe, now).compareTo(HEALTH_REUSE) >= 0) {
      lastReport = health.get();
      lastProbe = now;
    }
    return lastReport.up().getOrDefault(component, false) ? 1 : 0;
  }

  @Override
  public void close() {
    gc.close();
    heapPressure.close();
  }
}
