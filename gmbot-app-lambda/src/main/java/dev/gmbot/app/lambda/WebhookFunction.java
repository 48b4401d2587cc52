package dev.gmbot.app.lambda;

import dev.gmbot.adapter.telegram.TelegramWebhooks;
import dev.gmbot.adapter.telegram.webhook.WebhookEndpoint;
import dev.gmbot.adapter.telegram.webhook.WebhookRequest;
import dev.gmbot.adapter.telegram.webhook.WebhookResponse;
import dev.gmbot.app.lambda.metrics.EmfMetrics;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every handler does per invocation, whatever the event shape: run the Telegram adapter's
 * {@link WebhookEndpoint}, then write the invocation's metrics (one EMF flush per invocation,
 * before Lambda freezes the container).
 */
public final class WebhookFunction {
  private final WebhookEndpoint endpoint;
  private final EmfMetrics metrics;
  private final Runnable afterUpdate;

  public WebhookFunction(WebhookEndpoint endpoint, EmfMetrics metrics) {
    this(endpoint, metrics, () -> {});
  }

  /**
   * @param afterUpdate runs after the endpoint answered, outside its webhook reply (the due effects
   *     of the outbox, ADR 0014); its failure does not change the answer
   */
  public WebhookFunction(WebhookEndpoint endpoint, EmfMetrics metrics, Runnable afterUpdate) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.afterUpdate = Objects.requireNonNull(afterUpdate, "afterUpdate");
  }

  /**
   * One request as a Lambda event describes it.
   *
   * @param method the HTTP method; empty or null when the event does not say
   * @param headers the headers (payload 2.0 lower-cases them, 1.0 keeps the client's case)
   * @param body the body as the event carries it, base64 when {@code base64Encoded}
   */
  public WebhookResponse invoke(
      String method, Map<String, String> headers, String body, boolean base64Encoded) {
    try {
      WebhookResponse response =
          endpoint.handle(
              WebhookRequest.encoded(method, secretHeader(headers), body, base64Encoded));
      try {
        afterUpdate.run();
      } catch (RuntimeException e) {
        // the update is answered; the effects stay in the outbox for the scheduled function
      }
      return response;
    } finally {
      metrics.flush();
    }
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
