package dev.gmbot.app.lambda;

import dev.gmbot.app.lambda.metrics.EmfMetrics;
import dev.gmbot.app.lambda.webhook.WebhookEndpoint;
import dev.gmbot.app.lambda.webhook.WebhookRequest;
import dev.gmbot.app.lambda.webhook.WebhookResponse;
import java.util.Objects;

/**
 * What every handler does per invocation, whatever the event shape: run the endpoint, then write
 * the invocation's metrics (one EMF flush per invocation, before Lambda freezes the container).
 */
public final class WebhookFunction {
  private final WebhookEndpoint endpoint;
  private final EmfMetrics metrics;

  public WebhookFunction(WebhookEndpoint endpoint, EmfMetrics metrics) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  public WebhookResponse invoke(WebhookRequest request) {
    try {
      return endpoint.handle(request);
    } finally {
      metrics.flush();
    }
  }
}
