package dev.gmbot.port.in;

import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.MessageId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message (or an edit of one, {@code edited}) that is not a command.
 *
 * @param topic the forum topic the message is in (its {@code message_thread_id}, when Telegram
 *     marks it {@code is_topic_message}); empty outside forums and in the General topic
 */
public record MessagePosted(
    long updateId,
    Instant at,
    ChatRef chat,
    MessageId message,
    Sender sender,
    boolean edited,
    Optional<Long> topic)
    implements InboundEvent {
  public MessagePosted {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(topic, "topic");
  }

  /** A message outside any forum topic. */
  public MessagePosted(
      long updateId, Instant at, ChatRef chat, MessageId message, Sender sender, boolean edited) {
    this(updateId, at, chat, message, sender, edited, Optional.empty());
  }

  @Override
  public String updateType() {
    return edited ? "edited_message" : "message";
  }
}
