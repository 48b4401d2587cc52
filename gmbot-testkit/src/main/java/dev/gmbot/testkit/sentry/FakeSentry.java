package dev.gmbot.testkit.sentry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Sentry's ingestion API on loopback: accepts {@code POST /api/<project>/envelope/} (gzipped or
 * not), records each envelope and answers 200 with an id, as Sentry does. {@link #dsn()} is the DSN
 * that points an SDK at it. Thread-safe.
 */
public final class FakeSentry implements AutoCloseable {
  /** The project id of {@link #dsn()}. */
  public static final String PROJECT = "4242";

  private static final Pattern ENVELOPE = Pattern.compile("/api/([^/]+)/envelope/?");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final List<SentryEnvelope> envelopes = new CopyOnWriteArrayList<>();
  private final List<String> authHeaders = new CopyOnWriteArrayList<>();

  private FakeSentry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts one on a free loopback port. */
  public static FakeSentry start() {
    try {
      return new FakeSentry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://<key>@127.0.0.1:<port>/4242}. */
  public String dsn() {
    return "http://0123456789abcdef0123456789abcdef@127.0.0.1:"
        + server.getAddress().getPort()
        + "/"
        + PROJECT;
  }

  /** Every envelope received so far, in order. */
  public List<SentryEnvelope> envelopes() {
    return List.copyOf(envelopes);
  }

  /** The payloads of every {@code event} item received so far, parsed. */
  public List<Map<String, Object>> events() {
    return envelopes.stream()
        .flatMap(e -> e.items().stream())
        .filter(i -> i.type().equals("event"))
        .map(SentryEnvelope.Item::json)
        .toList();
  }

  /** The {@code X-Sentry-Auth} headers received. */
  public List<String> authHeaders() {
    return List.copyOf(authHeaders);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Matcher path = ENVELOPE.matcher(exchange.getRequestURI().getPath());
      if (!exchange.getRequestMethod().equals("POST") || !path.matches()) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = exchange.getRequestBody().readAllBytes();
      if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
          body = in.readAllBytes();
        }
      }
      String auth = exchange.getRequestHeaders().getFirst("X-Sentry-Auth");
      if (auth != null) {
        authHeaders.add(auth);
      }
      envelopes.add(SentryEnvelope.parse(path.group(1), body));
      byte[] answer =
          ("{\"id\":\"" + UUID.randomUUID().toString().replace("-", "") + "\"}")
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
