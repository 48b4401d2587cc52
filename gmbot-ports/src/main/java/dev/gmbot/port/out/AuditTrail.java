package dev.gmbot.port.out;

import dev.gmbot.port.model.AuditEntry;
import dev.gmbot.port.model.GroupId;
import java.util.List;

/** An append-only record of enforcement actions. */
public interface AuditTrail {
  void record(AuditEntry entry);

  /** The group's newest entries first, at most {@code limit}. */
  List<AuditEntry> recent(GroupId group, int limit);
}
