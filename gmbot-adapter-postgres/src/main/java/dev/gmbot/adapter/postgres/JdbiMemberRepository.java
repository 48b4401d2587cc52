package dev.gmbot.adapter.postgres;

import static dev.gmbot.adapter.postgres.Sql.utc;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupMember;
import dev.gmbot.port.model.MemberCounts;
import dev.gmbot.port.model.RestrictionState;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.MemberRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link MemberRepository} on {@code group_members}; every statement is keyed by the group. */
public final class JdbiMemberRepository implements MemberRepository {
  private static final String COLUMNS = "group_id, user_id, last_seen, restriction, changed_at";

  private final Jdbi jdbi;

  JdbiMemberRepository(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  @Override
  public Optional<GroupMember> find(GroupId group, UserId user) {
    return Sql.tx(
        jdbi,
        "find member",
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM group_members WHERE group_id = :group AND user_id = :user")
                .bind("group", group.value())
                .bind("user", user.value())
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  @Override
  public void recordActivity(GroupId group, UserId user, Instant at) {
    Sql.txRun(
        jdbi,
        "record activity",
        h ->
            Sql.upsert(
                () ->
                    h.createUpdate(
                            "UPDATE group_members SET last_seen = :at WHERE group_id = :group"
                                + " AND user_id = :user AND last_seen < :at")
                        .bind("at", utc(at))
                        .bind("group", group.value())
                        .bind("user", user.value())
                        .execute(),
                () ->
                    h.createUpdate(
                            "INSERT INTO group_members (group_id, user_id, last_seen, restriction,"
                                + " changed_at) VALUES (:group, :user, :at, 'FREE', :at)"
                                + " ON CONFLICT DO NOTHING")
                        .bind("group", group.value())
                        .bind("user", user.value())
                        .bind("at", utc(at))
                        .execute()));
  }

  @Override
  public void setRestriction(GroupId group, UserId user, RestrictionState state, Instant at) {
    Objects.requireNonNull(state, "state");
    Sql.txRun(
        jdbi,
        "set restriction",
        h ->
            Sql.upsert(
                () ->
                    h.createUpdate(
                            "UPDATE group_members SET restriction = :state, changed_at = :at"
                                + " WHERE group_id = :group AND user_id = :user")
                        .bind("state", state.name())
                        .bind("at", utc(at))
                        .bind("group", group.value())
                        .bind("user", user.value())
                        .execute(),
                () ->
                    h.createUpdate(
                            "INSERT INTO group_members (group_id, user_id, last_seen, restriction,"
                                + " changed_at) VALUES (:group, :user, :at, :state, :at)"
                                + " ON CONFLICT DO NOTHING")
                        .bind("group", group.value())
                        .bind("user", user.value())
                        .bind("at", utc(at))
                        .bind("state", state.name())
                        .execute()));
  }

  @Override
  public void remove(GroupId group, UserId user) {
    Sql.txRun(
        jdbi,
        "remove member",
        h ->
            h.createUpdate("DELETE FROM group_members WHERE group_id = :group AND user_id = :user")
                .bind("group", group.value())
                .bind("user", user.value())
                .execute());
  }

  @Override
  public List<GroupMember> findInGroups(UserId user, Collection<GroupId> groups) {
    List<Long> ids = groups.stream().map(GroupId::value).distinct().toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    return Sql.tx(
        jdbi,
        "find member in groups",
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM group_members WHERE user_id = :user AND group_id IN (<groups>)"
                        + " ORDER BY group_id")
                .bind("user", user.value())
                .bindList("groups", ids)
                .map((rs, ctx) -> map(rs))
                .list());
  }

  @Override
  public List<UserId> restricted(GroupId group, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return Sql.tx(
        jdbi,
        "restricted members",
        h ->
            h.createQuery(
                    "SELECT user_id FROM group_members WHERE group_id = :group"
                        + " AND restriction = 'RESTRICTED' ORDER BY changed_at, user_id"
                        + " LIMIT :limit")
                .bind("group", group.value())
                .bind("limit", limit)
                .map((rs, ctx) -> UserId.of(rs.getLong("user_id")))
                .list());
  }

  @Override
  public MemberCounts counts(GroupId group) {
    return Sql.tx(
        jdbi,
        "count members",
        h ->
            h.createQuery(
                    "SELECT COALESCE(SUM(CASE WHEN restriction = 'RESTRICTED' THEN 0 ELSE 1 END), 0)"
                        + " AS free_count, COALESCE(SUM(CASE WHEN restriction = 'RESTRICTED'"
                        + " THEN 1 ELSE 0 END), 0) AS restricted_count FROM group_members"
                        + " WHERE group_id = :group")
                .bind("group", group.value())
                .map(
                    (rs, ctx) ->
                        new MemberCounts(rs.getLong("free_count"), rs.getLong("restricted_count")))
                .one());
  }

  private static GroupMember map(ResultSet rs) throws SQLException {
    return new GroupMember(
        GroupId.of(rs.getLong("group_id")),
        UserId.of(rs.getLong("user_id")),
        Sql.instant(rs, "last_seen"),
        RestrictionState.valueOf(rs.getString("restriction")),
        Sql.instant(rs, "changed_at"));
  }
}
