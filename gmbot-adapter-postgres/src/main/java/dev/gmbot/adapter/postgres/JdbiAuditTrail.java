package dev.gmbot.adapter.postgres;

import static dev.gmbot.adapter.postgres.Sql.utc;

import dev.gmbot.port.model.AuditEntry;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.AuditTrail;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/** {@link AuditTrail} on the append-only {@code audit_trail} table. */
public final class JdbiAuditTrail implements AuditTrail {
  private final Jdbi jdbi;

  JdbiAuditTrail(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  @Override
  public void record(AuditEntry entry) {
    Objects.requireNonNull(entry, "entry");
    Sql.txRun(
        jdbi,
        "record audit entry",
        h ->
            h.createUpdate(
                    "INSERT INTO audit_trail (group_id, user_id, action, detail, at)"
                        + " VALUES (:group, :user, :action, :detail, :at)")
                .bind("group", entry.group().value())
                .bind("user", Sql.nullableLong(entry.user().map(UserId::value)))
                .bind("action", entry.action().name())
                .bind("detail", entry.detail())
                .bind("at", utc(entry.at()))
                .execute());
  }

  @Override
  public List<AuditEntry> recent(GroupId group, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return Sql.tx(
        jdbi,
        "recent audit entries",
        h ->
            h.createQuery(
                    "SELECT group_id, user_id, action, detail, at FROM audit_trail"
                        + " WHERE group_id = :group ORDER BY at DESC, id DESC LIMIT :limit")
                .bind("group", group.value())
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new AuditEntry(
                            Sql.instant(rs, "at"),
                            GroupId.of(rs.getLong("group_id")),
                            Sql.longValue(rs, "user_id").map(UserId::of),
                            AuditEntry.Action.valueOf(rs.getString("action")),
                            rs.getString("detail")))
                .list());
  }
}
