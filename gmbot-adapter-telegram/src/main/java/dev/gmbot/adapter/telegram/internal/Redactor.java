package dev.gmbot.adapter.telegram.internal;

import java.io.IOException;

/**
 * Removes the bot token from text and from exceptions. OkHttp puts request URLs (and so the token,
 * which is part of the path) into some exception messages; nothing leaves the client unredacted.
 */
public final class Redactor {
  public static final String MASK = "<token>";

  private final String token;

  public Redactor(String token) {
    this.token = token;
  }

  public String redact(String text) {
    if (text == null || token.isEmpty()) {
      return text;
    }
    return text.replace(token, MASK);
  }

  /**
   * A copy of {@code failure} (and its causes) with redacted messages and the original stack
   * traces. The copy's type is {@link RedactedException}; its message starts with the original
   * class name.
   */
  public RedactedException redact(Throwable failure) {
    Throwable cause = failure.getCause();
    RedactedException copy =
        new RedactedException(
            failure.getClass().getName() + ": " + redact(failure.getMessage()),
            cause == null || cause == failure ? null : redact(cause));
    copy.setStackTrace(failure.getStackTrace());
    return copy;
  }

  /** An I/O failure whose message was cleaned of the token. */
  public static final class RedactedException extends IOException {
    RedactedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
