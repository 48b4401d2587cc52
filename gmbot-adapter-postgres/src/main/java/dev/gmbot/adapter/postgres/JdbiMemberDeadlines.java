package dev.gmbot.adapter.postgres;

import static dev.gmbot.adapter.postgres.Sql.utc;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MemberDeadline;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.MemberDeadlines;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link MemberDeadlines} on {@code member_deadlines}. A claim reads the due, unleased candidates,
 * then leases each with an update conditional on the lease it read (ADR 0017): of two instances
 * racing for a deadline exactly one update matches, on PostgreSQL and H2 alike.
 */
public final class JdbiMemberDeadlines implements MemberDeadlines {
  private final Jdbi jdbi;

  JdbiMemberDeadlines(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  @Override
  public void setIfAbsent(MemberDeadline d) {
    Sql.txRun(
        jdbi,
        "set member deadline",
        h ->
            h.createUpdate(
                    "INSERT INTO member_deadlines (group_id, user_id, kind, due_at) VALUES"
                        + " (:group, :user, :kind, :due) ON CONFLICT DO NOTHING")
                .bind("group", d.group().value())
                .bind("user", d.user().value())
                .bind("kind", d.kind().name())
                .bind("due", utc(d.due()))
                .execute());
  }

  @Override
  public void clear(GroupId group, UserId user, MemberDeadline.Kind kind) {
    Sql.txRun(
        jdbi,
        "clear member deadline",
        h ->
            h.createUpdate(
                    "DELETE FROM member_deadlines WHERE group_id = :group AND user_id = :user"
                        + " AND kind = :kind")
                .bind("group", group.value())
                .bind("user", user.value())
                .bind("kind", kind.name())
                .execute());
  }

  @Override
  public void clearAll(GroupId group, UserId user) {
    Sql.txRun(
        jdbi,
        "clear member deadlines",
        h ->
            h.createUpdate(
                    "DELETE FROM member_deadlines WHERE group_id = :group AND user_id = :user")
                .bind("group", group.value())
                .bind("user", user.value())
                .execute());
  }

  @Override
  public List<MemberDeadline> claim(
      MemberDeadline.Kind kind, Instant dueBy, Instant now, Duration lease, int limit) {
    record Candidate(MemberDeadline deadline, Optional<Instant> lease) {}
    List<Candidate> candidates =
        Sql.tx(
            jdbi,
            "find due member deadlines",
            h ->
                h.createQuery(
                        "SELECT group_id, user_id, kind, due_at, lease_until FROM member_deadlines"
                            + " WHERE kind = :kind AND due_at <= :dueBy AND (lease_until IS NULL"
                            + " OR lease_until <= :now) ORDER BY due_at LIMIT :limit")
                    .bind("kind", kind.name())
                    .bind("dueBy", utc(dueBy))
                    .bind("now", utc(now))
                    .bind("limit", Math.max(0, limit))
                    .map(
                        (rs, ctx) ->
                            new Candidate(
                                map(rs),
                                Optional.ofNullable(
                                        rs.getObject("lease_until", java.time.OffsetDateTime.class))
                                    .map(java.time.OffsetDateTime::toInstant)))
                    .list());
    Instant until = now.plus(lease);
    List<MemberDeadline> claimed = new ArrayList<>();
    for (Candidate c : candidates) {
      MemberDeadline d = c.deadline();
      int updated =
          Sql.tx(
              jdbi,
              "claim member deadline",
              h ->
                  h.createUpdate(
                          "UPDATE member_deadlines SET lease_until = :until WHERE group_id = :group"
                              + " AND user_id = :user AND kind = :kind AND "
                              + (c.lease().isPresent()
                                  ? "lease_until = :old"
                                  : "lease_until IS NULL"))
                      .bind("until", utc(until))
                      .bind("group", d.group().value())
                      .bind("user", d.user().value())
                      .bind("kind", d.kind().name())
                      .bind("old", utc(c.lease().orElse(now)))
                      .execute());
      if (updated == 1) {
        claimed.add(d);
      }
    }
    return claimed;
  }

  @Override
  public Optional<MemberDeadline> find(GroupId group, UserId user, MemberDeadline.Kind kind) {
    return Sql.tx(
        jdbi,
        "find member deadline",
        h ->
            h.createQuery(
                    "SELECT group_id, user_id, kind, due_at FROM member_deadlines WHERE group_id ="
                        + " :group AND user_id = :user AND kind = :kind")
                .bind("group", group.value())
                .bind("user", user.value())
                .bind("kind", kind.name())
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  @Override
  public int count(GroupId group, MemberDeadline.Kind kind) {
    return Sql.tx(
        jdbi,
        "count member deadlines",
        h ->
            h.createQuery(
                    "SELECT COUNT(*) FROM member_deadlines WHERE group_id = :group AND kind = :kind")
                .bind("group", group.value())
                .bind("kind", kind.name())
                .mapTo(Integer.class)
                .one());
  }

  private static MemberDeadline map(ResultSet rs) throws SQLException {
    return new MemberDeadline(
        GroupId.of(rs.getLong("group_id")),
        UserId.of(rs.getLong("user_id")),
        MemberDeadline.Kind.valueOf(rs.getString("kind")),
        Sql.instant(rs, "due_at"));
  }
}
