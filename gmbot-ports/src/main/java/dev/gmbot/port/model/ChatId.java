package dev.gmbot.port.model;

/**
 * Any Telegram chat: a private chat with a user (positive id), a basic group (negative id) or a
 * supergroup or channel (id below -1000000000000).
 */
public record ChatId(long value) {
  public ChatId {
    if (value == 0) {
      throw new IllegalArgumentException("a chat id is never 0");
    }
  }

  public static ChatId of(long value) {
    return new ChatId(value);
  }

  /** True for the private chat with a user; such chats have the user's (positive) id. */
  public boolean isPrivate() {
    return value > 0;
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
