package dev.gmbot.port.model;

import java.time.Instant;
import java.util.Objects;

/** A member GMBot knows in a protected group: last activity and restriction state. */
public record GroupMember(
    GroupId group, UserId user, Instant lastSeen, RestrictionState restriction, Instant changedAt) {
  public GroupMember {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(restriction, "restriction");
    Objects.requireNonNull(changedAt, "changedAt");
  }

  public boolean isRestricted() {
    return restriction == RestrictionState.RESTRICTED;
  }
}
