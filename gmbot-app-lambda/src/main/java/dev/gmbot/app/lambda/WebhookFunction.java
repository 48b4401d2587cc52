package dev.gmbot.app.lambda;

import dev.gmbot.adapter.telegram.TelegramWebhooks;
import dev.gmbot.adapter.telegram.webhook.WebhookEndpoint;
import dev.gmbot.adapter.telegram.webhook.WebhookRequest;
import dev.gmbot.adapter.telegram.webhook.WebhookResponse;
import dev.gmbot.app.lambda.metrics.EmfMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * What every handler does per invocation, whatever the event shape: run the Telegram adapter's
 * {@link WebhookEndpoint}, then carry out the outbox's due effects (one round, ADR 0087), then
 * write the invocation's metrics (one EMF flush per invocation, before Lambda freezes the
 * container).
 */
public final class WebhookFunction {
  private final WebhookEndpoint endpoint;
  private final EmfMetrics metrics;
  private final ToIntFunction<Duration> afterUpdate;

  /** What an invocation assumes it has left when its handler cannot tell (no context). */
  static final Duration UNKNOWN_REMAINING = Duration.ofSeconds(30);

  public WebhookFunction(WebhookEndpoint endpoint, EmfMetrics metrics) {
    this(endpoint, metrics, remaining -> 0);
  }

  /**
   * @param afterUpdate runs after the endpoint answered and before the answer is returned, given
   *     the invocation's remaining time: the due effects of the outbox ({@link
   *     OutboxDrain#afterUpdate}, ADR 0087); its failure does not change the answer
   */
  public WebhookFunction(
      WebhookEndpoint endpoint, EmfMetrics metrics, ToIntFunction<Duration> afterUpdate) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.afterUpdate = Objects.requireNonNull(afterUpdate, "afterUpdate");
  }

  /** {@link #invoke(String, Map, String, boolean, Duration)} with {@link #UNKNOWN_REMAINING}. */
  public WebhookResponse invoke(
      String method, Map<String, String> headers, String body, boolean base64Encoded) {
    return invoke(method, headers, body, base64Encoded, UNKNOWN_REMAINING);
  }

  /**
   * One request as a Lambda event describes it.
   *
   * @param method the HTTP method; empty or null when the event does not say
   * @param headers the headers (payload 2.0 lower-cases them, 1.0 keeps the client's case)
   * @param body the body as the event carries it, base64 when {@code base64Encoded}
   * @param remaining the invocation's remaining time ({@code Context.getRemainingTimeInMillis})
   */
  public WebhookResponse invoke(
      String method,
      Map<String, String> headers,
      String body,
      boolean base64Encoded,
      Duration remaining) {
    try {
      WebhookResponse response =
          endpoint.handle(
              WebhookRequest.encoded(method, secretHeader(headers), body, base64Encoded));
      // Before returning: Lambda freezes the container once the handler returns (ADR 0087).
      try {
        afterUpdate.applyAsInt(remaining);
      } catch (RuntimeException e) {
        // the update is answered; the effects stay in the outbox for the scheduled function
      }
      return response;
    } finally {
      metrics.flush();
    }
  }

  /**
   * The invocation's remaining time as the context tells it; {@link #UNKNOWN_REMAINING} without.
   */
  static Duration remaining(com.amazonaws.services.lambda.runtime.Context context) {
    return context == null
        ? UNKNOWN_REMAINING
        : Duration.ofMillis(Math.max(0, context.getRemainingTimeInMillis()));
  }

  /** The secret header, looked up case-insensitively. */
  static Optional<String> secretHeader(Map<String, String> headers) {
    if (headers == null) {
      return Optional.empty();
    }
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey() != null
          && header.getValue() != null
          && header.getKey().equalsIgnoreCase(TelegramWebhooks.SECRET_HEADER)) {
        return Optional.of(header.getValue());
      }
    }
    return Optional.empty();
  }
}
