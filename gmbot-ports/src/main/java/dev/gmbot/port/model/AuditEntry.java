package dev.gmbot.port.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One enforcement action, kept for owners and operators: who, where, what and why. */
public record AuditEntry(
    Instant at, GroupId group, Optional<UserId> user, Action action, String detail) {
  public enum Action {
    RESTRICTED,
    RELEASED,
    MESSAGE_DELETED,
    PROMPTED,
    PROTECTED,
    UNPROTECTED,
    PAUSED,
    RESUMED,
    JOIN_APPROVED,
    MIGRATED,
    // ---- enforcement policy (issue 16) ----
    REMOVED,
    HELD,
    TRUSTED,
    UNTRUSTED,
    // ---- the join-request gate (ADR 0023) ----
    JOIN_DECLINED
  }

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(action, "action");
    detail = detail == null ? "" : detail;
  }
}
