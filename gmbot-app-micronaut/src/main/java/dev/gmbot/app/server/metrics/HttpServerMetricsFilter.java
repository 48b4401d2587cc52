package dev.gmbot.app.server.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code http_server_requests_seconds{method,uri,status,outcome}}: every request the HTTP server
 * answers, timed from the first filter to the response. {@code uri} is the matched route, {@code
 * webhook} for the webhook route (its path may be a secret of the deployer's) and {@code UNMATCHED}
 * for anything else, so the label values stay few.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class HttpServerMetricsFilter {
  private static final String STARTED = HttpServerMetricsFilter.class.getName() + ".started";

  private final PrometheusMeterRegistry registry;
  private final String webhookPath;
  private final Map<RequestKind, Timer> timers = new ConcurrentHashMap<>();

  public HttpServerMetricsFilter(
      PrometheusMeterRegistry registry, @Value("${gmbot.webhook.path:/webhook}") String path) {
    this.registry = registry;
    this.webhookPath = path;
  }

  @RequestFilter
  public void started(HttpRequest<?> request) {
    request.setAttribute(STARTED, System.nanoTime());
  }

  @ResponseFilter
  public void answered(HttpRequest<?> request, MutableHttpResponse<?> response) {
    long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
    int status = response.code();
    RequestKind kind = new RequestKind(request.getMethodName(), uri(request), status);
    Timer timer = timers.get(kind);
    if (timer == null) {
      timer = timers.computeIfAbsent(kind, this::timer);
    }
    timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
  }

  /** The tags of one request's timer: looked up, not registered, per request. */
  private record RequestKind(String method, String uri, int status) {}

  private Timer timer(RequestKind kind) {
    return Timer.builder("http.server.requests")
        .description("HTTP requests the server answered")
        .tag("method", kind.method())
        .tag("uri", kind.uri())
        .tag("status", Integer.toString(kind.status()))
        .tag("outcome", outcome(kind.status()))
        .register(registry);
  }

  private String uri(HttpRequest<?> request) {
    return BasicHttpAttributes.getUriTemplate(request)
        .map(template -> template.equals(webhookPath) ? "webhook" : template)
        .orElse("UNMATCHED");
  }

  static String outcome(int status) {
    return switch (status / 100) {
      case 1 -> "INFORMATIONAL";
      case 2 -> "SUCCESS";
      case 3 -> "REDIRECTION";
      case 4 -> "CLIENT_ERROR";
      case 5 -> "SERVER_ERROR";
      default -> "UNKNOWN";
    };
  }
}
