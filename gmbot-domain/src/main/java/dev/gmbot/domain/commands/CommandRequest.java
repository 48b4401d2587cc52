package dev.gmbot.domain.commands;

import dev.gmbot.port.in.CommandIssued;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.MessageId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A command as the policy needs it, whether it arrived as a chat message ({@link CommandIssued}:
 * replies quote it) or through a typed use case (no message to quote).
 */
record CommandRequest(ChatRef chat, Sender sender, List<String> args, Optional<MessageId> replyTo) {
  CommandRequest {
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(sender, "sender");
    args = List.copyOf(args);
    Objects.requireNonNull(replyTo, "replyTo");
  }

  static CommandRequest of(CommandIssued e) {
    return new CommandRequest(e.chat(), e.sender(), e.args(), Optional.of(e.message()));
  }
}
