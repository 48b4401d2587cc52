package dev.gmbot.domain.scheduling;

import dev.gmbot.port.out.BotMethod;
import java.util.Objects;

/**
 * The scheduler dropped a call without running it (load shedding, shutdown or an interrupted
 * caller). Nothing was sent to Telegram for this call.
 */
public final class CallShedException extends RuntimeException {
  /** Why the call was dropped. */
  public enum Reason {
    /** The queue for this priority (or the whole queue) was full when the call arrived. */
    QUEUE_FULL,
    /** The call was queued, then displaced by a call of higher priority. */
    DISPLACED,
    /** The scheduler was closed. */
    SHUTDOWN,
    /** The caller was interrupted while it waited for its turn. */
    INTERRUPTED
  }

  private final BotMethod method;
  private final Priority priority;
  private final Reason reason;

  public CallShedException(BotMethod method, Priority priority, Reason reason) {
    super(method + " (" + priority + ") was not sent: " + reason, null, false, false);
    this.method = Objects.requireNonNull(method, "method");
    this.priority = Objects.requireNonNull(priority, "priority");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public BotMethod method() {
    return method;
  }

  public Priority priority() {
    return priority;
  }

  public Reason reason() {
    return reason;
  }
}
