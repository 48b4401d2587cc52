package dev.gmbot.domain.scheduling;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.out.ChatMigratedException;
import java.util.Objects;
import java.util.Optional;

/**
 * A basic group turned out to have become a supergroup while a call addressed it: Telegram answered
 * with the new id, and the call was sent again to {@link #to()}. A report, not an effect: the
 * scheduler changes nothing about the group; whoever made the call decides what follows.
 */
public record GroupMigration(GroupId from, GroupId to) {
  public GroupMigration {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.equals(to)) {
      throw new IllegalArgumentException("a migration moves a group to another id");
    }
  }

  /**
   * The migration Telegram reported, if a call may follow it: both ids must be group ids (a basic
   * group becomes a supergroup; anything else is not a migration the guard can act on).
   */
  public static Optional<GroupMigration> of(ChatMigratedException e) {
    long from = e.from().value();
    long to = e.migrateTo().value();
    return from < 0 && to < 0 && from != to
        ? Optional.of(new GroupMigration(GroupId.of(from), GroupId.of(to)))
        : Optional.empty();
  }
}
