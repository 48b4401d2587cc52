package dev.gmbot.port.out;

import dev.gmbot.port.model.AuditEntry;
import dev.gmbot.port.model.AuditPage;
import dev.gmbot.port.model.GroupId;
import java.time.Instant;
import java.util.List;

/**
 * An append-only record of enforcement actions, kept for a retention period: entries older than it
 * are purged by a periodic clean-up ({@link #purgeBefore}). Entries of the same instant keep the
 * order they were recorded in.
 */
public interface AuditTrail {
  void record(AuditEntry entry);

  /** The group's newest entries first, at most {@code limit}. */
  List<AuditEntry> recent(GroupId group, int limit);

  /**
   * One page of the group's entries, newest first: page 0 holds the newest {@code size} entries,
   * page 1 the next {@code size}, and so on; a page past the end is empty (its total still counts).
   *
   * @throws IllegalArgumentException when {@code page} is negative or {@code size} below 1
   */
  AuditPage page(GroupId group, int page, int size);

  /**
   * Deletes every entry (of every group) recorded before {@code cutoff}.
   *
   * @return how many entries were deleted
   */
  int purgeBefore(Instant cutoff);
}
