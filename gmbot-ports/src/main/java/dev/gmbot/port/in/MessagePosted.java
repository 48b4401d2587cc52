package dev.gmbot.port.in;

import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.MessageId;
import java.time.Instant;
import java.util.Objects;

/** A message (or an edit of one, {@code edited}) that is not a command. */
public record MessagePosted(
    long updateId, Instant at, ChatRef chat, MessageId message, Sender sender, boolean edited)
    implements InboundEvent {
  public MessagePosted {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(sender, "sender");
  }

  @Override
  public String updateType() {
    return edited ? "edited_message" : "message";
  }
}
