package dev.gmbot.app.server.http;

import dev.gmbot.adapter.telegram.TelegramWebhooks;
import dev.gmbot.app.server.config.ServerConfig;
import dev.gmbot.app.server.ingest.Outcome;
import dev.gmbot.app.server.ingest.UpdateIngestion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhook} (path {@code GMBOT_WEBHOOK_PATH}): Telegram's update deliveries.
 *
 * <ul>
 *   <li>The {@code X-Telegram-Bot-Api-Secret-Token} header must equal {@code WEBHOOK_SECRET}
 *       (compared in constant time); otherwise 401 and nothing is processed. Without a configured
 *       secret (long-polling mode) the endpoint answers 404.
 *   <li>Bodies over {@code GMBOT_MAX_BODY_BYTES} get 413 (Micronaut's request limit is set to the
 *       same value); undecodable ones 400.
 *   <li>The update is handled on a virtual thread with a deadline: 200 when its effects are done
 *       (or it was a duplicate, or nothing for the guard), 503 otherwise so Telegram redelivers.
 * </ul>
 */
@Controller
public final class WebhookController {
  static final String SECRET_HEADER = TelegramWebhooks.SECRET_HEADER;
  private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);

  private final UpdateIngestion ingestion;
  private final Optional<String> secret;
  private final int maxBodyBytes;

  public WebhookController(UpdateIngestion ingestion, ServerConfig config) {
    this.ingestion = ingestion;
    this.secret =
        config.mode() == ServerConfig.Mode.WEBHOOK ? config.webhookSecret() : Optional.empty();
    this.maxBodyBytes = config.maxBodyBytes();
  }

  @Post(
      uri = "${gmbot.webhook.path:/webhook}",
      consumes = MediaType.ALL,
      produces = MediaType.APPLICATION_JSON)
  public CompletableFuture<HttpResponse<String>> receive(
      @Nullable @Header(SECRET_HEADER) String token, @Nullable @Body byte[] body) {
    if (secret.isEmpty()) {
      return done(HttpStatus.NOT_FOUND, "webhook mode is off");
    }
    if (!TelegramWebhooks.secretMatches(secret.get(), token)) {
      LOG.warn(
          "Rejected a webhook request {}",
          token == null ? "without the secret token" : "with a wrong secret token");
      return done(HttpStatus.UNAUTHORIZED, "wrong secret token");
    }
    if (body == null || body.length == 0) {
      return done(HttpStatus.BAD_REQUEST, "empty body");
    }
    if (body.length > maxBodyBytes) {
      return done(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body too large");
    }
    return ingestion.submit(body).thenApply(outcome -> respond(outcome));
  }

  private static HttpResponse<String> respond(Outcome outcome) {
    String json =
        "{\"ok\":"
            + outcome.acknowledged()
            + ",\"outcome\":\""
            + outcome.kind().name().toLowerCase(java.util.Locale.ROOT)
            + "\"}";
    return HttpResponse.<String>status(HttpStatus.valueOf(outcome.kind().httpStatus()))
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .body(json);
  }

  private static CompletableFuture<HttpResponse<String>> done(HttpStatus status, String reason) {
    return CompletableFuture.completedFuture(
        HttpResponse.<String>status(status)
            .contentType(MediaType.APPLICATION_JSON_TYPE)
            .body("{\"ok\":false,\"error\":\"" + reason + "\"}"));
  }
}
