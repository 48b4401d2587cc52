package dev.gmbot.testkit.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A raw Bot API client over java.net.http for the simulator's tests. */
final class BotClient {
  record Resp(int status, String raw, Map<String, Object> body, HttpHeaders headers) {
    boolean ok() {
      return Boolean.TRUE.equals(body.get("ok"));
    }

    Object result() {
      return body.get("result");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> resultMap() {
      return (Map<String, Object>) body.get("result");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> resultList() {
      return (List<Map<String, Object>>) body.get("result");
    }

    String description() {
      return String.valueOf(body.get("description"));
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  BotClient(TelegramSimulator sim) {
    this(sim.baseUrl(), sim.token());
  }

  BotClient(String baseUrl, String token) {
    this.base = baseUrl + "/bot" + token + "/";
  }

  Resp call(String method, Map<String, ?> params) {
    return send(
        HttpRequest.newBuilder(URI.create(base + method))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(params))));
  }

  Resp call(String method) {
    return call(method, Map.of());
  }

  Resp form(String method, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + method))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Resp get(String method, String query) {
    return send(HttpRequest.newBuilder(URI.create(base + method + "?" + query)).GET());
  }

  Resp send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r =
          http.send(
              b.timeout(Duration.ofSeconds(70)).build(), HttpResponse.BodyHandlers.ofString());
      return new Resp(r.statusCode(), r.body(), Json.parseObject(r.body()), r.headers());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
