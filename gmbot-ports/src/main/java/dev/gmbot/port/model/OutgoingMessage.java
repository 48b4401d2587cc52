package dev.gmbot.port.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message the bot sends or edits: plain text (no parse mode: user names are never interpreted as
 * markup), an optional inline keyboard (rows of buttons) and an optional message to reply to.
 */
public record OutgoingMessage(
    String text, List<List<Button>> keyboard, Optional<MessageId> replyTo, boolean silent) {
  public OutgoingMessage {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("a message needs text");
    }
    if (text.length() > 4096) {
      throw new IllegalArgumentException("a message is at most 4096 characters");
    }
    keyboard = keyboard.stream().map(List::copyOf).toList();
    Objects.requireNonNull(replyTo, "replyTo");
  }

  public static OutgoingMessage text(String text) {
    return new OutgoingMessage(text, List.of(), Optional.empty(), false);
  }

  public OutgoingMessage withKeyboard(List<List<Button>> rows) {
    return new OutgoingMessage(text, rows, replyTo, silent);
  }

  public OutgoingMessage replyingTo(MessageId message) {
    return new OutgoingMessage(text, keyboard, Optional.of(message), silent);
  }

  public OutgoingMessage silently() {
    return new OutgoingMessage(text, keyboard, replyTo, true);
  }
}
