package dev.gmbot.domain.commands;

import dev.gmbot.port.model.AuditEntry;
import dev.gmbot.port.model.MemberCounts;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What /stats reports: the counts of the group's recent audited actions, when the oldest of them
 * happened, and the members now.
 */
record Statistics(
    int actions,
    Optional<Instant> oldest,
    long restricted,
    long released,
    long messagesDeleted,
    long prompts,
    long joinsApproved,
    MemberCounts members) {
  Statistics {
    Objects.requireNonNull(oldest, "oldest");
    Objects.requireNonNull(members, "members");
  }

  /** Counts the entries (newest first, as the audit trail gives them). */
  static Statistics of(List<AuditEntry> recent, MemberCounts members) {
    Map<AuditEntry.Action, Long> counts = new EnumMap<>(AuditEntry.Action.class);
    recent.forEach(a -> counts.merge(a.action(), 1L, Long::sum));
    return new Statistics(
        recent.size(),
        recent.isEmpty() ? Optional.empty() : Optional.of(recent.get(recent.size() - 1).at()),
        counts.getOrDefault(AuditEntry.Action.RESTRICTED, 0L),
        counts.getOrDefault(AuditEntry.Action.RELEASED, 0L),
        counts.getOrDefault(AuditEntry.Action.MESSAGE_DELETED, 0L),
        counts.getOrDefault(AuditEntry.Action.PROMPTED, 0L),
        counts.getOrDefault(AuditEntry.Action.JOIN_APPROVED, 0L),
        members);
  }
}
