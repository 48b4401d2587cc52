package dev.gmbot.port.model;

/** A group or supergroup. Telegram gives groups negative ids. */
public record GroupId(long value) {
  public GroupId {
    if (value >= 0) {
      throw new IllegalArgumentException("a group id is negative, got " + value);
    }
  }

  public static GroupId of(long value) {
    return new GroupId(value);
  }

  public ChatId chat() {
    return new ChatId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
