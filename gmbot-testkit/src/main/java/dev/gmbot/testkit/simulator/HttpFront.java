package dev.gmbot.testkit.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The loopback HTTP server answering {@code /bot<token>/<method>}. */
final class HttpFront implements AutoCloseable {
  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle + delayed ACK
    // cost ~3x throughput on loopback. Read once when the JDK server first loads its config.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final TelegramSimulator sim;

  HttpFront(TelegramSimulator sim, int port) throws IOException {
    this.sim = sim;
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      if (!path.startsWith("/bot") || path.indexOf('/', 4) < 0) {
        respond(ex, 404, Json.write(error(404, "Not Found")), Map.of());
        return;
      }
      int slash = path.indexOf('/', 4);
      String token = URLDecoder.decode(path.substring(4, slash), StandardCharsets.UTF_8);
      String rawMethod = path.substring(slash + 1);
      Map<String, Object> values = new LinkedHashMap<>();
      parseForm(ex.getRequestURI().getRawQuery(), values);
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      String contentType =
          Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
      if (body.length > 0 && MultipartForm.isMultipart(contentType)) {
        try {
          MultipartForm.parse(contentType, body, values);
        } catch (IllegalArgumentException e) {
          respond(ex, 400, Json.write(error(400, "Bad Request: " + e.getMessage())), Map.of());
          return;
        }
      } else if (body.length > 0) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (contentType.startsWith("application/json")) {
          try {
            values.putAll(Json.parseObject(text));
          } catch (Json.JsonException e) {
            respond(
                ex, 400, Json.write(error(400, "Bad Request: can't parse JSON object")), Map.of());
            return;
          }
        } else {
          parseForm(text, values);
        }
      }
      Params params = new Params(values);
      if (!token.equals(sim.token())) {
        respond(ex, 401, Json.write(error(401, "Unauthorized")), Map.of());
        return;
      }
      Optional<String> method = BotApi.canonical(rawMethod);
      String name = method.orElse(rawMethod);
      Duration delay = sim.config().latency().next(name);
      if (!delay.isZero() && !delay.isNegative()) {
        try {
          Thread.sleep(delay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      Instant time = sim.config().clock().instant();
      Optional<Faults.Fault> fault = sim.faults().next(name, params.string("chat_id"));
      if (fault.isPresent()) {
        int status = fault.get().status();
        if (status == 0) {
          sim.calls().add(call(time, name, params, 0, false, "connection dropped", ""));
          throw new DropConnection(); // the server closes the connection without an answer
        }
        String b = Json.write(error(status, statusText(status)));
        sim.calls().add(call(time, name, params, status, false, statusText(status), b));
        respond(ex, status, b, Map.of());
        return;
      }
      int status;
      String responseBody;
      Map<String, String> headers = Map.of();
      boolean ok;
      String description = "";
      try {
        Optional<Faults.Storm> storm = sim.faults().storm(name, time);
        if (storm.isPresent()) {
          throw ApiException.tooManyRequests(storm.get().retryAfterSeconds());
        }
        if (method.isEmpty()) {
          throw new ApiException(404, "Not Found: method not found");
        }
        Object result = sim.execute(name, params);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", true);
        if (result instanceof BotApi.Described d) {
          m.put("result", d.result());
          m.put("description", d.description());
        } else {
          m.put("result", result);
        }
        responseBody = Json.write(m);
        status = 200;
        ok = true;
      } catch (ApiException e) {
        status = e.code;
        responseBody = Json.write(e.body());
        headers = e.headers;
        ok = false;
        description = e.description();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      sim.calls().add(call(time, name, params, status, ok, description, responseBody));
      respond(ex, status, responseBody, headers);
    } catch (DropConnection e) {
      throw e;
    } catch (RuntimeException e) {
      respond(
          ex,
          500,
          Json.write(error(500, "Internal Server Error: " + e.getClass().getSimpleName())),
          Map.of());
    }
  }

  /** Makes the JDK server close the connection without writing a response. */
  private static final class DropConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DropConnection() {
      super("dropped by fault injection", null, false, false);
    }
  }

  private static String statusText(int status) {
    return switch (status) {
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Error " + status;
    };
  }

  private static ApiCall call(
      Instant time,
      String method,
      Params p,
      int status,
      boolean ok,
      String description,
      String body) {
    return new ApiCall(
        time,
        method,
        p.longValue("chat_id"),
        p.longValue("user_id"),
        p.asMap(),
        status,
        ok,
        description,
        body);
  }

  private static Map<String, Object> error(int code, String description) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", false);
    m.put("error_code", code);
    m.put("description", description);
    return m;
  }

  private static void parseForm(String raw, Map<String, Object> into) {
    if (raw == null || raw.isEmpty()) {
      return;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      into.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
  }

  private static void respond(HttpExchange ex, int status, String body, Map<String, String> headers)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
