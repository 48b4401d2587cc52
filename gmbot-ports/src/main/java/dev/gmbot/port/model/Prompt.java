package dev.gmbot.port.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A message the bot posted in a group asking the named users to subscribe and verify. One prompt
 * may name many users (raids are merged into one standing prompt per group).
 */
public record Prompt(
    GroupId group, MessageId message, Set<UserId> users, Instant postedAt, Instant expiresAt) {
  public Prompt {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(message, "message");
    users = Set.copyOf(users);
    Objects.requireNonNull(postedAt, "postedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (expiresAt.isBefore(postedAt)) {
      throw new IllegalArgumentException("a prompt cannot expire before it is posted");
    }
  }

  public boolean names(UserId user) {
    return users.contains(user);
  }
}
