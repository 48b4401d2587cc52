package dev.gmbot.app.lambda.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.adapter.telegram.webhook.UpdateOutcome;
import dev.gmbot.port.out.GuardMetrics.VerificationStatus;
import dev.gmbot.testkit.fake.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmfMetricsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T21:00:00Z"));
  private final List<String> out = new ArrayList<>();
  private final EmfMetrics metrics =
      new EmfMetrics("GMBot", "gmbot", Map.of("function", "gmbot-webhook"), out::add, clock);

  @Test
  void writesOneDocumentPerDimensionSetInOneFlush() {
    metrics.cacheHit();
    metrics.cacheHit();
    metrics.cacheMiss();
    metrics.verification(VerificationStatus.RESTRICTED);
    metrics.apiCall("getChatMember");
    metrics.apiCall("getChatMember");
    metrics.apiCall("restrictChatMember");

    metrics.flush();

    assertThat(out).hasSize(1);
    List<String> docs = List.of(out.get(0).split("\n"));
    assertThat(docs)
        .containsExactly(
            "{\"_aws\":{\"Timestamp\":1795467600000,\"CloudWatchMetrics\":[{\"Namespace\":\"GMBot\","
                + "\"Dimensions\":[[\"Service\"]],\"Metrics\":[{\"Name\":\"bot_cache_hits_total\","
                + "\"Unit\":\"Count\"},{\"Name\":\"bot_cache_misses_total\",\"Unit\":\"Count\"}]}]},"
                + "\"Service\":\"gmbot\",\"function\":\"gmbot-webhook\",\"bot_cache_hits_total\":2,"
                + "\"bot_cache_misses_total\":1}",
            "{\"_aws\":{\"Timestamp\":1795467600000,\"CloudWatchMetrics\":[{\"Namespace\":\"GMBot\","
                + "\"Dimensions\":[[\"Service\",\"method\"]],\"Metrics\":[{\"Name\":"
                + "\"bot_api_calls_total\",\"Unit\":\"Count\"}]}]},\"Service\":\"gmbot\","
                + "\"method\":\"getChatMember\",\"function\":\"gmbot-webhook\","
                + "\"bot_api_calls_total\":2}",
            "{\"_aws\":{\"Timestamp\":1795467600000,\"CloudWatchMetrics\":[{\"Namespace\":\"GMBot\","
                + "\"Dimensions\":[[\"Service\",\"method\"]],\"Metrics\":[{\"Name\":"
                + "\"bot_api_calls_total\",\"Unit\":\"Count\"}]}]},\"Service\":\"gmbot\","
                + "\"method\":\"restrictChatMember\",\"function\":\"gmbot-webhook\","
                + "\"bot_api_calls_total\":1}",
            "{\"_aws\":{\"Timestamp\":1795467600000,\"CloudWatchMetrics\":[{\"Namespace\":\"GMBot\","
                + "\"Dimensions\":[[\"Service\",\"status\"]],\"Metrics\":[{\"Name\":"
                + "\"bot_verifications_total\",\"Unit\":\"Count\"}]}]},\"Service\":\"gmbot\","
                + "\"status\":\"restricted\",\"function\":\"gmbot-webhook\","
                + "\"bot_verifications_total\":1}");
  }

  @Test
  void countsOutboxEventsAndSamplesItsDepthOnlyWhenAsked() {
    int[] reads = new int[1];
    metrics.outboxDepth(
        () -> {
          reads[0]++;
          return 3;
        },
        () -> 1.5);
    metrics.outbox("recorded");
    metrics.outbox("recorded");
    metrics.outbox("drained");

    List<String> perInvocation = metrics.drain();

    assertThat(reads[0]).as("no query per invocation").isZero();
    assertThat(String.join("\n", perInvocation))
        .contains("\"event\":\"recorded\"", "\"bot_outbox_effects_total\":2")
        .contains("\"event\":\"drained\"", "\"bot_outbox_effects_total\":1")
        .doesNotContain("bot_outbox_pending");

    metrics.outboxDepthNow();
    String scheduled = String.join("\n", metrics.drain());

    assertThat(reads[0]).isOne();
    assertThat(scheduled)
        .contains("\"bot_outbox_pending\":3")
        .contains("\"bot_outbox_oldest_age_seconds\":1.5");
  }

  @Test
  void keepsEverySampleOfATimingAsAnArray() {
    metrics.updateHandled("callback_query", Duration.ofMillis(120));
    metrics.processed(
        UpdateOutcome.of(UpdateOutcome.Kind.HANDLED, "").took(Duration.ofMillis(130)));
    metrics.verificationLatency(Duration.ofMillis(40));
    metrics.verificationLatency(Duration.ofMillis(60));

    List<String> docs = metrics.drain();

    assertThat(docs)
        .anySatisfy(
            d -> assertThat(d).contains("\"bot_verification_latency_seconds\":[0.04,0.06]"));
    assertThat(docs)
        .anySatisfy(
            d ->
                assertThat(d)
                    .contains("\"type\":\"callback_query\"")
                    .contains("\"bot_update_handling_seconds\":0.12")
                    .contains("\"bot_updates_total\":1"));
    assertThat(docs)
        .anySatisfy(
            d ->
                assertThat(d)
                    .contains("\"outcome\":\"handled\"")
                    .contains("\"bot_webhook_request_seconds\":0.13"));
  }

  @Test
  void resetsAfterAFlushAndWritesNothingWhenNothingHappened() {
    metrics.cacheHit();
    metrics.flush();
    metrics.flush();
    metrics.activeGroups(3);
    metrics.activeGroups(4);
    metrics.flush();

    assertThat(out).hasSize(2);
    assertThat(out.get(1))
        .contains("\"bot_active_groups\":4")
        .doesNotContain("bot_cache_hits_total");
  }

  @Test
  void doesNotTurnChatScopedRateLimitsIntoDimensions() {
    metrics.rateLimitDelay("chat:-1001234567890");
    metrics.rateLimitDelay("global");

    assertThat(metrics.drain())
        .singleElement()
        .satisfies(
            d ->
                assertThat(d)
                    .contains("\"bot_rate_limit_delays_total\":2")
                    .doesNotContain("-1001234567890"));
  }
}
