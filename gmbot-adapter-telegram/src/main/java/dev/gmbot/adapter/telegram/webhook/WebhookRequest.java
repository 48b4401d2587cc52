package dev.gmbot.adapter.telegram.webhook;

import dev.gmbot.adapter.telegram.MalformedUpdateException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One webhook request as the {@link WebhookEndpoint} needs it, whatever the HTTP front (Micronaut,
 * a Lambda event): the method, the {@code X-Telegram-Bot-Api-Secret-Token} header and the body. A
 * body that arrived base64-encoded (Lambda events may) is decoded only after the secret was
 * checked.
 */
public final class WebhookRequest {
  private final String method;
  private final Optional<String> secretToken;
  private final String text;
  private final byte[] bytes;
  private final boolean base64;

  private WebhookRequest(
      String method, Optional<String> secretToken, String text, byte[] bytes, boolean base64) {
    this.method = method == null ? "" : method;
    this.secretToken = Objects.requireNonNull(secretToken, "secretToken");
    this.text = text;
    this.bytes = bytes;
    this.base64 = base64;
  }

  /**
   * @param method the HTTP method; empty when the front does not say (then it is not checked)
   * @param secretToken the secret header's value, if the request had one
   * @param body the raw body (empty when there was none)
   */
  public static WebhookRequest of(String method, Optional<String> secretToken, byte[] body) {
    return new WebhookRequest(method, secretToken, null, body == null ? new byte[0] : body, false);
  }

  /**
   * A request whose body arrived as text, base64-encoded when {@code base64} (binary or compressed
   * bodies in a Lambda event).
   */
  public static WebhookRequest encoded(
      String method, Optional<String> secretToken, String body, boolean base64) {
    return new WebhookRequest(method, secretToken, body == null ? "" : body, null, base64);
  }

  /** The HTTP method; empty when the front does not say. */
  public String method() {
    return method;
  }

  /** The {@code X-Telegram-Bot-Api-Secret-Token} header's value. */
  public Optional<String> secretToken() {
    return secretToken;
  }

  /**
   * The body's bytes.
   *
   * @throws MalformedUpdateException when a body flagged base64 is not base64
   */
  byte[] body() throws MalformedUpdateException {
    if (bytes != null) {
      return bytes;
    }
    if (!base64) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Base64.getMimeDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedUpdateException("body flagged base64 is not base64", OptionalLong.empty());
    }
  }

  @Override
  public String toString() {
    return "WebhookRequest["
        + method
        + ", secret header "
        + (secretToken.isPresent() ? "present" : "missing")
        + "]";
  }
}
