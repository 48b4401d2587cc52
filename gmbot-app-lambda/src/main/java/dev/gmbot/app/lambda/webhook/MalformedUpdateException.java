package dev.gmbot.app.lambda.webhook;

/** The request body is not a Telegram Update. The message never contains the body. */
public final class MalformedUpdateException extends RuntimeException {
  public MalformedUpdateException(String message, Throwable cause) {
    super(message, cause);
  }
}
