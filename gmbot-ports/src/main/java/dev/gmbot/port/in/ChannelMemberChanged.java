package dev.gmbot.port.in;

import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.ChatRef;
import java.time.Instant;
import java.util.Objects;

/** A {@code chat_member} update in a channel: someone subscribed, left or was removed. */
public record ChannelMemberChanged(
    long updateId, Instant at, ChatRef channel, ChatMember before, ChatMember after)
    implements InboundEvent {
  public ChannelMemberChanged {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  @Override
  public String updateType() {
    return "chat_member";
  }
}
