package dev.gmbot.adapter.postgres;

import static dev.gmbot.adapter.postgres.Sql.utc;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupMember;
import dev.gmbot.port.model.MemberSweep;
import dev.gmbot.port.model.OffPeakHours;
import dev.gmbot.port.model.RestrictionState;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.MemberSweeps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;

/**
 * {@link MemberSweeps} on {@code member_sweeps} and {@code sweep_windows} (V71, ADR 0025). A claim
 * is one conditional update (the row is free, expired or the claimant's), after an insert of the
 * never-run row that does nothing when it exists: of two instances racing for a sweep exactly one
 * update matches, on PostgreSQL and H2 alike. A save is conditional on the lease too.
 */
public final class JdbiMemberSweeps implements MemberSweeps {
  private static final String COLUMNS =
      "group_id, kind, position_at, position_user, checked, freed, restricted, total, started_at,"
          + " finished_at";
  private static final String MEMBER_COLUMNS =
      "group_id, user_id, last_seen, restriction, changed_at";

  private final Jdbi jdbi;

  JdbiMemberSweeps(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  @Override
  public List<GroupId> sweptGroups(int limit) {
    return Sql.tx(
        jdbi,
        "groups to sweep",
        h ->
            h.createQuery(
                    "SELECT group_id FROM protected_groups WHERE enabled = TRUE ORDER BY group_id"
                        + " LIMIT :limit")
                .bind("limit", Math.max(0, limit))
                .map((rs, ctx) -> GroupId.of(rs.getLong("group_id")))
                .list());
  }

  @Override
  public Optional<MemberSweep> find(GroupId group, MemberSweep.Kind kind) {
    return Sql.tx(jdbi, "find member sweep", h -> find(h, group, kind));
  }

  private static Optional<MemberSweep> find(Handle h, GroupId group, MemberSweep.Kind kind) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM member_sweeps WHERE group_id = :group AND kind = :kind")
        .bind("group", group.value())
        .bind("kind", kind.name())
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  @Override
  public Optional<MemberSweep> claim(
      GroupId group, MemberSweep.Kind kind, String holder, Instant now, Duration lease) {
    Sql.txRun(
        jdbi,
        "create member sweep",
        h ->
            h.createUpdate(
                    "INSERT INTO member_sweeps (group_id, kind, position_at, position_user) VALUES"
                        + " (:group, :kind, :at, :user) ON CONFLICT DO NOTHING")
                .bind("group", group.value())
                .bind("kind", kind.name())
                .bind("at", utc(MemberSweep.Position.START.at()))
                .bind("user", MemberSweep.Position.START.user())
                .execute());
    return Sql.tx(
        jdbi,
        "claim member sweep",
        h -> {
          int updated =
              h.createUpdate(
                      "UPDATE member_sweeps SET lease_owner = :holder, lease_until = :until WHERE"
                          + " group_id = :group AND kind = :kind AND (lease_owner IS NULL OR"
                          + " lease_owner = :holder OR lease_until <= :now)")
                  .bind("holder", holder)
                  .bind("until", utc(now.plus(lease)))
                  .bind("now", utc(now))
                  .bind("group", group.value())
                  .bind("kind", kind.name())
                  .execute();
          return updated == 1 ? find(h, group, kind) : Optional.<MemberSweep>empty();
        });
  }

  @Override
  public boolean save(MemberSweep s, String holder, Instant now, Duration lease) {
    return Sql.tx(
            jdbi,
            "save member sweep",
            h ->
                h.createUpdate(
                        "UPDATE member_sweeps SET position_at = :at, position_user = :user,"
                            + " checked = :checked, freed = :freed, restricted = :restricted,"
                            + " total = :total, started_at = :started, finished_at = :finished,"
                            + " lease_until = :until WHERE group_id = :group AND kind = :kind"
                            + " AND lease_owner = :holder AND lease_until > :now")
                    .bind("at", utc(s.position().at()))
                    .bind("user", s.position().user())
                    .bind("checked", s.checked())
                    .bind("freed", s.freed())
                    .bind("restricted", s.restricted())
                    .bind("total", s.total())
                    .bind("started", nullableUtc(s.startedAt()))
                    .bind("finished", nullableUtc(s.finishedAt()))
                    .bind("until", utc(now.plus(lease)))
                    .bind("group", s.group().value())
                    .bind("kind", s.kind().name())
                    .bind("holder", holder)
                    .bind("now", utc(now))
                    .execute())
        == 1;
  }

  @Override
  public void release(GroupId group, MemberSweep.Kind kind, String holder) {
    Sql.txRun(
        jdbi,
        "release member sweep",
        h ->
            h.createUpdate(
                    "UPDATE member_sweeps SET lease_owner = NULL, lease_until = NULL WHERE"
                        + " group_id = :group AND kind = :kind AND lease_owner = :holder")
                .bind("group", group.value())
                .bind("kind", kind.name())
                .bind("holder", holder)
                .execute());
  }

  private static final String RESTRICTED_AFTER =
      " FROM group_members WHERE group_id = :group AND restriction = 'RESTRICTED' AND"
          + " (changed_at > :at OR (changed_at = :at AND user_id > :user))";

  @Override
  public List<GroupMember> restrictedAfter(GroupId group, MemberSweep.Position after, int limit) {
    return Sql.tx(
        jdbi,
        "restricted members to sweep",
        h ->
            h.createQuery(
                    "SELECT "
                        + MEMBER_COLUMNS
                        + RESTRICTED_AFTER
                        + " ORDER BY changed_at, user_id LIMIT :limit")
                .bind("group", group.value())
                .bind("at", utc(after.at()))
                .bind("user", after.user())
                .bind("limit", Math.max(0, limit))
                .map((rs, ctx) -> member(rs))
                .list());
  }

  @Override
  public long countRestrictedAfter(GroupId group, MemberSweep.Position after) {
    return Sql.tx(
        jdbi,
        "count restricted members to sweep",
        h ->
            h.createQuery("SELECT COUNT(*)" + RESTRICTED_AFTER)
                .bind("group", group.value())
                .bind("at", utc(after.at()))
                .bind("user", after.user())
                .mapTo(Long.class)
                .one());
  }

  private static final String SEEN_AFTER =
      " FROM group_members WHERE group_id = :group AND last_seen >= :since AND user_id > :user";

  @Override
  public List<GroupMember> seenSinceAfter(GroupId group, Instant since, long afterUser, int limit) {
    return Sql.tx(
        jdbi,
        "active members to sweep",
        h ->
            h.createQuery(
                    "SELECT " + MEMBER_COLUMNS + SEEN_AFTER + " ORDER BY user_id LIMIT :limit")
                .bind("group", group.value())
                .bind("since", utc(since))
                .bind("user", afterUser)
                .bind("limit", Math.max(0, limit))
                .map((rs, ctx) -> member(rs))
                .list());
  }

  @Override
  public long countSeenSinceAfter(GroupId group, Instant since, long afterUser) {
    return Sql.tx(
        jdbi,
        "count active members to sweep",
        h ->
            h.createQuery("SELECT COUNT(*)" + SEEN_AFTER)
                .bind("group", group.value())
                .bind("since", utc(since))
                .bind("user", afterUser)
                .mapTo(Long.class)
                .one());
  }

  @Override
  public OffPeakHours offPeak(GroupId group) {
    return Sql.tx(
        jdbi,
        "find off-peak hours",
        h ->
            h.createQuery(
                    "SELECT start_hour, end_hour, offset_minutes FROM sweep_windows WHERE"
                        + " group_id = :group")
                .bind("group", group.value())
                .map(
                    (rs, ctx) ->
                        new OffPeakHours(
                            rs.getInt("start_hour"),
                            rs.getInt("end_hour"),
                            ZoneOffset.ofTotalSeconds(rs.getInt("offset_minutes") * 60)))
                .findOne()
                .orElse(OffPeakHours.DEFAULT));
  }

  @Override
  public boolean setOffPeak(GroupId group, OffPeakHours hours) {
    Sql.txRun(
        jdbi,
        "set off-peak hours",
        h ->
            Sql.upsert(
                () ->
                    h.createUpdate(
                            "UPDATE sweep_windows SET start_hour = :start, end_hour = :end,"
                                + " offset_minutes = :offset WHERE group_id = :group")
                        .bind("group", group.value())
                        .bind("start", hours.startHour())
                        .bind("end", hours.endHour())
                        .bind("offset", hours.offset().getTotalSeconds() / 60)
                        .execute(),
                () ->
                    h.createUpdate(
                            "INSERT INTO sweep_windows (group_id, start_hour, end_hour,"
                                + " offset_minutes) VALUES (:group, :start, :end, :offset) ON"
                                + " CONFLICT DO NOTHING")
                        .bind("group", group.value())
                        .bind("start", hours.startHour())
                        .bind("end", hours.endHour())
                        .bind("offset", hours.offset().getTotalSeconds() / 60)
                        .execute()));
    return true;
  }

  private static Argument nullableUtc(Optional<Instant> value) {
    return (position, statement, ctx) -> {
      if (value.isPresent()) {
        statement.setObject(
            position, value.get().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
      } else {
        statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
      }
    };
  }

  private static Optional<Instant> optionalInstant(ResultSet rs, String column)
      throws SQLException {
    return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }

  private static MemberSweep map(ResultSet rs) throws SQLException {
    return new MemberSweep(
        GroupId.of(rs.getLong("group_id")),
        MemberSweep.Kind.valueOf(rs.getString("kind")),
        new MemberSweep.Position(Sql.instant(rs, "position_at"), rs.getLong("position_user")),
        rs.getLong("checked"),
        rs.getLong("freed"),
        rs.getLong("restricted"),
        rs.getLong("total"),
        optionalInstant(rs, "started_at"),
        optionalInstant(rs, "finished_at"));
  }

  private static GroupMember member(ResultSet rs) throws SQLException {
    return new GroupMember(
        GroupId.of(rs.getLong("group_id")),
        UserId.of(rs.getLong("user_id")),
        Sql.instant(rs, "last_seen"),
        RestrictionState.valueOf(rs.getString("restriction")),
        Sql.instant(rs, "changed_at"));
  }
}
