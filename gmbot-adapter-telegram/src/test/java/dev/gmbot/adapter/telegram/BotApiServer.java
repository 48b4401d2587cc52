package dev.gmbot.adapter.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A MockWebServer on loopback playing the Bot API, with helpers for its answers. */
final class BotApiServer implements AutoCloseable {
  static final String TOKEN = "123456789:AAH-secret_TOKEN-value0123456789ab";

  final MockWebServer server = new MockWebServer();

  BotApiServer() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  TelegramClientConfig config() {
    return TelegramClientConfig.of(TOKEN).withBaseUrl(URI.create(server.url("/").toString()));
  }

  TelegramClientConfig config(Duration timeouts) {
    return config().withTimeouts(timeouts);
  }

  void ok(String resultJson) {
    json(200, "{\"ok\":true,\"result\":" + resultJson + "}");
  }

  void json(int status, String body) {
    server.enqueue(
        new MockResponse.Builder()
            .code(status)
            .addHeader("Content-Type", "application/json")
            .body(body)
            .build());
  }

  /** The error fixture served as the Bot API server does: HTTP status = error_code. */
  void error(int status, String body, String retryAfterHeader) {
    MockResponse.Builder response =
        new MockResponse.Builder()
            .code(status)
            .addHeader("Content-Type", "application/json")
            .body(body);
    if (retryAfterHeader != null) {
      response.addHeader("Retry-After", retryAfterHeader);
    }
    server.enqueue(response.build());
  }

  /** The response takes a minute to start. */
  void slow() {
    server.enqueue(
        new MockResponse.Builder()
            .headersDelay(60, TimeUnit.SECONDS)
            .body("{\"ok\":true,\"result\":true}")
            .build());
  }

  RecordedRequest take() {
    try {
      RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
      if (request == null) {
        throw new AssertionError("no request arrived");
      }
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  int requestCount() {
    return server.getRequestCount();
  }

  @Override
  public void close() {
    server.close();
  }
}
