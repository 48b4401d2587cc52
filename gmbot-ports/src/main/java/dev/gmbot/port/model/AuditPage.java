package dev.gmbot.port.model;

import java.util.List;

/**
 * One page of a group's audit trail, newest entries first.
 *
 * @param entries the entries of this page (at most {@code size})
 * @param page the page's number, 0 for the newest entries
 * @param size how many entries a page holds
 * @param total how many entries the group has in all
 */
public record AuditPage(List<AuditEntry> entries, int page, int size, long total) {
  public AuditPage {
    entries = List.copyOf(entries);
    if (page < 0) {
      throw new IllegalArgumentException("pages are numbered from 0, got " + page);
    }
    if (size < 1) {
      throw new IllegalArgumentException("a page holds at least one entry, got " + size);
    }
    if (entries.size() > size) {
      throw new IllegalArgumentException("a page holds at most " + size + " entries");
    }
    if (total < 0) {
      throw new IllegalArgumentException("a total is never negative");
    }
  }

  /** How many pages the group's entries fill (at least 1, an empty trail has one empty page). */
  public int pageCount() {
    return (int) Math.max(1, (total + size - 1) / size);
  }

  /** Whether newer entries come before this page. */
  public boolean hasNewer() {
    return page > 0;
  }

  /** Whether older entries come after this page. */
  public boolean hasOlder() {
    return (long) (page + 1) * size < total;
  }
}
