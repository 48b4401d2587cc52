package dev.gmbot.app.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.gmbot.adapter.telegram.webhook.WebhookResponse;
import java.util.Objects;

/**
 * The Lambda entry point for a Function URL or an API Gateway HTTP API with payload format 2.0
 * (headers arrive lower-cased; binary or compressed bodies arrive base64-encoded). Handler string:
 * {@code dev.gmbot.app.lambda.FunctionUrlHandler::handleRequest}.
 *
 * <p>The Dagger graph is built once per container, when Lambda creates this handler during the init
 * phase; every invocation reuses it.
 */
public final class FunctionUrlHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final WebhookFunction function;

  /** Used by the Lambda runtime: the container's one graph, from the environment. */
  public FunctionUrlHandler() {
    this(LambdaRuntime.function());
  }

  public FunctionUrlHandler(WebhookFunction function) {
    this.function = Objects.requireNonNull(function, "function");
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String method =
        event.getRequestContext() != null && event.getRequestContext().getHttp() != null
            ? event.getRequestContext().getHttp().getMethod()
            : "";
    WebhookResponse response =
        function.invoke(
            method,
            event.getHeaders(),
            event.getBody(),
            event.getIsBase64Encoded(),
            WebhookFunction.remaining(context));
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(response.status())
        .withHeaders(response.headers())
        .withBody(response.body())
        .withIsBase64Encoded(false)
        .build();
  }
}
