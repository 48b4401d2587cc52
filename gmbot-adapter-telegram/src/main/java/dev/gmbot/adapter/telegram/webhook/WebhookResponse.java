package dev.gmbot.adapter.telegram.webhook;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the endpoint answers Telegram: a status, headers and a JSON body. The body of a 2xx is a Bot
 * API method call Telegram then makes itself (the webhook reply), or {@code
 * {"ok":true,"outcome":"handled"}} (Telegram ignores a body without {@code method}); any other
 * status carries {@code {"ok":false,"outcome":"…"}}, a 503 also {@code Retry-After}, a 405 {@code
 * Allow: POST}.
 *
 * @param status the HTTP status
 * @param body the body ("" for none)
 * @param headers the headers, {@code Content-Type} included when there is a body
 */
public record WebhookResponse(int status, String body, Map<String, String> headers) {
  /** Sent with a 503 unless a 429 asked for longer: Telegram honours it before redelivering. */
  public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  /** Telegram clamps longer waits. */
  private static final long MAX_RETRY_AFTER_SECONDS = 3600;

  public WebhookResponse {
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }

  /** The answer to an outcome (without a reply). */
  public static WebhookResponse of(UpdateOutcome outcome) {
    int status = outcome.kind().httpStatus();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    if (status == 503) {
      Duration wait = outcome.retryAfter().orElse(DEFAULT_RETRY_AFTER);
      long seconds = Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, (wait.toMillis() + 999) / 1000));
      headers.put("Retry-After", Long.toString(seconds));
    }
    if (status == 405) {
      headers.put("Allow", "POST");
    }
    return new WebhookResponse(
        status,
        "{\"ok\":" + outcome.acknowledged() + ",\"outcome\":\"" + outcome.kind().label() + "\"}",
        headers);
  }

  /** 200 with a Bot API call for Telegram to make. */
  static WebhookResponse replying(BotMethodCall call) {
    return new WebhookResponse(200, call.toJson(), Map.of("Content-Type", "application/json"));
  }

  /** True for a 2xx: Telegram forgets the update. */
  public boolean acknowledged() {
    return status >= 200 && status < 300;
  }
}
