package dev.gmbot.adapter.postgres;

import static dev.gmbot.adapter.postgres.Sql.utc;

import dev.gmbot.port.model.AuditEntry;
import dev.gmbot.port.model.AuditPage;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.AuditTrail;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
                .map((rs, ctx) -> entry(rs))
                .list());
  }

  /** Newest first on idx_audit_group_at (group_id, at, id), read backwards. */
  @Override
  public AuditPage page(GroupId group, int page, int size) {
    if (page < 0 || size < 1) {
      throw new IllegalArgumentException("page " + page + " of size " + size);
    }
    return Sql.tx(
        jdbi,
        "audit page",
        h -> {
          long total =
              h.createQuery("SELECT COUNT(*) FROM audit_trail WHERE group_id = :group")
                  .bind("group", group.value())
                  .mapTo(Long.class)
                  .one();
          List<AuditEntry> entries =
              h.createQuery(
                      "SELECT group_id, user_id, action, detail, at FROM audit_trail"
                          + " WHERE group_id = :group ORDER BY at DESC, id DESC"
                          + " LIMIT :size OFFSET :offset")
                  .bind("group", group.value())
                  .bind("size", size)
                  .bind("offset", (long) page * size)
                  .map((rs, ctx) -> entry(rs))
                  .list();
          return new AuditPage(entries, page, size, total);
        });
  }

  /** Across groups by age, on idx_audit_at. */
  @Override
  public int purgeBefore(Instant cutoff) {
    return Sql.tx(
        jdbi,
        "purge audit entries",
        h ->
            h.createUpdate("DELETE FROM audit_trail WHERE at < :cutoff")
                .bind("cutoff", utc(cutoff))
                .execute());
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    return new AuditEntry(
        Sql.instant(rs, "at"),
        GroupId.of(rs.getLong("group_id")),
        Sql.longValue(rs, "user_id").map(UserId::of),
        AuditEntry.Action.valueOf(rs.getString("action")),
        rs.getString("detail"));
  }
}
