package dev.gmbot.port.out;

import dev.gmbot.port.model.ChatId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** 429 Too Many Requests: nothing in this scope may be sent for {@link #retryAfter()}. */
public final class FloodWaitException extends BotApiException {
  private final Duration retryAfter;
  private final Optional<ChatId> chat;

  public FloodWaitException(String method, Optional<ChatId> chat, Duration retryAfter) {
    super(method, "too many requests, retry after " + retryAfter.toSeconds() + " s", null);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    this.chat = Objects.requireNonNull(chat, "chat");
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** The chat the call addressed, if any: the scope the pause may concern. */
  public Optional<ChatId> chat() {
    return chat;
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
