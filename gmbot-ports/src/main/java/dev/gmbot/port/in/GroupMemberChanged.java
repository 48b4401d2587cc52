package dev.gmbot.port.in;

import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.UserRef;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@code chat_member} update in a group: joins (left/kicked to member), leaves, restrictions and
 * administrator changes. {@code actor} is who made the change (the user themselves for a join).
 */
public record GroupMemberChanged(
    long updateId, Instant at, ChatRef group, UserRef actor, ChatMember before, ChatMember after)
    implements InboundEvent {
  public GroupMemberChanged {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  public UserRef user() {
    return after.user();
  }

  @Override
  public String updateType() {
    return "chat_member";
  }
}
