package dev.gmbot.domain.scheduling;

import dev.gmbot.port.out.BotApiException;
import dev.gmbot.port.out.BotMethod;
import dev.gmbot.port.out.TransientBotApiException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A call made with {@link BotCallScheduler#deliverNow} could not run at once: it would have waited
 * for a message meter, a 429 pause or a retry's backoff (ADR 0014). The caller records the effect
 * to run later instead of waiting. Not a {@link BotApiException}: the port's failure handlers do
 * not see it.
 *
 * <p>When an attempt was made and failed in a way that is retried ({@link #failure()}), the failure
 * is attached; {@link #uncertain()} tells whether that attempt may have taken effect anyway.
 */
public final class CallDeferredException extends RuntimeException {
  private final BotMethod method;
  private final Priority priority;
  private final Instant retryAt;
  private final BotApiException failure;

  public CallDeferredException(
      BotMethod method, Priority priority, Instant retryAt, BotApiException failure) {
    super(method + " (" + priority + ") must wait until " + retryAt, failure, false, false);
    this.method = Objects.requireNonNull(method, "method");
    this.priority = Objects.requireNonNull(priority, "priority");
    this.retryAt = Objects.requireNonNull(retryAt, "retryAt");
    this.failure = failure;
  }

  public BotMethod method() {
    return method;
  }

  public Priority priority() {
    return priority;
  }

  /** The earliest instant worth trying again. */
  public Instant retryAt() {
    return retryAt;
  }

  /** The failed attempt, when one was made (a 429, a timeout, a 5xx). */
  public Optional<BotApiException> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * A message call whose attempt timed out without an HTTP answer: Telegram may have posted it, so
   * it must not be posted again blindly (ADR 0010's open problem; ADR 0015).
   */
  public boolean uncertain() {
    return method.isMessage()
        && failure instanceof TransientBotApiException t
        && t.httpStatus().isEmpty();
  }
}
