package dev.gmbot.domain.commands;

import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.protection.Decision.Reply;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.port.in.CommandIssued;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.UserRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A command as the commands need it, whether it arrived as a chat message ({@link CommandIssued}:
 * replies quote it) or through a typed use case (no message to quote), with the texts of the
 * language its replies are in (chosen by {@link CommandPolicy}).
 */
record CommandRequest(
    ChatRef chat,
    Sender sender,
    List<String> args,
    Optional<MessageId> replyTo,
    CommandTexts texts,
    Optional<UserRef> repliedTo) {
  CommandRequest {
    Objects.requireNonNull(repliedTo, "repliedTo");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(sender, "sender");
    args = List.copyOf(args);
    Objects.requireNonNull(replyTo, "replyTo");
    Objects.requireNonNull(texts, "texts");
  }

  /** A request that replies to no user's message. */
  CommandRequest(
      ChatRef chat,
      Sender sender,
      List<String> args,
      Optional<MessageId> replyTo,
      CommandTexts texts) {
    this(chat, sender, args, replyTo, texts, Optional.empty());
  }

  static CommandRequest of(CommandIssued e, CommandTexts texts) {
    return new CommandRequest(
        e.chat(), e.sender(), e.args(), Optional.of(e.message()), texts, e.repliedTo());
  }

  /** A request of a typed use case: no message to quote. */
  static CommandRequest typed(ChatRef group, Sender caller, List<String> args, CommandTexts texts) {
    return new CommandRequest(group, caller, args, Optional.empty(), texts);
  }

  /** The reply in the command's chat (P0), quoting the command's message when there is one. */
  Reply answer(String text) {
    OutgoingMessage message = OutgoingMessage.text(text);
    return new Reply(
        chat.id(), replyTo.map(message::replyingTo).orElse(message), Priority.P0_INTERACTIVE);
  }

  /** The reply with an inline keyboard under it. */
  Reply answer(String text, List<List<Button>> keyboard) {
    Reply plain = answer(text);
    return new Reply(plain.chat(), plain.message().withKeyboard(keyboard), plain.priority());
  }

  /** Only the reply. */
  List<Decision> reply(String text) {
    return List.of(answer(text));
  }
}
