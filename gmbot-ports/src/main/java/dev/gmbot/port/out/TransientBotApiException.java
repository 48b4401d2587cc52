package dev.gmbot.port.out;

import java.util.OptionalInt;

/** Timeout, connection failure or a 5xx: nothing is known about the outcome; try again. */
public final class TransientBotApiException extends BotApiException {
  private final OptionalInt httpStatus;

  public TransientBotApiException(
      String method, String reason, OptionalInt httpStatus, Throwable cause) {
    super(method, reason, cause);
    this.httpStatus = httpStatus;
  }

  public OptionalInt httpStatus() {
    return httpStatus;
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
