package dev.gmbot.app.lambda.webhook;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the Lambda event describes it, independent of the payload version: method,
 * headers (looked up case-insensitively; payload 2.0 lower-cases them, 1.0 keeps the client's case)
 * and the body as the event carries it (base64 when {@code base64Encoded}).
 */
public final class WebhookRequest {
  private final String method;
  private final Map<String, String> headers;
  private final String body;
  private final boolean base64Encoded;

  public WebhookRequest(
      String method, Map<String, String> headers, String body, boolean base64Encoded) {
    this.method = method == null ? "" : method;
    TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach(
          (k, v) -> {
            if (k != null && v != null) {
              copy.put(k, v);
            }
          });
    }
    this.headers = copy;
    this.body = body == null ? "" : body;
    this.base64Encoded = base64Encoded;
  }

  /** The HTTP method; empty when the event does not say (a direct test invocation). */
  public String method() {
    return method;
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(Objects.requireNonNull(name, "name")));
  }

  public String body() {
    return body;
  }

  public boolean base64Encoded() {
    return base64Encoded;
  }
}
