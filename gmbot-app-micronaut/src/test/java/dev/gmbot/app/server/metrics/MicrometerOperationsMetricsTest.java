package dev.gmbot.app.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.testkit.fake.MutableClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The series the alerts and the dashboard read, beyond the verification basics. */
class MicrometerOperationsMetricsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MutableClock clock = new MutableClock(T0);
  private final MicrometerGuardMetrics metrics = new MicrometerGuardMetrics(registry, clock);

  @Test
  void seriesTheAlertsNeedExistAtZeroFromTheStart() {
    String scrape = registry.scrape();

    assertThat(scrape)
        .contains("bot_rate_limit_pauses_total{scope=\"global\"} 0.0")
        .contains("bot_rate_limit_pauses_total{scope=\"chat\"} 0.0")
        .contains("bot_group_pauses_total{reason=\"bot_lacks_group_rights\"} 0.0")
        .contains("bot_group_pauses_total{reason=\"bot_removed_from_group\"} 0.0")
        .contains("bot_group_pauses_total{reason=\"cannot_check_channel\"} 0.0")
        .contains("bot_paused_groups{reason=\"cannot_check_channel\"} 0.0")
        .contains("bot_join_requests_pending 0.0")
        .contains("bot_join_requests_approved_total 0.0")
        .contains("bot_sweep_runs_total{outcome=\"ok\",sweep=\"prompts\"} 0.0")
        .contains("bot_sweep_runs_total{outcome=\"failed\",sweep=\"prompts\"} 0.0");
    assertThat(value(scrape, "bot_sweep_last_success_timestamp_seconds{sweep=\"prompts\"}"))
        .as("start-up counts as the last success")
        .isEqualTo(T0.getEpochSecond());
  }

  @Test
  void pausesAndPausedGroupsByReason() {
    metrics.groupPaused("bot_lacks_group_rights");
    metrics.pausedGroups(Map.of("bot_lacks_group_rights", 3L));
    metrics.rateLimitPause("chat", Duration.ofSeconds(5));
    metrics.rateLimitPause("global", Duration.ofSeconds(30));
    metrics.rateLimitPause("chat", Duration.ofSeconds(5));

    assertThat(registry.scrape())
        .contains("bot_group_pauses_total{reason=\"bot_lacks_group_rights\"} 1.0")
        .contains("bot_paused_groups{reason=\"bot_lacks_group_rights\"} 3.0")
        .contains("bot_paused_groups{reason=\"bot_removed_from_group\"} 0.0")
        .contains("bot_rate_limit_pauses_total{scope=\"chat\"} 2.0")
        .contains("bot_rate_limit_pauses_total{scope=\"global\"} 1.0");

    metrics.pausedGroups(Map.of());
    assertThat(registry.scrape())
        .contains("bot_paused_groups{reason=\"bot_lacks_group_rights\"} 0.0");
  }

  @Test
  void schedulerQueueDepthIsReadAtScrapeTimeAndWaitsAreAHistogram() {
    AtomicInteger depth = new AtomicInteger(4);
    metrics.schedulerQueue("p1_enforcement", depth::get);
    metrics.queueWait("p1_enforcement", Duration.ofMillis(3));
    metrics.queueWait("p1_enforcement", Duration.ofSeconds(2));

    assertThat(registry.scrape())
        .contains("bot_scheduler_queue_depth{priority=\"p1_enforcement\"} 4.0")
        .contains(
            "bot_scheduler_queue_wait_seconds_bucket{priority=\"p1_enforcement\",le=\"0.005\"} 1")
        .contains(
            "bot_scheduler_queue_wait_seconds_bucket{priority=\"p1_enforcement\",le=\"2.5\"} 2")
        .contains("bot_scheduler_queue_wait_seconds_count{priority=\"p1_enforcement\"} 2");
    depth.set(9);
    assertThat(registry.scrape())
        .contains("bot_scheduler_queue_depth{priority=\"p1_enforcement\"} 9.0");
  }

  @Test
  void sweepsCountRunsItemsAndTheLastSuccess() {
    clock.advance(Duration.ofSeconds(30));
    metrics.sweep("prompts", true, 4, Duration.ofMillis(15));
    clock.advance(Duration.ofSeconds(30));
    metrics.sweep("prompts", false, 0, Duration.ofMillis(5));

    assertThat(registry.scrape())
        .contains("bot_sweep_runs_total{outcome=\"ok\",sweep=\"prompts\"} 1.0")
        .contains("bot_sweep_runs_total{outcome=\"failed\",sweep=\"prompts\"} 1.0")
        .contains("bot_sweep_items_total{sweep=\"prompts\"} 4.0")
        .contains("bot_sweep_duration_seconds_count{sweep=\"prompts\"} 2");
    assertThat(
            value(registry.scrape(), "bot_sweep_last_success_timestamp_seconds{sweep=\"prompts\"}"))
        .isEqualTo(T0.plusSeconds(30).getEpochSecond());
  }

  /** The value of one series in a scrape. */
  static double value(String scrape, String series) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(series + " not in the scrape"));
  }

  @Test
  void joinRequests() {
    metrics.joinRequestApproved();
    metrics.pendingJoinRequests(2);

    assertThat(registry.scrape())
        .contains("bot_join_requests_approved_total 1.0")
        .contains("bot_join_requests_pending 2.0");
  }
}
