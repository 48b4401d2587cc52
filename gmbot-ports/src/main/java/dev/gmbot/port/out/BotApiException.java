package dev.gmbot.port.out;

import java.util.Objects;

/**
 * A Bot API call failed. The subclasses tell the caller what it may do next; {@link #method()}
 * names the Bot API method. Messages never contain the bot token.
 */
public abstract sealed class BotApiException extends RuntimeException
    permits TransientBotApiException,
        FloodWaitException,
        ChatMigratedException,
        ChatAccessException,
        BotApiRejectedException {
  private final String method;

  protected BotApiException(String method, String message, Throwable cause) {
    super(method + ": " + message, cause);
    this.method = Objects.requireNonNull(method, "method");
  }

  public String method() {
    return method;
  }

  /** True when the same call may succeed if simply tried again (after waiting, for a 429). */
  public boolean isRetryable() {
    return false;
  }
}
