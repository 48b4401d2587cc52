package dev.gmbot.adapter.postgres;

import static dev.gmbot.adapter.postgres.Sql.utc;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.Prompt;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.PromptRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link PromptRepository} on {@code prompts} and {@code prompt_users}. A group's reservation is
 * its row with message id 0 (no Telegram message has it): its {@code posted_at} is the holder's
 * token, its {@code expires_at} the end of the holding, and the users who joined it are its {@code
 * prompt_users}. Posting renames the row to the real message, and the foreign key's {@code ON
 * UPDATE CASCADE} carries the joined users along in the same statement; a join racing with it finds
 * its parent gone and answers false.
 */
public final class JdbiPromptRepository implements PromptRepository {
  private record Head(GroupId group, MessageId message, Instant postedAt, Instant expiresAt) {}

  private static final String HEAD =
      "SELECT group_id, message_id, posted_at, expires_at FROM prompts";

  private final Jdbi jdbi;

  JdbiPromptRepository(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  @Override
  public void save(Prompt prompt) {
    Objects.requireNonNull(prompt, "prompt");
    long group = prompt.group().value();
    long message = prompt.message().value();
    Sql.txRun(
        jdbi,
        "save prompt",
        h -> {
          Sql.upsert(
              () ->
                  h.createUpdate(
                          "UPDATE prompts SET posted_at = :posted, expires_at = :expires"
                              + " WHERE group_id = :group AND message_id = :message")
                      .bind("posted", utc(prompt.postedAt()))
                      .bind("expires", utc(prompt.expiresAt()))
                      .bind("group", group)
                      .bind("message", message)
                      .execute(),
              () ->
                  h.createUpdate(
                          "INSERT INTO prompts (group_id, message_id, posted_at, expires_at)"
                              + " VALUES (:group, :message, :posted, :expires)"
                              + " ON CONFLICT DO NOTHING")
                      .bind("group", group)
                      .bind("message", message)
                      .bind("posted", utc(prompt.postedAt()))
                      .bind("expires", utc(prompt.expiresAt()))
                      .execute());
          h.createUpdate(
                  "DELETE FROM prompt_users WHERE group_id = :group AND message_id = :message")
              .bind("group", group)
              .bind("message", message)
              .execute();
          var batch =
              h.prepareBatch(
                  "INSERT INTO prompt_users (group_id, message_id, user_id)"
                      + " VALUES (:group, :message, :user)");
          for (UserId user : prompt.users()) {
            batch.bind("group", group).bind("message", message).bind("user", user.value()).add();
          }
          if (!prompt.users().isEmpty()) {
            batch.execute();
          }
        });
  }

  @Override
  public Optional<Prompt> find(GroupId group, MessageId message) {
    return Sql.tx(
        jdbi,
        "find prompt",
        h ->
            h.createQuery(HEAD + " WHERE group_id = :group AND message_id = :message")
                .bind("group", group.value())
                .bind("message", message.value())
                .map((rs, ctx) -> head(rs))
                .findOne()
                .map(head -> withUsers(h, head)));
  }

  @Override
  public Optional<Prompt> newestOpen(GroupId group, Instant now) {
    return Sql.tx(
        jdbi,
        "newest open prompt",
        h ->
            h.createQuery(
                    HEAD
                        + " WHERE group_id = :group AND message_id <> 0 AND expires_at > :now"
                        + " ORDER BY posted_at DESC, message_id DESC LIMIT 1")
                .bind("group", group.value())
                .bind("now", utc(now))
                .map((rs, ctx) -> head(rs))
                .findOne()
                .map(head -> withUsers(h, head)));
  }

  @Override
  public Optional<MessageId> newestOpenMessage(GroupId group, Instant now) {
    return Sql.tx(
        jdbi,
        "newest open prompt",
        h ->
            h.createQuery(
                    "SELECT message_id FROM prompts"
                        + " WHERE group_id = :group AND message_id <> 0 AND expires_at > :now"
                        + " ORDER BY posted_at DESC, message_id DESC LIMIT 1")
                .bind("group", group.value())
                .bind("now", utc(now))
                .mapTo(Long.class)
                .findOne()
                .map(MessageId::of));
  }

  @Override
  public boolean addUser(GroupId group, MessageId message, UserId user, Instant expiresAt) {
    try {
      return jdbi.inTransaction(
          h -> {
            int found =
                h.createUpdate(
                        "UPDATE prompts SET expires_at = :expires"
                            + " WHERE group_id = :group AND message_id = :message")
                    .bind("expires", utc(expiresAt))
                    .bind("group", group.value())
                    .bind("message", message.value())
                    .execute();
            if (found == 0) {
              return false;
            }
            h.createUpdate(
                    "INSERT INTO prompt_users (group_id, message_id, user_id)"
                        + " VALUES (:group, :message, :user) ON CONFLICT DO NOTHING")
                .bind("group", group.value())
                .bind("message", message.value())
                .bind("user", user.value())
                .execute();
            return true;
          });
    } catch (JdbiException e) {
      if (Sql.parentMissing(e)) {
        return false;
      }
      throw Sql.unavailable("add user to prompt", e);
    }
  }

  @Override
  public List<Prompt> naming(GroupId group, UserId user) {
    return Sql.tx(
        jdbi,
        "prompts naming user",
        h ->
            h
                .createQuery(
                    "SELECT p.group_id, p.message_id, p.posted_at, p.expires_at FROM prompts p"
                        + " JOIN prompt_users u ON u.group_id = p.group_id"
                        + " AND u.message_id = p.message_id WHERE u.group_id = :group"
                        + " AND u.user_id = :user AND p.message_id <> 0 ORDER BY p.posted_at, p.message_id")
                .bind("group", group.value())
                .bind("user", user.value())
                .map((rs, ctx) -> head(rs))
                .list()
                .stream()
                .map(head -> withUsers(h, head))
                .toList());
  }

  @Override
  public void delete(GroupId group, MessageId message) {
    Sql.txRun(
        jdbi,
        "delete prompt",
        h ->
            h.createUpdate("DELETE FROM prompts WHERE group_id = :group AND message_id = :message")
                .bind("group", group.value())
                .bind("message", message.value())
                .execute());
  }

  @Override
  public List<Prompt> expired(Instant now, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return Sql.tx(
        jdbi,
        "expired prompts",
        h ->
            h
                .createQuery(
                    HEAD
                        + " WHERE expires_at <= :now AND message_id <> 0 ORDER BY expires_at, group_id, message_id"
                        + " LIMIT :limit")
                .bind("now", utc(now))
                .bind("limit", limit)
                .map((rs, ctx) -> head(rs))
                .list()
                .stream()
                .map(head -> withUsers(h, head))
                .toList());
  }

  @Override
  public boolean reserve(GroupId group, Instant now, Instant until) {
    return Sql.tx(
        jdbi,
        "reserve prompt",
        h -> {
          int inserted =
              h.createUpdate(
                      "INSERT INTO prompts (group_id, message_id, posted_at, expires_at)"
                          + " VALUES (:group, 0, :now, :until) ON CONFLICT DO NOTHING")
                  .bind("group", group.value())
                  .bind("now", utc(token(now)))
                  .bind("until", utc(until))
                  .execute();
          return inserted > 0
              || h.createUpdate(
                          "UPDATE prompts SET posted_at = :now, expires_at = :until"
                              + " WHERE group_id = :group AND message_id = 0"
                              + " AND expires_at <= :now")
                      .bind("group", group.value())
                      .bind("now", utc(token(now)))
                      .bind("until", utc(until))
                      .execute()
                  > 0;
        });
  }

  @Override
  public boolean joinReservation(GroupId group, UserId user, Instant now) {
    try {
      return jdbi.inTransaction(
          h ->
              h.createUpdate(
                              "INSERT INTO prompt_users (group_id, message_id, user_id)"
                                  + " SELECT group_id, message_id, :user FROM prompts"
                                  + " WHERE group_id = :group AND message_id = 0"
                                  + " AND expires_at > :now ON CONFLICT DO NOTHING")
                          .bind("group", group.value())
                          .bind("user", user.value())
                          .bind("now", utc(now))
                          .execute()
                      > 0
                  || h.createQuery(
                              "SELECT COUNT(*) FROM prompt_users u JOIN prompts p"
                                  + " ON p.group_id = u.group_id AND p.message_id = u.message_id"
                                  + " WHERE u.group_id = :group AND u.message_id = 0"
                                  + " AND u.user_id = :user AND p.expires_at > :now")
                          .bind("group", group.value())
                          .bind("user", user.value())
                          .bind("now", utc(now))
                          .mapTo(Long.class)
                          .one()
                      > 0);
    } catch (JdbiException e) {
      if (Sql.parentMissing(e)) {
        return false;
      }
      throw Sql.unavailable("join prompt reservation", e);
    }
  }

  @Override
  public Prompt posted(GroupId reservedIn, Instant reservedAt, Prompt prompt) {
    Objects.requireNonNull(prompt, "prompt");
    int renamed =
        Sql.tx(
            jdbi,
            "post reserved prompt",
            h ->
                h.createUpdate(
                        "UPDATE prompts SET group_id = :to, message_id = :message,"
                            + " posted_at = :posted, expires_at = :expires"
                            + " WHERE group_id = :group AND message_id = 0 AND posted_at = :token")
                    .bind("to", prompt.group().value())
                    .bind("message", prompt.message().value())
                    .bind("posted", utc(prompt.postedAt()))
                    .bind("expires", utc(prompt.expiresAt()))
                    .bind("group", reservedIn.value())
                    .bind("token", utc(token(reservedAt)))
                    .execute());
    if (renamed == 0) {
      save(prompt);
      return prompt;
    }
    return Sql.tx(
        jdbi,
        "post reserved prompt",
        h -> {
          for (UserId user : prompt.users()) {
            h.createUpdate(
                    "INSERT INTO prompt_users (group_id, message_id, user_id)"
                        + " VALUES (:group, :message, :user) ON CONFLICT DO NOTHING")
                .bind("group", prompt.group().value())
                .bind("message", prompt.message().value())
                .bind("user", user.value())
                .execute();
          }
          Head head =
              new Head(prompt.group(), prompt.message(), prompt.postedAt(), prompt.expiresAt());
          return withUsers(h, head);
        });
  }

  @Override
  public void release(GroupId group, Instant reservedAt) {
    Sql.txRun(
        jdbi,
        "release prompt reservation",
        h ->
            h.createUpdate(
                    "UPDATE prompts SET expires_at = posted_at"
                        + " WHERE group_id = :group AND message_id = 0 AND posted_at = :token")
                .bind("group", group.value())
                .bind("token", utc(token(reservedAt)))
                .execute());
  }

  /** A holding's token as both databases store it (microseconds). */
  private static Instant token(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }

  private static Head head(ResultSet rs) throws SQLException {
    return new Head(
        GroupId.of(rs.getLong("group_id")),
        MessageId.of(rs.getLong("message_id")),
        Sql.instant(rs, "posted_at"),
        Sql.instant(rs, "expires_at"));
  }

  private static Prompt withUsers(Handle h, Head head) {
    Set<UserId> users =
        new HashSet<>(
            h.createQuery(
                    "SELECT user_id FROM prompt_users WHERE group_id = :group"
                        + " AND message_id = :message")
                .bind("group", head.group().value())
                .bind("message", head.message().value())
                .map((rs, ctx) -> UserId.of(rs.getLong("user_id")))
                .list());
    return new Prompt(head.group(), head.message(), users, head.postedAt(), head.expiresAt());
  }
}
