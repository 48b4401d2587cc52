package dev.gmbot.port.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message the bot sends or edits: plain text (no parse mode: user names are never interpreted as
 * markup), an optional inline keyboard (rows of buttons), an optional message to reply to, and in a
 * forum the topic to send it in ({@code message_thread_id}; empty: the General topic, or no forum).
 * An edit keeps the message where it is: the topic counts only when it is sent.
 */
public record OutgoingMessage(
    String text,
    List<List<Button>> keyboard,
    Optional<MessageId> replyTo,
    boolean silent,
    Optional<Long> topic) {
  public OutgoingMessage {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("a message needs text");
    }
    if (text.length() > 4096) {
      throw new IllegalArgumentException("a message is at most 4096 characters");
    }
    keyboard = keyboard.stream().map(List::copyOf).toList();
    Objects.requireNonNull(replyTo, "replyTo");
    Objects.requireNonNull(topic, "topic");
    if (topic.isPresent() && topic.get() < 1) {
      throw new IllegalArgumentException("a topic's message_thread_id is positive");
    }
  }

  /** A message outside any forum topic. */
  public OutgoingMessage(
      String text, List<List<Button>> keyboard, Optional<MessageId> replyTo, boolean silent) {
    this(text, keyboard, replyTo, silent, Optional.empty());
  }

  public static OutgoingMessage text(String text) {
    return new OutgoingMessage(text, List.of(), Optional.empty(), false);
  }

  public OutgoingMessage withKeyboard(List<List<Button>> rows) {
    return new OutgoingMessage(text, rows, replyTo, silent, topic);
  }

  public OutgoingMessage replyingTo(MessageId message) {
    return new OutgoingMessage(text, keyboard, Optional.of(message), silent, topic);
  }

  public OutgoingMessage silently() {
    return new OutgoingMessage(text, keyboard, replyTo, true, topic);
  }

  /** The message sent in a forum topic (empty: General). */
  public OutgoingMessage inTopic(Optional<Long> topic) {
    return new OutgoingMessage(text, keyboard, replyTo, silent, topic);
  }
}
