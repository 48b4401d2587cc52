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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's own meters next to the domain's: Micrometer's JVM and process binders, {@code
 * bot_mode{mode}} (1 for the mode the server runs in) and {@code bot_health_up{component}} (1 when
 * {@code /health} reports the database, Redis or Telegram up, else 0). The health gauges show the
 * last probe, which a background thread repeats every {@link #HEALTH_PERIOD}: a scrape never waits
 * for a database that does not answer. Close it at shutdown (the probe thread, the GC binders' JMX
 * listeners).
 */
public final class ServerMeters implements AutoCloseable {
  static final Duration HEALTH_PERIOD = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(ServerMeters.class);
  private static final List<String> COMPONENTS = List.of("database", "redis", "telegram");

  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final JvmHeapPressureMetrics heapPressure = new JvmHeapPressureMetrics();
  private final Supplier<HealthProbe.Report> health;
  private final ScheduledExecutorService prober =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("gmbot-health-gauges").factory());
  private volatile Map<String, Boolean> lastUp = Map.of();

  private ServerMeters(Supplier<HealthProbe.Report> health) {
    this.health = health;
  }

  /**
   * Binds everything to {@code registry} and starts probing.
   *
   * @param mode {@code webhook} or {@code polling}
   * @param health the {@code /health} probe
   */
  public static ServerMeters bind(
      MeterRegistry registry, String mode, Supplier<HealthProbe.Report> health) {
    Objects.requireNonNull(registry, "registry");
    ServerMeters meters = new ServerMeters(Objects.requireNonNull(health, "health"));
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
          .description(
              "1 when /health reports the component up, else 0 (NaN before the first probe)")
          .tag("component", component)
          .strongReference(true)
          .register(registry);
    }
    meters.prober.scheduleWithFixedDelay(
        meters::probe, 0, HEALTH_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    return meters;
  }

  private void probe() {
    try {
      lastUp = health.get().up();
    } catch (RuntimeException e) {
      LOG.warn("The health probe of the metrics failed: {}", e.toString());
    }
  }

  private double up(String component) {
    Boolean up = lastUp.get(component);
    return up == null ? Double.NaN : up ? 1 : 0;
  }

  @Override
  public void close() {
    prober.shutdownNow();
    gc.close();
    heapPressure.close();
  }
}
