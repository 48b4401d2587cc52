package dev.gmbot.app.lambda.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** The configured {@code secret_token}, compared in constant time with the request's header. */
public final class WebhookSecret {
  /** Telegram sends the secret in this header with every webhook request. */
  public static final String HEADER = "X-Telegram-Bot-Api-Secret-Token";

  private final byte[] expected;

  public WebhookSecret(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("the webhook secret must not be empty");
    }
    this.expected = secret.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * True when the header carries the secret. The time taken depends only on the secret's length.
   */
  public boolean matches(Optional<String> provided) {
    byte[] given = provided.map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
    return MessageDigest.isEqual(expected, given);
  }

  @Override
  public String toString() {
    return "WebhookSecret[<redacted>]";
  }
}
