package dev.gmbot.adapter.postgres;

import static dev.gmbot.adapter.postgres.Sql.utc;

import dev.gmbot.port.model.Conversation;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.ConversationRepository;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link ConversationRepository} on the {@code menu_conversations} table (one row per person) and
 * the {@code menu_groups} table (the groups a person opened the menu from).
 */
public final class JdbiConversationRepository implements ConversationRepository {
  private final Jdbi jdbi;

  JdbiConversationRepository(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  @Override
  public void save(Conversation c) {
    Objects.requireNonNull(c, "conversation");
    Sql.txRun(
        jdbi,
        "save conversation",
        h ->
            Sql.upsert(
                () ->
                    h.createUpdate(
                            "UPDATE menu_conversations SET group_id = :group, subject = :subject,"
                                + " draft = :draft, expires_at = :expires WHERE user_id = :user")
                        .bind("user", c.user().value())
                        .bind("group", c.group().value())
                        .bind("subject", c.subject())
                        .bind("draft", Sql.nullableText(c.draft()))
                        .bind("expires", utc(c.expiresAt()))
                        .execute(),
                () ->
                    h.createUpdate(
                            "INSERT INTO menu_conversations"
                                + " (user_id, group_id, subject, draft, expires_at)"
                                + " VALUES (:user, :group, :subject, :draft, :expires)"
                                + " ON CONFLICT DO NOTHING")
                        .bind("user", c.user().value())
                        .bind("group", c.group().value())
                        .bind("subject", c.subject())
                        .bind("draft", Sql.nullableText(c.draft()))
                        .bind("expires", utc(c.expiresAt()))
                        .execute()));
  }

  @Override
  public Optional<Conversation> find(UserId user, Instant now) {
    return Sql.tx(
        jdbi,
        "find conversation",
        h ->
            h.createQuery(
                    "SELECT user_id, group_id, subject, draft, expires_at FROM menu_conversations"
                        + " WHERE user_id = :user AND expires_at > :now")
                .bind("user", user.value())
                .bind("now", utc(now))
                .map(
                    (rs, ctx) ->
                        new Conversation(
                            UserId.of(rs.getLong("user_id")),
                            GroupId.of(rs.getLong("group_id")),
                            rs.getString("subject"),
                            Sql.text(rs, "draft"),
                            Sql.instant(rs, "expires_at")))
                .findOne());
  }

  @Override
  public void end(UserId user) {
    Sql.txRun(
        jdbi,
        "end conversation",
        h ->
            h.createUpdate("DELETE FROM menu_conversations WHERE user_id = :user")
                .bind("user", user.value())
                .execute());
  }

  @Override
  public int purgeExpired(Instant now) {
    return Sql.tx(
        jdbi,
        "purge expired conversations",
        h ->
            h.createUpdate("DELETE FROM menu_conversations WHERE expires_at <= :now")
                .bind("now", utc(now))
                .execute());
  }

  @Override
  public void rememberGroup(UserId user, GroupId group, Instant at) {
    Sql.txRun(
        jdbi,
        "remember menu group",
        h ->
            Sql.upsert(
                () ->
                    h.createUpdate(
                            "UPDATE menu_groups SET opened_at = :at"
                                + " WHERE user_id = :user AND group_id = :group")
                        .bind("user", user.value())
                        .bind("group", group.value())
                        .bind("at", utc(at))
                        .execute(),
                () ->
                    h.createUpdate(
                            "INSERT INTO menu_groups (user_id, group_id, opened_at)"
                                + " VALUES (:user, :group, :at) ON CONFLICT DO NOTHING")
                        .bind("user", user.value())
                        .bind("group", group.value())
                        .bind("at", utc(at))
                        .execute()));
  }

  @Override
  public List<GroupId> rememberedGroups(UserId user) {
    return Sql.tx(
        jdbi,
        "remembered menu groups",
        h ->
            h.createQuery(
                    "SELECT group_id FROM menu_groups WHERE user_id = :user"
                        + " ORDER BY opened_at DESC, group_id")
                .bind("user", user.value())
                .map((rs, ctx) -> GroupId.of(rs.getLong("group_id")))
                .list());
  }

  @Override
  public void forgetGroup(UserId user, GroupId group) {
    Sql.txRun(
        jdbi,
        "forget menu group",
        h ->
            h.createUpdate("DELETE FROM menu_groups WHERE user_id = :user AND group_id = :group")
                .bind("user", user.value())
                .bind("group", group.value())
                .execute());
  }
}
