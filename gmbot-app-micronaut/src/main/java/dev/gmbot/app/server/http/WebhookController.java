package dev.gmbot.app.server.http;

import dev.gmbot.adapter.telegram.TelegramWebhooks;
import dev.gmbot.adapter.telegram.webhook.WebhookEndpoint;
import dev.gmbot.adapter.telegram.webhook.WebhookRequest;
import dev.gmbot.adapter.telegram.webhook.WebhookResponse;
import dev.gmbot.app.server.ingest.UpdateIngestion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /webhook} (path {@code GMBOT_WEBHOOK_PATH}): Telegram's update deliveries, handed to
 * the Telegram adapter's {@link WebhookEndpoint} (secret, checks, handling, status) on a virtual
 * thread with a deadline ({@link UpdateIngestion}). This class only translates HTTP: in polling
 * mode the endpoint answers 404. Micronaut's request limit is {@code GMBOT_MAX_BODY_BYTES} too, so
 * a larger body gets 413 before it is read.
 */
@Controller
public final class WebhookController {
  static final String SECRET_HEADER = TelegramWebhooks.SECRET_HEADER;

  private final UpdateIngestion ingestion;

  public WebhookController(UpdateIngestion ingestion) {
    this.ingestion = ingestion;
  }

  @Post(
      uri = "${gmbot.webhook.path:/webhook}",
      consumes = MediaType.ALL,
      produces = MediaType.APPLICATION_JSON)
  public CompletableFuture<HttpResponse<String>> receive(
      @Nullable @Header(SECRET_HEADER) String token, @Nullable @Body byte[] body) {
    if (!ingestion.takesWebhooks()) {
      return CompletableFuture.completedFuture(
          HttpResponse.<String>status(HttpStatus.NOT_FOUND)
              .contentType(MediaType.APPLICATION_JSON_TYPE)
              .body("{\"ok\":false,\"error\":\"webhook mode is off\"}"));
    }
    return ingestion
        .submit(WebhookRequest.of("POST", Optional.ofNullable(token), body))
        .thenApply(WebhookController::toHttp);
  }

  private static HttpResponse<String> toHttp(WebhookResponse response) {
    MutableHttpResponse<String> http = HttpResponse.status(HttpStatus.valueOf(response.status()));
    response.headers().forEach(http::header);
    return response.body().isEmpty() ? http : http.body(response.body());
  }
}
