package dev.gmbot.port.in;

import dev.gmbot.port.model.GroupId;
import java.time.Instant;
import java.util.Objects;

/** A basic group became a supergroup ({@code migrate_to_chat_id}). */
public record GroupMigrated(long updateId, Instant at, GroupId from, GroupId to)
    implements InboundEvent {
  public GroupMigrated {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  @Override
  public String updateType() {
    return "message";
  }
}
