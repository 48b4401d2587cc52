package dev.gmbot.adapter.telegram;

import dev.gmbot.adapter.telegram.internal.TgWebhookInfo;
import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.config.ConfigurationException;
import dev.gmbot.port.out.BotMethod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Webhook management: setWebhook, deleteWebhook, getWebhookInfo. Failures are the ports' {@link
 * dev.gmbot.port.out.BotApiException}s (setWebhook more than once a second gives a 429:
 * docs/telegram-bot-api.md, "Rate limits").
 */
public final class TelegramWebhooks {
  private final TelegramBotApiClient client;

  public TelegramWebhooks(TelegramBotApiClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  public void setWebhook(WebhookSettings settings) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("url", settings.url().toString());
    settings.secretToken().ifPresent(secret -> p.put("secret_token", secret));
    p.put("allowed_updates", settings.allowedUpdates());
    settings.maxConnections().ifPresent(max -> p.put("max_connections", max));
    if (settings.dropPendingUpdates()) {
      p.put("drop_pending_updates", true);
    }
    if (settings.certificatePem().isPresent()) {
      // A file upload: multipart/form-data, the certificate as the "certificate" part.
      client.writeMultipart(
          BotMethod.SET_WEBHOOK,
          p,
          "certificate",
          "certificate.pem",
          settings.certificatePem().get().getBytes(StandardCharsets.UTF_8),
          Boolean.class);
      return;
    }
    client.write(BotMethod.SET_WEBHOOK, p, Boolean.class, Optional.empty());
  }

  public void deleteWebhook(boolean dropPendingUpdates) {
    Map<String, Object> p = new LinkedHashMap<>();
    if (dropPendingUpdates) {
      p.put("drop_pending_updates", true);
    }
    client.write(BotMethod.DELETE_WEBHOOK, p, Boolean.class, Optional.empty());
  }

  public WebhookInfo getWebhookInfo() {
    TgWebhookInfo info =
        client.read(
            BotMethod.GET_WEBHOOK_INFO,
            new LinkedHashMap<>(),
            TgWebhookInfo.class,
            Optional.empty());
    return new WebhookInfo(
        Optional.ofNullable(info.url()).filter(url -> !url.isEmpty()),
        Boolean.TRUE.equals(info.hasCustomCertificate()),
        info.pendingUpdateCount() == null ? 0 : info.pendingUpdateCount(),
        Optional.ofNullable(info.ipAddress()),
        instant(info.lastErrorDate()),
        Optional.ofNullable(info.lastErrorMessage()),
        instant(info.lastSynchronizationErrorDate()),
        info.maxConnections() == null ? OptionalInt.empty() : OptionalInt.of(info.maxConnections()),
        info.allowedUpdates() == null ? List.of() : info.allowedUpdates());
  }

  /** The header Telegram puts the secret token in, on every webhook request. */
  public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

  /**
   * Compares a webhook request's {@link #SECRET_HEADER} with the configured secret in constant time
   * (docs/design.md, "Ingestion"). A missing header never matches.
   */
  public static boolean secretMatches(String expected, String received) {
    if (expected == null || expected.isEmpty() || received == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), received.getBytes(StandardCharsets.UTF_8));
  }

  /** The variable holding the secret token. */
  public static final String SECRET_VARIABLE = "WEBHOOK_SECRET";

  /** Telegram's rule for {@code secret_token}. */
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

  /**
   * Reads {@code WEBHOOK_SECRET}, checked against Telegram's rule for {@code secret_token}; an
   * invalid value is never repeated in the message.
   *
   * @return the secret, or empty when it is not set
   * @throws ConfigurationException when it breaks the rule
   */
  public static Optional<String> readSecret(ConfigReader env) {
    return env.secret(
        SECRET_VARIABLE,
        SECRET,
        "must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule for secret_token)");
  }

  /**
   * The secret read by {@link #readSecret}, where the deployable needs one.
   *
   * @param why what needs it, for the message ("the Function URL is public: ...")
   * @throws ConfigurationException naming {@code WEBHOOK_SECRET} when it is not set
   */
  public static String requireSecret(Optional<String> secret, String why) {
    return secret.orElseThrow(
        () ->
            new ConfigurationException(
                SECRET_VARIABLE,
                "is not set but "
                    + why
                    + " (expected 1-256 characters of A-Z, a-z, 0-9, _ and -; Telegram sends it"
                    + " with every update)"));
  }

  private static Optional<Instant> instant(Long epochSeconds) {
    return epochSeconds == null || epochSeconds == 0
        ? Optional.empty()
        : Optional.of(Instant.ofEpochSecond(epochSeconds));
  }
}
