package dev.gmbot.port.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Something due about one member of a group at a time, stored so that it survives restarts and is
 * carried out by whichever instance looks first (ADR 0017).
 *
 * @param due when it is due: the removal of an unverified member, or the release of a held joiner
 */
public record MemberDeadline(GroupId group, UserId user, Kind kind, Instant due) {
  public enum Kind {
    /** Remove the member from the group if still unverified (mute, then remove). */
    REMOVE,
    /** A joiner held because checks fail: re-check them until this time, then release them. */
    HOLD
  }

  public MemberDeadline {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(due, "due");
  }
}
