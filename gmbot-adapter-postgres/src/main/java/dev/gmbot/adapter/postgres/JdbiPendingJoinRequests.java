package dev.gmbot.adapter.postgres;

import static dev.gmbot.adapter.postgres.Sql.utc;

import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.PendingJoinRequest;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.PendingJoinRequests;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link PendingJoinRequests} on {@code pending_join_requests} (ADR 0023). A claim reads the
 * expired, unleased candidates, then leases each with an update conditional on the lease it read,
 * as the member deadlines do: of two instances racing for a request exactly one update matches, on
 * PostgreSQL and H2 alike.
 */
public final class JdbiPendingJoinRequests implements PendingJoinRequests {
  private static final String COLUMNS =
      "group_id, user_id, user_chat_id, language, requested_at, expires_at";

  private final Jdbi jdbi;

  JdbiPendingJoinRequests(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  @Override
  public void save(PendingJoinRequest r) {
    Sql.txRun(
        jdbi,
        "save join request",
        h ->
            Sql.upsert(
                () ->
                    h.createUpdate(
                            "UPDATE pending_join_requests SET user_chat_id = :chat, language ="
                                + " :language, requested_at = :requested, expires_at = :expires,"
                                + " lease_until = NULL WHERE group_id = :group AND user_id = :user")
                        .bind("chat", r.userChat().value())
                        .bind("language", r.language().tag())
                        .bind("requested", utc(r.requestedAt()))
                        .bind("expires", utc(r.expiresAt()))
                        .bind("group", r.group().value())
                        .bind("user", r.user().value())
                        .execute(),
                () ->
                    h.createUpdate(
                            "INSERT INTO pending_join_requests ("
                                + COLUMNS
                                + ") VALUES (:group, :user, :chat, :language, :requested,"
                                + " :expires) ON CONFLICT DO NOTHING")
                        .bind("group", r.group().value())
                        .bind("user", r.user().value())
                        .bind("chat", r.userChat().value())
                        .bind("language", r.language().tag())
                        .bind("requested", utc(r.requestedAt()))
                        .bind("expires", utc(r.expiresAt()))
                        .execute()));
  }

  @Override
  public boolean remove(GroupId group, UserId user) {
    return Sql.tx(
            jdbi,
            "remove join request",
            h ->
                h.createUpdate(
                        "DELETE FROM pending_join_requests WHERE group_id = :group AND user_id ="
                            + " :user")
                    .bind("group", group.value())
                    .bind("user", user.value())
                    .execute())
        > 0;
  }

  @Override
  public List<PendingJoinRequest> ofUser(UserId user, Collection<GroupId> groups) {
    if (groups.isEmpty()) {
      return List.of();
    }
    List<Long> ids = groups.stream().map(GroupId::value).distinct().toList();
    return Sql.tx(
        jdbi,
        "find join requests of user",
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM pending_join_requests WHERE user_id = :user AND group_id IN"
                        + " (<groups>) ORDER BY requested_at")
                .bind("user", user.value())
                .bindList("groups", ids)
                .map((rs, ctx) -> map(rs))
                .list());
  }

  @Override
  public List<PendingJoinRequest> claimExpired(Instant now, Duration lease, int limit) {
    record Candidate(PendingJoinRequest request, Optional<Instant> lease) {}
    List<Candidate> candidates =
        Sql.tx(
            jdbi,
            "find expired join requests",
            h ->
                h.createQuery(
                        "SELECT "
                            + COLUMNS
                            + ", lease_until FROM pending_join_requests WHERE expires_at <= :now"
                            + " AND (lease_until IS NULL OR lease_until <= :now)"
                            + " ORDER BY expires_at LIMIT :limit")
                    .bind("now", utc(now))
                    .bind("limit", Math.max(0, limit))
                    .map(
                        (rs, ctx) ->
                            new Candidate(
                                map(rs),
                                Optional.ofNullable(
                                        rs.getObject("lease_until", OffsetDateTime.class))
                                    .map(OffsetDateTime::toInstant)))
                    .list());
    Instant until = now.plus(lease);
    List<PendingJoinRequest> claimed = new ArrayList<>();
    for (Candidate c : candidates) {
      PendingJoinRequest r = c.request();
      int updated =
          Sql.tx(
              jdbi,
              "claim expired join request",
              h ->
                  h.createUpdate(
                          "UPDATE pending_join_requests SET lease_until = :until WHERE group_id ="
                              + " :group AND user_id = :user AND expires_at = :expires AND "
                              + (c.lease().isPresent()
                                  ? "lease_until = :old"
                                  : "lease_until IS NULL"))
                      .bind("until", utc(until))
                      .bind("group", r.group().value())
                      .bind("user", r.user().value())
                      .bind("expires", utc(r.expiresAt()))
                      .bind("old", utc(c.lease().orElse(now)))
                      .execute());
      if (updated == 1) {
        claimed.add(r);
      }
    }
    return claimed;
  }

  @Override
  public Optional<PendingJoinRequest> find(GroupId group, UserId user) {
    return Sql.tx(
        jdbi,
        "find join request",
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM pending_join_requests WHERE group_id = :group AND user_id ="
                        + " :user")
                .bind("group", group.value())
                .bind("user", user.value())
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  @Override
  public long count() {
    return Sql.tx(
        jdbi,
        "count join requests",
        h -> h.createQuery("SELECT COUNT(*) FROM pending_join_requests").mapTo(Long.class).one());
  }

  private static PendingJoinRequest map(ResultSet rs) throws SQLException {
    return new PendingJoinRequest(
        GroupId.of(rs.getLong("group_id")),
        UserId.of(rs.getLong("user_id")),
        ChatId.of(rs.getLong("user_chat_id")),
        Language.ofTag(rs.getString("language")).orElse(Language.DEFAULT),
        Sql.instant(rs, "requested_at"),
        Sql.instant(rs, "expires_at"));
  }
}
