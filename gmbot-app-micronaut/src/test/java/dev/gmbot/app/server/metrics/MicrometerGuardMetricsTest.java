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

  @Test
  void memberSweepGaugesSumTheLatestRunsPerKind() {
    java.time.Instant t = java.time.Instant.parse("2026-12-02T03:00:00Z");
    dev.gmbot.port.model.MemberSweep a =
        dev.gmbot.port.model.MemberSweep.never(
                dev.gmbot.port.model.GroupId.of(-1001L),
                dev.gmbot.port.model.MemberSweep.Kind.RECONCILE)
            .started(t, 10);
    for (int i = 0; i < 4; i++) {
      a = a.advanced(new dev.gmbot.port.model.MemberSweep.Position(t, i), true, i < 3, false);
    }
    dev.gmbot.port.model.MemberSweep b =
        dev.gmbot.port.model.MemberSweep.never(
                dev.gmbot.port.model.GroupId.of(-1002L),
                dev.gmbot.port.model.MemberSweep.Kind.RECONCILE)
            .started(t, 2)
            .advanced(new dev.gmbot.port.model.MemberSweep.Position(t, 1), true, true, false);

    metrics.memberSweep(a, t.plusSeconds(2));
    metrics.memberSweep(b, t.plusSeconds(1));

    assertThat(gauge("bot_member_sweep_checked", "reconcile")).isEqualTo(5.0);
    assertThat(gauge("bot_member_sweep_freed", "reconcile")).isEqualTo(4.0);
    assertThat(gauge("bot_member_sweep_remaining", "reconcile")).isEqualTo(7.0);
    assertThat(gauge("bot_member_sweep_rate", "reconcile")).isEqualTo(3.0); // 4/2 s + 1/1 s
    assertThat(gauge("bot_member_sweep_expected_end_timestamp_seconds", "reconcile"))
        .isEqualTo(t.plusSeconds(5).getEpochSecond()); // a: 6 left at 2/s after 2 s
    assertThat(gauge("bot_member_sweep_checked", "active")).isZero();
    assertThat(registry.scrape()).contains("bot_member_sweep_restricted{kind=\"active\"}");
  }

  private double gauge(String name, String kind) {
    return registry.get(name).tag("kind", kind).gauge().value();
  }
}
