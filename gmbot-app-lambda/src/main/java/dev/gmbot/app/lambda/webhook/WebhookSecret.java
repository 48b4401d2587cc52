package dev.gmbot.app.lambda.webhook;

import dev.gmbot.adapter.telegram.TelegramWebhooks;
import java.util.Optional;

/** The configured {@code secret_token}, compared in constant time with the request's header. */
public final class WebhookSecret {
  /** Telegram sends the secret in this header with every webhook request. */
  public static final String HEADER = TelegramWebhooks.SECRET_HEADER;

  private final String expected;

  public WebhookSecret(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("the webhook secret must not be empty");
    }
    this.expected = secret;
  }

  /**
   * True when the header carries the secret. The time taken depends only on the secret's length.
   */
  public boolean matches(Optional<String> provided) {
    return TelegramWebhooks.secretMatches(expected, provided.orElse(null));
  }

  @Override
  public String toString() {
    return "WebhookSecret[<redacted>]";
  }
}
