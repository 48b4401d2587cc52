package dev.gmbot.port.model;

/** A message, unique within its chat. */
public record MessageId(long value) {
  public MessageId {
    if (value <= 0) {
      throw new IllegalArgumentException("a message id is positive, got " + value);
    }
  }

  public static MessageId of(long value) {
    return new MessageId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
