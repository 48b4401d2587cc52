package dev.gmbot.app.server.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmbot.adapter.telegram.webhook.UpdateOutcome;
import dev.gmbot.adapter.telegram.webhook.UpdateOutcome.Kind;
import dev.gmbot.port.in.InboundEvent;
import dev.gmbot.port.in.JoinRequested;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.testkit.sentry.FakeSentry;
import dev.gmbot.testkit.sentry.SentryEnvelope;
import io.sentry.Breadcrumb;
import io.sentry.Sentry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real Sentry SDK against a stand-in for Sentry's ingestion API on loopback. */
class SentryErrorTrackerTest {
  private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
  private static final String SECRET = "webhook_Secret-4711";

  private final FakeSentry sentry = FakeSentry.start();

  @AfterEach
  void stop() {
    sentry.close();
  }

  private SentryErrorTracker start() {
    return SentryErrorTracker.start(
        new ErrorTrackingSettings(Optional.of(sentry.dsn()), "staging", "gmbot@9.9.9"),
        "server",
        List.of(TOKEN, SECRET));
  }

  private static UpdateOutcome failed(long updateId) {
    InboundEvent event =
        new JoinRequested(
            updateId,
            Instant.parse("2025-01-01T00:00:00Z"),
            ChatRef.group(-1001234567890L, "G"),
            new UserRef(new UserId(7), "Alice", Optional.empty(), false),
            new ChatId(7));
    return UpdateOutcome.of(Kind.FAILED, event, "IllegalStateException");
  }

  @Test
  void aFailureIsOneEventWithTheReleaseTheEnvironmentAndTheUpdateType() {
    try (SentryErrorTracker tracker = start()) {
      tracker.failedUnexpectedly(failed(41), new IllegalStateException("a bug"));
      tracker.flush();

      await().atMost(Duration.ofSeconds(10)).until(() -> sentry.events().size() == 1);
    }

    Map<String, Object> event = sentry.events().get(0);
    assertThat(event.get("release")).isEqualTo("gmbot@9.9.9");
    assertThat(event.get("environment")).isEqualTo("staging");
    @SuppressWarnings("unchecked")
    Map<String, Object> tags = (Map<String, Object>) event.get("tags");
    assertThat(tags)
        .containsEntry("update_type", "chat_join_request")
        .containsEntry("deployable", "server")
        .containsEntry("outcome", "failed");
    @SuppressWarnings("unchecked")
    Map<String, Object> extra = (Map<String, Object>) event.get("extra");
    assertThat(extra).containsEntry("update_id", "41");
    assertThat(sentry.envelopes()).allMatch(e -> e.project().equals(FakeSentry.PROJECT));
    assertThat(sentry.authHeaders()).allMatch(h -> h.contains("sentry_key="));
  }

  @Test
  void theTokenAndTheSecretNeverLeaveTheProcess() {
    try (SentryErrorTracker tracker = start()) {
      Sentry.addBreadcrumb(
          Breadcrumb.http("https://api.telegram.org/bot" + TOKEN + "/getMe", "GET", 502));
      Sentry.addBreadcrumb("webhook secret " + SECRET);
      RuntimeException failure =
          new IllegalStateException(
              "POST https://api.telegram.org/bot" + TOKEN + "/sendMessage failed",
              new IllegalArgumentException(
                  "header X-Telegram-Bot-Api-Secret-Token: "
                      + SECRET
                      + ", encoded token "
                      + TOKEN.replace(":", "%3A")));
      tracker.failedUnexpectedly(failed(42), failure);
      tracker.flush();

      await().atMost(Duration.ofSeconds(10)).until(() -> sentry.events().size() == 1);
    }

    String secretHalf = TOKEN.substring(TOKEN.indexOf(':') + 1);
    for (SentryEnvelope envelope : sentry.envelopes()) {
      String text = new String(envelope.bytes(), StandardCharsets.UTF_8);
      assertThat(text).doesNotContain(TOKEN).doesNotContain(secretHalf).doesNotContain(SECRET);
    }
    String event = sentry.envelopes().get(0).text();
    assertThat(event).contains("[redacted]").contains("sendMessage failed").contains("/getMe");
  }

  @Test
  void everyFailureToldIsOneEvent() {
    try (SentryErrorTracker tracker = start()) {
      tracker.failedUnexpectedly(failed(1), new IllegalStateException("first"));
      tracker.failedUnexpectedly(failed(2), new IllegalStateException("second"));
      tracker.flush();

      await().atMost(Duration.ofSeconds(10)).until(() -> sentry.events().size() == 2);
    }
    assertThat(Sentry.isEnabled()).as("closed with the tracker").isFalse();
  }
}
