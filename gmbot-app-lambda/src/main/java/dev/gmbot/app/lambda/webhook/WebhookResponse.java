package dev.gmbot.app.lambda.webhook;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the function answers: a status, a JSON body (a Bot API method call for Telegram to make, or
 * a short error object) and extra headers ({@code Retry-After}).
 */
public record WebhookResponse(int status, Optional<String> jsonBody, Map<String, String> headers) {
  public WebhookResponse {
    Objects.requireNonNull(jsonBody, "jsonBody");
    headers = Map.copyOf(headers);
  }

  static WebhookResponse ok() {
    return new WebhookResponse(200, Optional.empty(), Map.of());
  }

  static WebhookResponse okWith(String json) {
    return new WebhookResponse(200, Optional.of(json), Map.of());
  }

  static WebhookResponse error(int status, String code) {
    return new WebhookResponse(status, Optional.of("{\"error\":\"" + code + "\"}"), Map.of());
  }

  WebhookResponse withHeader(String name, String value) {
    java.util.HashMap<String, String> h = new java.util.HashMap<>(headers);
    h.put(name, value);
    return new WebhookResponse(status, jsonBody, h);
  }

  /** The response headers including {@code Content-Type} when there is a body. */
  public Map<String, String> allHeaders() {
    if (jsonBody.isEmpty()) {
      return headers;
    }
    java.util.HashMap<String, String> h = new java.util.HashMap<>(headers);
    h.put("Content-Type", "application/json");
    return Map.copyOf(h);
  }
}
