package dev.gmbot.port.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A member an admin exempted from the checks in one group (/trust).
 *
 * @param label how to show them in the menu: their name or @username when known, else empty
 * @param by the admin who trusted them
 */
public record TrustedMember(GroupId group, UserId user, String label, UserId by, Instant at) {
  public TrustedMember {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(user, "user");
    label = label == null ? "" : label.strip();
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
  }
}
