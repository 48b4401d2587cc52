package dev.gmbot.adapter.telegram.webhook;

import dev.gmbot.port.in.HandlingResult;
import dev.gmbot.port.in.InboundEvent;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What became of one update (or one webhook request), and the HTTP status Telegram is answered
 * with: 2xx only when the update's effects are done, or when redelivering it could not help;
 * otherwise non-2xx, so Telegram delivers it again.
 *
 * @param kind what happened
 * @param updateId the update's id, when it was decoded
 * @param updateType the update type ({@code message}, {@code callback_query}, …), or {@code
 *     unknown}
 * @param chatId the chat the update is about (the group, the channel, a private chat), when it was
 *     decoded and names one
 * @param result the domain's result, when it ran to completion
 * @param detail a short reason for logs (an exception's class, a decoding problem), no personal
 *     data
 * @param retryAfter how long Telegram should wait before redelivering, when a 429 said so
 * @param took how long decoding and handling took (zero when not measured)
 */
public record UpdateOutcome(
    Kind kind,
    OptionalLong updateId,
    String updateType,
    OptionalLong chatId,
    Optional<HandlingResult> result,
    String detail,
    Optional<Duration> retryAfter,
    Duration took) {

  /** The update type of an outcome without a decoded update. */
  public static final String UNKNOWN_TYPE = "unknown";

  /** What happened, and the status Telegram's contract gives it. */
  public enum Kind {
    /** The guard handled it; its effects are done. */
    HANDLED(200),
    /** Already handled (same update_id). */
    DUPLICATE(200),
    /** Nothing for the guard (an update type or message it does not act on). */
    IGNORED(200),
    /**
     * Telegram refused a call of its handling for good: redelivering would fail the same way and,
     * since Telegram delivers one update per chat at a time, hold back the chat's later updates.
     * Acknowledged and logged.
     */
    REJECTED(200),
    /**
     * The update failed unexpectedly {@link UpdateProcessor#MAX_UNEXPECTED_FAILURES} times: it is
     * acknowledged and dropped, so that it cannot block its chat for 24 h.
     */
    DROPPED(200),
    /** Not a decodable update (or an empty body): redelivering would not help. */
    MALFORMED(400),
    /** The secret header is missing or wrong; nothing was processed. */
    UNAUTHORIZED(401),
    /** Not a POST. */
    WRONG_METHOD(405),
    /** The body is larger than the limit. */
    TOO_LARGE(413),
    /** Handling failed unexpectedly (a bug, a value the domain rejects): Telegram redelivers. */
    FAILED(500),
    /**
     * A dependency is down or rate-limits (storage, the Bot API, a 429), or the update is being
     * handled elsewhere: Telegram redelivers, after {@code Retry-After}.
     */
    UNAVAILABLE(503),
    /** Not done within the deadline: Telegram redelivers (the running attempt goes on). */
    TIMED_OUT(503),
    /** The deployable is stopping and takes no new updates. */
    SHUTTING_DOWN(503);

    private final int httpStatus;

    Kind(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }

    /** The kind as metrics and logs name it: {@code handled}, {@code too_large}, … */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public UpdateOutcome {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(updateId, "updateId");
    Objects.requireNonNull(updateType, "updateType");
    Objects.requireNonNull(chatId, "chatId");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(retryAfter, "retryAfter");
    Objects.requireNonNull(took, "took");
  }

  /** The domain handled the event (or found it a duplicate). */
  public static UpdateOutcome handled(InboundEvent event, HandlingResult result) {
    return new UpdateOutcome(
        result.duplicate() ? Kind.DUPLICATE : Kind.HANDLED,
        OptionalLong.of(event.updateId()),
        event.updateType(),
        EventChats.chatOf(event),
        Optional.of(result),
        "",
        Optional.empty(),
        Duration.ZERO);
  }

  /** Something happened to a decoded event. */
  public static UpdateOutcome of(Kind kind, InboundEvent event, String detail) {
    return new UpdateOutcome(
        kind,
        OptionalLong.of(event.updateId()),
        event.updateType(),
        EventChats.chatOf(event),
        Optional.empty(),
        detail,
        Optional.empty(),
        Duration.ZERO);
  }

  /** Something happened before (or without) a decoded event. */
  public static UpdateOutcome of(Kind kind, String detail) {
    return new UpdateOutcome(
        kind,
        OptionalLong.empty(),
        UNKNOWN_TYPE,
        OptionalLong.empty(),
        Optional.empty(),
        detail,
        Optional.empty(),
        Duration.ZERO);
  }

  /** The same outcome with Telegram's {@code retry_after}. */
  public UpdateOutcome withRetryAfter(Duration wait) {
    return new UpdateOutcome(
        kind, updateId, updateType, chatId, result, detail, Optional.of(wait), took);
  }

  /** The same outcome with its measured time. */
  public UpdateOutcome took(Duration time) {
    return new UpdateOutcome(kind, updateId, updateType, chatId, result, detail, retryAfter, time);
  }

  /** True when Telegram is answered 2xx and forgets the update. */
  public boolean acknowledged() {
    return kind.httpStatus() < 300;
  }
}
