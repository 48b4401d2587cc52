package dev.gmbot.port.in;

import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.UserRef;
import java.time.Instant;
import java.util.Objects;

/** A {@code my_chat_member} update: the bot's own status or rights changed in a chat. */
public record BotMemberChanged(
    long updateId, Instant at, ChatRef chat, UserRef actor, ChatMember before, ChatMember after)
    implements InboundEvent {
  public BotMemberChanged {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  @Override
  public String updateType() {
    return "my_chat_member";
  }
}
