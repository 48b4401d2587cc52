package dev.gmbot.app.lambda.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gmbot.app.lambda.LambdaEvents;
import dev.gmbot.app.lambda.LambdaEvents.Answer;
import dev.gmbot.app.lambda.LambdaEvents.Kind;
import dev.gmbot.app.lambda.WebhookFunction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What AWS puts in front of the function, on loopback: an HTTPS Function URL / API Gateway stand-in
 * that turns each webhook POST of the simulator into Lambda event JSON (the files under {@code
 * events/}, rotating through payload 1.0 and 2.0, plain and base64 bodies), hands it through the
 * runtime's serializers to the handler (one invocation at a time, like one Lambda container) and
 * answers with the handler's status. A Bot API method in a 2xx response body is then made the way
 * Telegram makes it: posted to the Bot API (the simulator); a body without {@code method} is
 * ignored, as Telegram ignores it.
 */
final class FunctionUrlEmulator implements AutoCloseable {
  private static final Pattern UPDATE_ID = Pattern.compile("\"update_id\":(\\d+)");
  private static final Pattern METHOD = Pattern.compile("^\\{\"method\":\"([A-Za-z]+)\"");

  /**
   * One delivery: the update body as Telegram sent it, the event shape, the answer, and how long
   * the handler took to answer (the invocation, not the wait for the container).
   */
  record Delivery(String update, Kind kind, Answer answer, java.time.Duration took) {}

  private final HttpServer server;
  private final WebhookFunction function;
  private final Function<String, URI> methodUri;
  private final HttpClient client = HttpClient.newHttpClient();
  private final ReentrantLock container = new ReentrantLock();
  private final AtomicInteger rotation = new AtomicInteger();
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final List<String> replies = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();

  FunctionUrlEmulator(WebhookFunction function, Function<String, URI> methodUri)
      throws IOException {
    this.function = function;
    this.methodUri = methodUri;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::serve);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/telegram/webhook";
  }

  List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** Methods Telegram made from webhook responses. */
  List<String> replies() {
    return List.copyOf(replies);
  }

  /** Update ids answered with a 2xx (Telegram then forgets the update). */
  java.util.Set<Long> acknowledged() {
    java.util.Set<Long> ids = new java.util.HashSet<>();
    for (Delivery d : deliveries) {
      Matcher m = UPDATE_ID.matcher(d.update());
      if (d.answer().status() / 100 == 2 && m.find()) {
        ids.add(Long.parseLong(m.group(1)));
      }
    }
    return ids;
  }

  /** What the handler threw (a handler should never throw: it answers a status). */
  List<Throwable> failures() {
    return List.copyOf(failures);
  }

  boolean idle() {
    return inFlight.get() == 0;
  }

  /** Runs one event through the handler as one container would (serialised with deliveries). */
  Answer invoke(Kind kind, String eventJson) {
    return invoke(kind, eventJson, new long[1]);
  }

  /** Likewise; {@code took[0]} is set to the invocation's nanoseconds. */
  private Answer invoke(Kind kind, String eventJson, long[] took) {
    container.lock();
    try {
      long start = System.nanoTime();
      try {
        return LambdaEvents.invoke(kind, eventJson, function);
      } finally {
        took[0] = System.nanoTime() - start;
      }
    } finally {
      container.unlock();
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    inFlight.incrementAndGet();
    try (exchange) {
      String update;
      try (InputStream in = exchange.getRequestBody()) {
        update = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String secret = exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token");
      Kind kind = Kind.values()[Math.floorMod(rotation.getAndIncrement(), Kind.values().length)];
      String event = LambdaEvents.withSecret(LambdaEvents.withBody(kind, update), secret);
      Answer answer;
      long[] took = new long[1];
      try {
        answer = invoke(kind, event, took);
      } catch (RuntimeException | Error e) {
        // What Lambda does when a handler throws: the front answers 502.
        e.printStackTrace();
        failures.add(e);
        answer = new Answer(502, "", java.util.Map.of(), "");
      }
      deliveries.add(new Delivery(update, kind, answer, java.time.Duration.ofNanos(took[0])));
      if (answer.status() / 100 == 2
          && answer.body() != null
          && METHOD.matcher(answer.body()).find()) {
        makeRepliedCall(answer.body());
      }
      byte[] body =
          answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
      if (answer.headers() != null) {
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      }
      exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void makeRepliedCall(String body) {
    Matcher m = METHOD.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("a webhook response body without a method: " + body);
    }
    replies.add(m.group(1));
    try {
      client.send(
          HttpRequest.newBuilder(methodUri.apply(m.group(1)))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
