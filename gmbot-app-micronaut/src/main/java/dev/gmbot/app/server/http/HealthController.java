package dev.gmbot.app.server.http;

import dev.gmbot.app.server.health.HealthProbe;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code GET /health}: 200 when healthy or degraded, 503 when unhealthy (see {@link HealthProbe}).
 */
@Controller
public final class HealthController {
  private final HealthProbe probe;

  public HealthController(HealthProbe probe) {
    this.probe = probe;
  }

  @Get(uri = "/health", produces = MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<String> health() {
    HealthProbe.Report report = probe.report();
    return HttpResponse.<String>status(HttpStatus.valueOf(report.httpStatus()))
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .body(report.json());
  }
}
