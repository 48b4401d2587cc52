package dev.gmbot.port.model;

/** A Telegram user (or bot). Telegram gives users positive ids. */
public record UserId(long value) {
  public UserId {
    if (value <= 0) {
      throw new IllegalArgumentException("a user id is positive, got " + value);
    }
  }

  public static UserId of(long value) {
    return new UserId(value);
  }

  /** The private chat between the bot and this user. */
  public ChatId privateChat() {
    return new ChatId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
