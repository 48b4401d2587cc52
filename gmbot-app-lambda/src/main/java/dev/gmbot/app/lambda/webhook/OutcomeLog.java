package dev.gmbot.app.lambda.webhook;

import dev.gmbot.adapter.telegram.webhook.UpdateObserver;
import dev.gmbot.adapter.telegram.webhook.UpdateOutcome;
import dev.gmbot.app.lambda.json.JsonLog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One JSON log line per webhook request for CloudWatch Logs: {@code update handled}, {@code update
 * malformed}, {@code update dropped}, … with the fields the server's handling line has too: {@code
 * updateId}, {@code updateType}, {@code chatId}, {@code outcome}, {@code status}, {@code
 * durationMs}, the number of {@code effects}, a {@code detail} and {@code retryAfterSeconds}. Ids
 * and names only: never the body, a message text or a secret. Failures are logged at WARN or ERROR.
 */
public final class OutcomeLog implements UpdateObserver {
  private final JsonLog log;

  public OutcomeLog(JsonLog log) {
    this.log = Objects.requireNonNull(log, "log");
  }

  @Override
  public void processed(UpdateOutcome outcome) {
    Map<String, Object> fields = new LinkedHashMap<>();
    outcome.updateId().ifPresent(id -> fields.put("updateId", id));
    fields.put("updateType", outcome.updateType());
    outcome.chatId().ifPresent(id -> fields.put("chatId", id));
    fields.put("outcome", outcome.kind().label());
    fields.put("status", outcome.kind().httpStatus());
    fields.put("durationMs", outcome.took().toMillis());
    outcome.result().ifPresent(r -> fields.put("effects", r.effects().size()));
    if (!outcome.detail().isEmpty()) {
      fields.put("detail", outcome.detail());
    }
    outcome.retryAfter().ifPresent(d -> fields.put("retryAfterSeconds", d.toSeconds()));
    String message = "update " + outcome.kind().label();
    switch (outcome.kind()) {
      case HANDLED, DUPLICATE, IGNORED -> log.info(message, fields);
      case FAILED, DROPPED, REJECTED -> log.error(message, fields, null);
      default -> log.warn(message, fields);
    }
  }

  @Override
  public void repliedInResponse(String method) {
    log.info("call replied in the webhook response", Map.of("method", method));
  }
}
