package dev.gmbot.app.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.out.GuardMetrics.VerificationStatus;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MicrometerGuardMetricsTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MicrometerGuardMetrics metrics = new MicrometerGuardMetrics(registry);

  @Test
  void exposesThePlansMetricNames() {
    metrics.verification(VerificationStatus.VERIFIED);
    metrics.verification(VerificationStatus.RESTRICTED);
    metrics.verificationLatency(Duration.ofMillis(30));
    metrics.cacheHit();
    metrics.cacheMiss();
    metrics.apiCall("getChatMember", "ok", Duration.ofMillis(12));
    metrics.apiCall("getChatMember", "4xx_member_not_found", Duration.ofMillis(20));
    metrics.apiCall("getChatMember", "ok", Duration.ofMillis(700));
    metrics.rateLimitDelay("chat:-100123");
    metrics.activeGroups(7);
    metrics.updateHandled("message", Duration.ofMillis(3));

    String scrape = registry.scrape();

    assertThat(scrape)
        .contains("bot_verifications_total{status=\"verified\"} 1.0")
        .contains("bot_verifications_total{status=\"restricted\"} 1.0")
        .contains("bot_verifications_total{status=\"error\"} 0.0")
        .contains("bot_api_calls_total{method=\"getChatMember\",outcome=\"ok\"} 2.0")
        .contains(
            "bot_api_calls_total{method=\"getChatMember\",outcome=\"4xx_member_not_found\"} 1.0")
        .contains("bot_api_call_duration_seconds_bucket{method=\"getChatMember\",le=\"0.5\"} 2")
        .contains("bot_api_call_duration_seconds_count{method=\"getChatMember\"} 3")
        .contains("bot_cache_hits_total 1.0")
        .contains("bot_cache_misses_total 1.0")
        .contains("bot_rate_limit_delays_total{scope=\"chat\"} 1.0")
        .contains("bot_active_groups 7.0")
        .contains("bot_updates_total{type=\"message\"} 1.0")
        .contains("bot_update_handling_seconds_count{type=\"message\"} 1")
        .contains("bot_update_handling_seconds_bucket{type=\"message\",le=\"0.005\"} 1");
  }

  @Test
  void aBareApiCallIsNotCounted() {
    metrics.apiCall("getChatMember");

    assertThat(registry.scrape()).doesNotContain("bot_api_calls_total{");
  }

  @Test
  void verificationLatencyHasThePlansBuckets() {
    metrics.verificationLatency(Duration.ofMillis(70));

    String scrape = registry.scrape();

    assertThat(scrape)
        .contains("bot_verification_latency_seconds_bucket{le=\"0.01\"} 0")
        .contains("bot_verification_latency_seconds_bucket{le=\"0.05\"} 0")
        .contains("bot_verification_latency_seconds_bucket{le=\"0.1\"} 1")
        .contains("bot_verification_latency_seconds_bucket{le=\"0.5\"} 1")
        .contains("bot_verification_latency_seconds_bucket{le=\"1.0\"} 1")
        .contains("bot_verification_latency_seconds_bucket{le=\"2.0\"} 1")
        .contains("bot_verification_latency_seconds_count 1");
  }

  @Test
  void chatScopesCollapseToTheirKind() {
    assertThat(MicrometerGuardMetrics.scopeKind("chat:-100123")).isEqualTo("chat");
    assertThat(MicrometerGuardMetrics.scopeKind("global")).isEqualTo("global");
  }
}
