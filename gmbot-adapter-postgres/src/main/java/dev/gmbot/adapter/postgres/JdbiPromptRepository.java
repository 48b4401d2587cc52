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
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@link PromptRepository} on {@code prompts} and {@code prompt_users}. */
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
                        + " WHERE group_id = :group AND expires_at > :now"
                        + " ORDER BY posted_at DESC, message_id DESC LIMIT 1")
                .bind("group", group.value())
                .bind("now", utc(now))
                .map((rs, ctx) -> head(rs))
                .findOne()
                .map(head -> withUsers(h, head)));
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
                        + " AND u.user_id = :user ORDER BY p.posted_at, p.message_id")
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
                        + " WHERE expires_at <= :now ORDER BY expires_at, group_id, message_id"
                        + " LIMIT :limit")
                .bind("now", utc(now))
                .bind("limit", limit)
                .map((rs, ctx) -> head(rs))
                .list()
                .stream()
                .map(head -> withUsers(h, head))
                .toList());
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
