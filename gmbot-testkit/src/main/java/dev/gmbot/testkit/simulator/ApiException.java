package dev.gmbot.testkit.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Bot API error as the real server writes it: HTTP status = error_code. */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int code;
  final transient Map<String, Object> parameters;
  final transient Map<String, String> headers;

  ApiException(int code, String description) {
    this(code, description, Map.of(), Map.of());
  }

  ApiException(
      int code, String description, Map<String, Object> parameters, Map<String, String> headers) {
    super(description, null, false, false);
    this.code = code;
    this.parameters = parameters;
    this.headers = headers;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, "Bad Request: " + message);
  }

  static ApiException forbidden(String message) {
    return new ApiException(403, "Forbidden: " + message);
  }

  static ApiException conflict(String message) {
    return new ApiException(409, "Conflict: " + message);
  }

  static ApiException tooManyRequests(long retryAfter) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("retry_after", retryAfter);
    return new ApiException(
        429,
        "Too Many Requests: retry after " + retryAfter,
        params,
        Map.of("Retry-After", Long.toString(retryAfter)));
  }

  static ApiException migrated(long newChatId) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("migrate_to_chat_id", newChatId);
    return new ApiException(
        400, "Bad Request: group chat was upgraded to a supergroup chat", params, Map.of());
  }

  String description() {
    return getMessage();
  }

  Map<String, Object> body() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", false);
    m.put("error_code", code);
    m.put("description", getMessage());
    if (!parameters.isEmpty()) {
      m.put("parameters", parameters);
    }
    return m;
  }
}
