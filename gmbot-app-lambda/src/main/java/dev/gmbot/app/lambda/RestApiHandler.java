package dev.gmbot.app.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gmbot.adapter.telegram.webhook.WebhookResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Lambda entry point for an API Gateway REST API proxy integration, or an HTTP API with payload
 * format 1.0 (headers keep the client's case; {@code multiValueHeaders} carries them too). Handler
 * string: {@code dev.gmbot.app.lambda.RestApiHandler::handleRequest}.
 */
public final class RestApiHandler
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private final WebhookFunction function;

  /** Used by the Lambda runtime: the container's one graph, from the environment. */
  public RestApiHandler() {
    this(LambdaRuntime.function());
  }

  public RestApiHandler(WebhookFunction function) {
    this.function = Objects.requireNonNull(function, "function");
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(
      APIGatewayProxyRequestEvent event, Context context) {
    Map<String, String> headers = new HashMap<>();
    if (event.getMultiValueHeaders() != null) {
      event
          .getMultiValueHeaders()
          .forEach(
              (name, values) -> {
                if (values != null && !values.isEmpty()) {
                  headers.put(name, values.get(0));
                }
              });
    }
    if (event.getHeaders() != null) {
      headers.putAll(event.getHeaders());
    }
    boolean base64 = Boolean.TRUE.equals(event.getIsBase64Encoded());
    WebhookResponse response =
        function.invoke(
            event.getHttpMethod(),
            headers,
            event.getBody(),
            base64,
            WebhookFunction.remaining(context));
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(response.status())
        .withHeaders(response.headers())
        .withBody(response.body())
        .withIsBase64Encoded(false);
  }
}
