package dev.gmbot.adapter.postgres;

import static dev.gmbot.adapter.postgres.Sql.utc;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.GroupRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@link GroupRepository} on {@code protected_groups}, {@code group_channel_links} and friends. */
public final class JdbiGroupRepository implements GroupRepository {
  private static final String GROUP_COLUMNS =
      "group_id, group_title, owner_id, enabled, params, pause_kind, pause_channel_id,"
          + " pause_detail, updated_at";

  private final Jdbi jdbi;

  JdbiGroupRepository(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  @Override
  public Optional<ProtectedGroup> find(GroupId group) {
    return Sql.tx(jdbi, "find group", h -> load(h, group));
  }

  @Override
  public ProtectedGroup protect(
      GroupId group, String title, Owner owner, List<EnforcedChannel> channels, Instant now) {
    Objects.requireNonNull(owner, "owner");
    Map<ChannelId, EnforcedChannel> distinct = new LinkedHashMap<>();
    channels.forEach(c -> distinct.put(c.id(), c));
    String groupTitle = title == null ? "" : title;
    return Sql.tx(
        jdbi,
        "protect group",
        h -> {
          JdbiOwnerRepository.merge(h, owner, now);
          // Rows are locked in one global order (owner, channels by id, group) so that concurrent
          // /protect commands sharing channels cannot deadlock.
          distinct.values().stream()
              .sorted(Comparator.comparingLong(c -> c.id().value()))
              .forEach(c -> JdbiChannelRepository.save(h, c, now));
          Sql.upsert(
              () ->
                  h.createUpdate(
                          "UPDATE protected_groups SET group_title = :title, owner_id = :owner,"
                              + " enabled = TRUE, pause_kind = NULL, pause_channel_id = NULL,"
                              + " pause_detail = NULL, updated_at = :now WHERE group_id = :group")
                      .bind("title", groupTitle)
                      .bind("owner", owner.id().value())
                      .bind("now", utc(now))
                      .bind("group", group.value())
                      .execute(),
              () ->
                  h.createUpdate(
                          "INSERT INTO protected_groups (group_id, owner_id, group_title, enabled,"
                              + " params, created_at, updated_at) VALUES (:group, :owner, :title,"
                              + " TRUE, :params, :now, :now) ON CONFLICT DO NOTHING")
                      .bind("group", group.value())
                      .bind("owner", owner.id().value())
                      .bind("title", groupTitle)
                      .bind("params", SettingsJson.write(GroupSettings.DEFAULTS))
                      .bind("now", utc(now))
                      .execute());
          for (ChannelId channel : distinct.keySet()) {
            h.createUpdate(
                    "INSERT INTO group_channel_links (group_id, channel_id, created_at)"
                        + " VALUES (:group, :channel, :now) ON CONFLICT DO NOTHING")
                .bind("group", group.value())
                .bind("channel", channel.value())
                .bind("now", utc(now))
                .execute();
          }
          return load(h, group).orElseThrow();
        });
  }

  @Override
  public Optional<ProtectedGroup> unlink(GroupId group, Set<ChannelId> channels, Instant now) {
    List<Long> ids = channels.stream().map(ChannelId::value).toList();
    return Sql.tx(
        jdbi,
        "unlink channels",
        h -> {
          if (!lock(h, group)) {
            return Optional.empty();
          }
          if (!ids.isEmpty()) {
            h.createUpdate(
                    "DELETE FROM group_channel_links WHERE group_id = :group"
                        + " AND channel_id IN (<channels>)")
                .bind("group", group.value())
                .bindList("channels", ids)
                .execute();
          }
          h.createUpdate(
                  "UPDATE protected_groups SET enabled = CASE WHEN EXISTS (SELECT 1 FROM"
                      + " group_channel_links l WHERE l.group_id = :group) THEN enabled ELSE FALSE"
                      + " END, updated_at = :now WHERE group_id = :group")
              .bind("group", group.value())
              .bind("now", utc(now))
              .execute();
          return load(h, group);
        });
  }

  @Override
  public Optional<ProtectedGroup> disable(GroupId group, Instant now) {
    return Sql.tx(
        jdbi,
        "disable group",
        h -> {
          if (!lock(h, group)) {
            return Optional.empty();
          }
          h.createUpdate("DELETE FROM group_channel_links WHERE group_id = :group")
              .bind("group", group.value())
              .execute();
          h.createUpdate(
                  "UPDATE protected_groups SET enabled = FALSE, updated_at = :now"
                      + " WHERE group_id = :group")
              .bind("group", group.value())
              .bind("now", utc(now))
              .execute();
          return load(h, group);
        });
  }

  @Override
  public void pause(GroupId group, PauseReason reason, Instant now) {
    Objects.requireNonNull(reason, "reason");
    Sql.txRun(
        jdbi,
        "pause group",
        h ->
            h.createUpdate(
                    "UPDATE protected_groups SET pause_kind = :kind, pause_channel_id = :channel,"
                        + " pause_detail = :detail, updated_at = :now WHERE group_id = :group")
                .bind("kind", reason.kind().name())
                .bind("channel", Sql.nullableLong(reason.channel().map(ChannelId::value)))
                .bind("detail", reason.detail())
                .bind("now", utc(now))
                .bind("group", group.value())
                .execute());
  }

  @Override
  public void resume(GroupId group, Instant now) {
    Sql.txRun(
        jdbi,
        "resume group",
        h ->
            h.createUpdate(
                    "UPDATE protected_groups SET pause_kind = NULL, pause_channel_id = NULL,"
                        + " pause_detail = NULL, updated_at = :now WHERE group_id = :group")
                .bind("now", utc(now))
                .bind("group", group.value())
                .execute());
  }

  @Override
  public void updateSettings(GroupId group, GroupSettings settings, Instant now) {
    String params = SettingsJson.write(Objects.requireNonNull(settings, "settings"));
    Sql.txRun(
        jdbi,
        "update settings",
        h ->
            h.createUpdate(
                    "UPDATE protected_groups SET params = :params, updated_at = :now"
                        + " WHERE group_id = :group")
                .bind("params", params)
                .bind("now", utc(now))
                .bind("group", group.value())
                .execute());
  }

  @Override
  public List<GroupId> linkedTo(ChannelId channel) {
    return Sql.tx(
        jdbi,
        "groups linked to channel",
        h ->
            h.createQuery(
                    "SELECT g.group_id FROM group_channel_links l JOIN protected_groups g"
                        + " ON g.group_id = l.group_id WHERE l.channel_id = :channel"
                        + " AND g.enabled = TRUE ORDER BY g.group_id")
                .bind("channel", channel.value())
                .map((rs, ctx) -> GroupId.of(rs.getLong("group_id")))
                .list());
  }

  @Override
  public List<ProtectedGroup> ownedBy(UserId owner) {
    return Sql.tx(
        jdbi,
        "groups of owner",
        h ->
            h
                .createQuery(
                    "SELECT group_id FROM protected_groups WHERE owner_id = :owner"
                        + " ORDER BY group_id")
                .bind("owner", owner.value())
                .map((rs, ctx) -> GroupId.of(rs.getLong("group_id")))
                .list()
                .stream()
                .map(g -> load(h, g).orElseThrow())
                .toList());
  }

  @Override
  public void migrate(GroupId from, GroupId to, Instant now) {
    if (from.equals(to)) {
      return;
    }
    Sql.txRun(
        jdbi,
        "migrate group",
        h -> {
          if (!lock(h, from)) {
            return;
          }
          long f = from.value();
          long t = to.value();
          h.createUpdate("DELETE FROM protected_groups WHERE group_id = :to")
              .bind("to", t)
              .execute();
          h.createUpdate(
                  "INSERT INTO protected_groups (group_id, owner_id, group_title, enabled, params,"
                      + " pause_kind, pause_channel_id, pause_detail, created_at, updated_at)"
                      + " SELECT :to, owner_id, group_title, enabled, params, pause_kind,"
                      + " pause_channel_id, pause_detail, created_at, :now FROM protected_groups"
                      + " WHERE group_id = :from")
              .bind("to", t)
              .bind("from", f)
              .bind("now", utc(now))
              .execute();
          h.createUpdate("UPDATE group_channel_links SET group_id = :to WHERE group_id = :from")
              .bind("to", t)
              .bind("from", f)
              .execute();
          h.createUpdate("DELETE FROM protected_groups WHERE group_id = :from")
              .bind("from", f)
              .execute();
          h.createUpdate(
                  "DELETE FROM group_members WHERE group_id = :to AND user_id IN"
                      + " (SELECT user_id FROM group_members WHERE group_id = :from)")
              .bind("to", t)
              .bind("from", f)
              .execute();
          h.createUpdate("UPDATE group_members SET group_id = :to WHERE group_id = :from")
              .bind("to", t)
              .bind("from", f)
              .execute();
          h.createUpdate(
                  "DELETE FROM prompts WHERE group_id = :to AND message_id IN"
                      + " (SELECT message_id FROM prompts WHERE group_id = :from)")
              .bind("to", t)
              .bind("from", f)
              .execute();
          // prompt_users follows through ON UPDATE CASCADE.
          h.createUpdate("UPDATE prompts SET group_id = :to WHERE group_id = :from")
              .bind("to", t)
              .bind("from", f)
              .execute();
          // Trust list and member deadlines (V60) and held join requests (V70) move with the
          // group (a request Telegram dropped meanwhile is forgotten by its decline).
          for (String table :
              List.of("trusted_members", "member_deadlines", "pending_join_requests")) {
            h.createUpdate(
                    "DELETE FROM "
                        + table
                        + " WHERE group_id = :to AND user_id IN (SELECT user_id FROM "
                        + table
                        + " WHERE group_id = :from)")
                .bind("to", t)
                .bind("from", f)
                .execute();
            h.createUpdate("UPDATE " + table + " SET group_id = :to WHERE group_id = :from")
                .bind("to", t)
                .bind("from", f)
                .execute();
          }
          // The off-peak hours (V71) move with the group; its sweeps start over in the new one.
          h.createUpdate("DELETE FROM sweep_windows WHERE group_id = :to").bind("to", t).execute();
          h.createUpdate("UPDATE sweep_windows SET group_id = :to WHERE group_id = :from")
              .bind("to", t)
              .bind("from", f)
              .execute();
          h.createUpdate("DELETE FROM member_sweeps WHERE group_id = :from")
              .bind("from", f)
              .execute();
        });
  }

  @Override
  public long countActive() {
    return Sql.tx(
        jdbi,
        "count active groups",
        h ->
            h.createQuery(
                    "SELECT COUNT(*) FROM protected_groups g WHERE g.enabled = TRUE"
                        + " AND g.pause_kind IS NULL AND EXISTS (SELECT 1 FROM group_channel_links"
                        + " l WHERE l.group_id = g.group_id)")
                .mapTo(Long.class)
                .one());
  }

  @Override
  public Map<PauseReason.Kind, Long> countPaused() {
    return Sql.tx(
        jdbi,
        "count paused groups",
        h -> {
          Map<PauseReason.Kind, Long> counts = new EnumMap<>(PauseReason.Kind.class);
          h.createQuery(
                  "SELECT pause_kind, COUNT(*) AS n FROM protected_groups WHERE enabled = TRUE"
                      + " AND pause_kind IS NOT NULL GROUP BY pause_kind")
              .map((rs, ctx) -> Map.entry(rs.getString("pause_kind"), rs.getLong("n")))
              .forEach(
                  row -> knownKind(row.getKey()).ifPresent(k -> counts.put(k, row.getValue())));
          return Map.copyOf(counts);
        });
  }

  /** A stored pause kind; empty for one this version does not know (written by a newer one). */
  private static Optional<PauseReason.Kind> knownKind(String name) {
    for (PauseReason.Kind kind : PauseReason.Kind.values()) {
      if (kind.name().equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** Locks the group's row for the rest of the transaction; false when the group is unknown. */
  private static boolean lock(Handle h, GroupId group) {
    return h.createQuery("SELECT group_id FROM protected_groups WHERE group_id = :group FOR UPDATE")
        .bind("group", group.value())
        .mapTo(Long.class)
        .findOne()
        .isPresent();
  }

  static Optional<ProtectedGroup> load(Handle h, GroupId group) {
    List<EnforcedChannel> channels =
        h.createQuery(
                "SELECT c.channel_id, c.channel_title, c.username, c.invite_link"
                    + " FROM group_channel_links l JOIN enforced_channels c"
                    + " ON c.channel_id = l.channel_id WHERE l.group_id = :group ORDER BY l.id")
            .bind("group", group.value())
            .map((rs, ctx) -> JdbiChannelRepository.map(rs))
            .list();
    return h.createQuery(
            "SELECT " + GROUP_COLUMNS + " FROM protected_groups WHERE group_id = :group")
        .bind("group", group.value())
        .map(
            (rs, ctx) -> {
              String kind = rs.getString("pause_kind");
              Optional<ChannelId> pauseChannel =
                  Sql.longValue(rs, "pause_channel_id").map(ChannelId::of);
              String detail = rs.getString("pause_detail");
              Optional<PauseReason> pause =
                  kind == null
                      ? Optional.empty()
                      : Optional.of(
                          new PauseReason(PauseReason.Kind.valueOf(kind), pauseChannel, detail));
              return new ProtectedGroup(
                  GroupId.of(rs.getLong("group_id")),
                  rs.getString("group_title"),
                  UserId.of(rs.getLong("owner_id")),
                  rs.getBoolean("enabled"),
                  pause,
                  SettingsJson.read(rs.getString("params")),
                  channels,
                  Sql.instant(rs, "updated_at"));
            })
        .findOne();
  }
}
