package dev.gmbot.app.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmbot.app.server.health.HealthProbe;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServerMetersTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void healthGaugesShowTheLastProbeAndTheModeIsALabel() {
    AtomicInteger probes = new AtomicInteger();
    try (ServerMeters meters =
        ServerMeters.bind(
            registry,
            "webhook",
            () -> {
              probes.incrementAndGet();
              return new HealthProbe.Report(
                  503,
                  "unhealthy",
                  "{}",
                  Map.of("database", false, "redis", true, "telegram", true));
            })) {
      await().atMost(Duration.ofSeconds(10)).until(() -> probes.get() >= 1);
      String scrape = registry.scrape();
      String again = registry.scrape();

      assertThat(scrape)
          .contains("bot_health_up{component=\"database\"} 0.0")
          .contains("bot_health_up{component=\"redis\"} 1.0")
          .contains("bot_health_up{component=\"telegram\"} 1.0")
          .contains("bot_mode{mode=\"webhook\"} 1.0")
          .contains("jvm_memory_used_bytes")
          .contains("jvm_gc_")
          .contains("process_uptime_seconds")
          .contains("system_cpu_count");
      assertThat(again).contains("bot_health_up{component=\"database\"} 0.0");
      assertThat(probes.get()).as("scrapes read the last probe; they do not probe").isLessThan(3);
    }
  }
}
