package dev.gmbot.port.model;

/** A channel. Telegram gives channels negative ids (-100…). */
public record ChannelId(long value) {
  public ChannelId {
    if (value >= 0) {
      throw new IllegalArgumentException("a channel id is negative, got " + value);
    }
  }

  public static ChannelId of(long value) {
    return new ChannelId(value);
  }

  public ChatId chat() {
    return new ChatId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
