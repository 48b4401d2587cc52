package dev.gmbot.port.in;

import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.UserRef;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A message starting with a {@code bot_command} entity. {@code name} is lower case without the
 * slash; {@code addressee} is the {@code @botname} suffix (without @) when present; {@code args}
 * are the whitespace-separated words after the command. {@code repliedTo} is the author of the
 * message the command replies to, when it replies to a user's message (/trust as a reply).
 */
public record CommandIssued(
    long updateId,
    Instant at,
    ChatRef chat,
    MessageId message,
    Sender sender,
    String name,
    Optional<String> addressee,
    List<String> args,
    Optional<UserRef> repliedTo)
    implements InboundEvent {
  public CommandIssued {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(sender, "sender");
    if (name == null || name.isBlank() || name.startsWith("/")) {
      throw new IllegalArgumentException("a command name has no slash: " + name);
    }
    name = name.toLowerCase(Locale.ROOT);
    Objects.requireNonNull(addressee, "addressee");
    args = List.copyOf(args);
    Objects.requireNonNull(repliedTo, "repliedTo");
  }

  /** A command that replies to no user's message. */
  public CommandIssued(
      long updateId,
      Instant at,
      ChatRef chat,
      MessageId message,
      Sender sender,
      String name,
      Optional<String> addressee,
      List<String> args) {
    this(updateId, at, chat, message, sender, name, addressee, args, Optional.empty());
  }

  @Override
  public String updateType() {
    return "message";
  }
}
