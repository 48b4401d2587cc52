package dev.gmbot.app.server.ingest;

import dev.gmbot.port.in.HandlingResult;
import java.util.Optional;

/**
 * What became of one update, and the HTTP status the webhook answers with: 2xx only when the
 * update's effects are done or durably recorded (or it needs none), otherwise non-2xx so Telegram
 * redelivers it.
 *
 * @param kind what happened
 * @param updateType the update type, when known
 * @param result the domain's result when it ran
 * @param detail a short reason for logs (no personal data)
 * @param took how long decoding and handling took (zero when not measured)
 */
public record Outcome(
    Kind kind,
    String updateType,
    Optional<HandlingResult> result,
    String detail,
    java.time.Duration took) {

  /** What happened to the update. */
  public enum Kind {
    /** The guard handled it; its effects are done. */
    HANDLED(200),
    /** Already handled (same update_id). */
    DUPLICATE(200),
    /** Nothing for the guard (an update type or message it does not act on). */
    IGNORED(200),
    /** Not a decodable update: redelivering it would not help. */
    MALFORMED(400),
    /**
     * Telegram refused a call of its handling for good (not retryable): redelivering would fail the
     * same way and, since Telegram delivers one update per chat at a time, block the chat's queue.
     * Acknowledged and logged.
     */
    DROPPED(200),
    /** Handling failed (storage or Bot API down): Telegram should redeliver. */
    FAILED(503),
    /** Not done within the deadline: Telegram should redeliver (the running attempt goes on). */
    TIMED_OUT(503),
    /** The server is shutting down and takes no new updates. */
    REFUSED(503);

    private final int httpStatus;

    Kind(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  public static Outcome handled(String type, HandlingResult result) {
    return new Outcome(
        result.duplicate() ? Kind.DUPLICATE : Kind.HANDLED,
        type,
        Optional.of(result),
        "",
        java.time.Duration.ZERO);
  }

  public static Outcome of(Kind kind, String type, String detail) {
    return new Outcome(kind, type, Optional.empty(), detail, java.time.Duration.ZERO);
  }

  /** The same outcome with its measured time. */
  public Outcome took(java.time.Duration time) {
    return new Outcome(kind, updateType, result, detail, time);
  }

  public boolean acknowledged() {
    return kind.httpStatus() < 300;
  }
}
