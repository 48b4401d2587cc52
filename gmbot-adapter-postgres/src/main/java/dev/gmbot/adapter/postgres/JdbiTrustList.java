package dev.gmbot.adapter.postgres;

import static dev.gmbot.adapter.postgres.Sql.utc;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.TrustedMember;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.TrustList;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/** {@link TrustList} on {@code trusted_members}; every statement is keyed by the group. */
public final class JdbiTrustList implements TrustList {
  private final Jdbi jdbi;

  JdbiTrustList(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  @Override
  public boolean isTrusted(GroupId group, UserId user) {
    return Sql.tx(
        jdbi,
        "find trusted member",
        h ->
            h.createQuery(
                        "SELECT COUNT(*) FROM trusted_members WHERE group_id = :group"
                            + " AND user_id = :user")
                    .bind("group", group.value())
                    .bind("user", user.value())
                    .mapTo(Long.class)
                    .one()
                > 0);
  }

  /** Every trusted user of the group (the hot path caches this set per group). */
  java.util.Set<UserId> trusted(GroupId group) {
    return Sql.tx(
        jdbi,
        "list trusted members",
        h ->
            h.createQuery("SELECT user_id FROM trusted_members WHERE group_id = :group")
                .bind("group", group.value())
                .map((rs, ctx) -> UserId.of(rs.getLong("user_id")))
                .collectIntoSet());
  }

  @Override
  public void trust(TrustedMember m) {
    Sql.txRun(
        jdbi,
        "trust member",
        h ->
            Sql.upsert(
                () ->
                    h.createUpdate(
                            "UPDATE trusted_members SET label = :label, trusted_by = :by,"
                                + " trusted_at = :at WHERE group_id = :group AND user_id = :user")
                        .bind("label", m.label())
                        .bind("by", m.by().value())
                        .bind("at", utc(m.at()))
                        .bind("group", m.group().value())
                        .bind("user", m.user().value())
                        .execute(),
                () ->
                    h.createUpdate(
                            "INSERT INTO trusted_members (group_id, user_id, label, trusted_by,"
                                + " trusted_at) VALUES (:group, :user, :label, :by, :at)"
                                + " ON CONFLICT DO NOTHING")
                        .bind("group", m.group().value())
                        .bind("user", m.user().value())
                        .bind("label", m.label())
                        .bind("by", m.by().value())
                        .bind("at", utc(m.at()))
                        .execute()));
  }

  @Override
  public boolean untrust(GroupId group, UserId user) {
    return Sql.tx(
        jdbi,
        "untrust member",
        h ->
            h.createUpdate(
                        "DELETE FROM trusted_members WHERE group_id = :group AND user_id = :user")
                    .bind("group", group.value())
                    .bind("user", user.value())
                    .execute()
                > 0);
  }

  @Override
  public List<TrustedMember> list(GroupId group, int limit) {
    return Sql.tx(
        jdbi,
        "list trusted members",
        h ->
            h.createQuery(
                    "SELECT group_id, user_id, label, trusted_by, trusted_at FROM trusted_members"
                        + " WHERE group_id = :group ORDER BY trusted_at, user_id LIMIT :limit")
                .bind("group", group.value())
                .bind("limit", Math.max(0, limit))
                .map((rs, ctx) -> map(rs))
                .list());
  }

  @Override
  public int count(GroupId group) {
    return Sql.tx(
        jdbi,
        "count trusted members",
        h ->
            h.createQuery("SELECT COUNT(*) FROM trusted_members WHERE group_id = :group")
                .bind("group", group.value())
                .mapTo(Integer.class)
                .one());
  }

  private static TrustedMember map(ResultSet rs) throws SQLException {
    return new TrustedMember(
        GroupId.of(rs.getLong("group_id")),
        UserId.of(rs.getLong("user_id")),
        rs.getString("label"),
        UserId.of(rs.getLong("trusted_by")),
        Sql.instant(rs, "trusted_at"));
  }
}
