package dev.gmbot.port.in;

import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.UserRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A {@code new_chat_members} service message: the fallback join signal (the authoritative one is
 * {@link GroupMemberChanged}; the domain makes sure the two never both act).
 */
public record MembersJoined(
    long updateId,
    Instant at,
    ChatRef group,
    MessageId message,
    UserRef addedBy,
    List<UserRef> members)
    implements InboundEvent {
  public MembersJoined {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(addedBy, "addedBy");
    members = List.copyOf(members);
  }

  @Override
  public String updateType() {
    return "message";
  }
}
