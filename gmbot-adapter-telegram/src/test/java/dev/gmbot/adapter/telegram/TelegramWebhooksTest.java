package dev.gmbot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Moshi;
import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.config.ConfigurationException;
import dev.gmbot.port.out.BotApiRejectedException;
import dev.gmbot.port.out.FloodWaitException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TelegramWebhooksTest {
  private final BotApiServer server = new BotApiServer();
  private final TelegramBotApiClient client = new TelegramBotApiClient(server.config());
  private final TelegramWebhooks webhooks = new TelegramWebhooks(client);

  @AfterEach
  void tearDown() {
    client.close();
    server.close();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> body(String method) {
    RecordedRequest request = server.take();
    assertThat(request.getUrl().encodedPath()).endsWith("/" + method);
    try {
      return new Moshi.Builder().build().adapter(Map.class).fromJson(request.getBody().utf8());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void setWebhookSendsUrlSecretAllowedUpdatesAndOptions() {
    server.ok("true");
    webhooks.setWebhook(
        WebhookSettings.of(URI.create("https://bot.example.org/webhook"), "s3cr3t_-X")
            .withMaxConnections(80)
            .droppingPendingUpdates());
    assertThat(body("setWebhook"))
        .containsEntry("url", "https://bot.example.org/webhook")
        .containsEntry("secret_token", "s3cr3t_-X")
        .containsEntry("max_connections", 80.0)
        .containsEntry("drop_pending_updates", true)
        .containsEntry("allowed_updates", TelegramUpdateDecoder.ALLOWED_UPDATES);
  }

  @Test
  void setWebhookWithDefaultsOmitsOptions() {
    server.ok("true");
    webhooks.setWebhook(
        new WebhookSettings(
            URI.create("https://bot.example.org/w"),
            Optional.empty(),
            TelegramUpdateDecoder.ALLOWED_UPDATES,
            OptionalInt.empty(),
            false));
    assertThat(body("setWebhook")).containsOnlyKeys("url", "allowed_updates");
  }

  @Test
  void secretTokenIsValidatedWithoutEchoingIt() {
    URI url = URI.create("https://bot.example.org/webhook");
    assertThatThrownBy(() -> WebhookSettings.of(url, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> WebhookSettings.of(url, "x".repeat(257)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 256");
    assertThatThrownBy(() -> WebhookSettings.of(url, "has space!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the webhook secret token may contain only A-Z, a-z, 0-9, _ and -");
    assertThat(WebhookSettings.validateSecretToken("x".repeat(256))).hasSize(256);
    assertThat(WebhookSettings.of(url, "abc").toString()).doesNotContain("abc");
    assertThatThrownBy(() -> WebhookSettings.of(url, "ok").withMaxConnections(101))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void deleteWebhook() {
    server.ok("true");
    server.ok("true");
    webhooks.deleteWebhook(true);
    webhooks.deleteWebhook(false);
    assertThat(body("deleteWebhook")).containsEntry("drop_pending_updates", true);
    assertThat(body("deleteWebhook")).isEmpty();
  }

  @Test
  void webhookInfoForHealth() {
    server.ok(
        "{\"url\":\"https://bot.example.org/webhook\",\"has_custom_certificate\":false,"
            + "\"pending_update_count\":3,\"ip_address\":\"203.0.113.7\",\"last_error_date\":1760000000,"
            + "\"last_error_message\":\"Wrong response from the webhook: 500 Internal Server Error\","
            + "\"max_connections\":40,\"allowed_updates\":[\"message\",\"chat_member\"]}");
    WebhookInfo info = webhooks.getWebhookInfo();
    assertThat(info)
        .isEqualTo(
            new WebhookInfo(
                Optional.of("https://bot.example.org/webhook"),
                false,
                3,
                Optional.of("203.0.113.7"),
                Optional.of(Instant.ofEpochSecond(1760000000L)),
                Optional.of("Wrong response from the webhook: 500 Internal Server Error"),
                Optional.empty(),
                OptionalInt.of(40),
                List.of("message", "chat_member")));
    assertThat(info.isSet()).isTrue();
  }

  @Test
  void webhookInfoWhilePolling() {
    server.ok("{\"url\":\"\",\"has_custom_certificate\":false,\"pending_update_count\":0}");
    WebhookInfo info = webhooks.getWebhookInfo();
    assertThat(info.isSet()).isFalse();
    assertThat(info.allowedUpdates()).isEmpty();
    assertThat(info.lastErrorDate()).isEmpty();
  }

  @Test
  void badWebhookAndTooFrequentSetWebhook() {
    server.error(
        400,
        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443\"}",
        null);
    server.error(
        429,
        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\",\"parameters\":{\"retry_after\":1}}",
        "1");
    WebhookSettings settings =
        WebhookSettings.of(URI.create("https://bot.example.org:9000/w"), "s");
    assertThatThrownBy(() -> webhooks.setWebhook(settings))
        .isInstanceOf(BotApiRejectedException.class)
        .hasMessageContaining("bad webhook");
    assertThatThrownBy(() -> webhooks.setWebhook(settings))
        .isInstanceOfSatisfying(
            FloodWaitException.class,
            f -> assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
  }

  @Test
  void secretHeaderComparison() {
    assertThat(TelegramWebhooks.secretMatches("s3cr3t", "s3cr3t")).isTrue();
    assertThat(TelegramWebhooks.secretMatches("s3cr3t", "s3cr3T")).isFalse();
    assertThat(TelegramWebhooks.secretMatches("s3cr3t", null)).isFalse();
    assertThat(TelegramWebhooks.secretMatches("", "")).isFalse();
    assertThat(TelegramWebhooks.SECRET_HEADER).isEqualTo("X-Telegram-Bot-Api-Secret-Token");
  }

  @Test
  void theSecretVariableFollowsTelegramsRuleAndIsNeverEchoed() {
    assertThat(TelegramWebhooks.readSecret(ConfigReader.of(Map.of("WEBHOOK_SECRET", "ok_-1"))))
        .contains("ok_-1");
    assertThat(TelegramWebhooks.readSecret(ConfigReader.of(Map.of()))).isEmpty();
    for (String bad : new String[] {"has space!", "x".repeat(257)}) {
      assertThatThrownBy(
              () -> TelegramWebhooks.readSecret(ConfigReader.of(Map.of("WEBHOOK_SECRET", bad))))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageStartingWith("WEBHOOK_SECRET must be 1-256 characters")
          .hasMessageNotContaining(bad);
    }
  }

  @Test
  void aMissingSecretIsExplainedByWhatNeedsIt() {
    assertThat(TelegramWebhooks.requireSecret(Optional.of("ok_-1"), "anything")).isEqualTo("ok_-1");
    assertThatThrownBy(
            () -> TelegramWebhooks.requireSecret(Optional.empty(), "the Function URL is public"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("WEBHOOK_SECRET is not set but the Function URL is public")
        .extracting(e -> ((ConfigurationException) e).variable())
        .isEqualTo("WEBHOOK_SECRET");
  }
}
