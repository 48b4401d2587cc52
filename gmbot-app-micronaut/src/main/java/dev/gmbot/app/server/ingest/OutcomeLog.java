package dev.gmbot.app.server.ingest;

import dev.gmbot.adapter.telegram.webhook.UpdateObserver;
import dev.gmbot.adapter.telegram.webhook.UpdateOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The handling line: one log line per update or webhook request, when its outcome is known, with
 * the fields the Lambda deployable writes too: {@code updateId}, {@code updateType}, {@code
 * chatId}, {@code outcome}, {@code status}, {@code durationMs}, the number of {@code effects}, a
 * {@code detail} (a reason, an exception's class) and {@code retryAfterSeconds}. Ids and names
 * only: never the body, a message text or a secret. An update that made the bot act is INFO;
 * routine ones (handled without an effect, such as a subscribed member's message, a duplicate, an
 * ignored update) DEBUG, which the server does not write: a busy group does not cost a line per
 * message, and {@code bot_updates_received_total} still counts every update. Failed, dropped and
 * rejected ones are ERROR; the rest WARN. Requests rejected before an update is read (wrong secret,
 * method, size, a malformed body) go through {@link RejectedRequests}: the first of each reason per
 * window is logged here, the rest are counted in its summary line.
 */
public final class OutcomeLog implements UpdateObserver {
  private static final Logger LOG = LoggerFactory.getLogger(OutcomeLog.class);

  private final RejectedRequests rejected;

  public OutcomeLog(RejectedRequests rejected) {
    this.rejected = rejected;
  }

  @Override
  public void processed(UpdateOutcome outcome) {
    if (RejectedRequests.REASONS.contains(outcome.kind()) && !rejected.admit(outcome.kind())) {
      return;
    }
    Level level =
        switch (outcome.kind()) {
          case HANDLED ->
              outcome.result().map(r -> !r.effects().isEmpty()).orElse(false)
                  ? Level.INFO
                  : Level.DEBUG;
          case DUPLICATE, IGNORED -> Level.DEBUG;
          case FAILED, DROPPED, REJECTED -> Level.ERROR;
          default -> Level.WARN;
        };
    if (!LOG.isEnabledForLevel(level)) {
      return;
    }
    LoggingEventBuilder line = LOG.atLevel(level).setMessage("update " + outcome.kind().label());
    outcome.updateId().ifPresent(id -> line.addKeyValue("updateId", id));
    line.addKeyValue("updateType", outcome.updateType());
    outcome.chatId().ifPresent(id -> line.addKeyValue("chatId", id));
    line.addKeyValue("outcome", outcome.kind().label());
    line.addKeyValue("status", outcome.kind().httpStatus());
    line.addKeyValue("durationMs", outcome.took().toMillis());
    outcome.result().ifPresent(r -> line.addKeyValue("effects", r.effects().size()));
    if (!outcome.detail().isEmpty()) {
      line.addKeyValue("detail", outcome.detail());
    }
    outcome.retryAfter().ifPresent(d -> line.addKeyValue("retryAfterSeconds", d.toSeconds()));
    line.log();
  }
}
