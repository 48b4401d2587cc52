package dev.gmbot.adapter.postgres;

import static dev.gmbot.adapter.postgres.Sql.utc;

import dev.gmbot.port.out.EffectOutbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link EffectOutbox} on the {@code effect_outbox} table (ADR 0014), the same SQL on PostgreSQL
 * and H2. A claim is a conditional {@code UPDATE} of lease columns: it succeeds only while the row
 * is pending and unleased (or its lease ran out), so two workers racing for one row cannot both win
 * (PostgreSQL re-checks the condition on the locked row; H2 locks the row too) — portable, unlike
 * {@code FOR UPDATE SKIP LOCKED}, and cheap at the outbox's size (empty in normal operation).
 * Candidates are the oldest pending row of each lane only, so a chat's effects run in order.
 */
public final class JdbiEffectOutbox implements EffectOutbox {
  private static final String COLUMNS =
      "id, effect_key, lane, priority, payload, recorded_at, not_before, lease_holder, attempts,"
          + " head_started";

  private final Jdbi jdbi;
  private final Clock clock;

  JdbiEffectOutbox(Jdbi jdbi, Clock clock) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public boolean record(DeferredEffect e) {
    Objects.requireNonNull(e, "effect");
    return Sql.tx(
            jdbi,
            "record deferred effect",
            h ->
                h.createUpdate(
                        "INSERT INTO effect_outbox (effect_key, lane, priority, payload, status,"
                            + " recorded_at, not_before) VALUES (:key, :lane, :priority, :payload,"
                            + " 'P', :recorded, :notBefore) ON CONFLICT DO NOTHING")
                    .bind("key", e.key())
                    .bind("lane", e.lane())
                    .bind("priority", e.priority())
                    .bind("payload", e.payload())
                    .bind("recorded", utc(e.recordedAt()))
                    .bind("notBefore", utc(e.notBefore()))
                    .execute())
        == 1;
  }

  @Override
  public boolean hasPending(String lane) {
    return Sql.tx(
        jdbi,
        "outbox lane",
        h ->
            h.createQuery(
                    "SELECT 1 FROM effect_outbox WHERE lane = :lane AND status = 'P'"
                        + " FETCH FIRST 1 ROWS ONLY")
                .bind("lane", lane)
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
  }

  @Override
  public List<ClaimedEffect> claim(String holder, int max, Duration lease, Instant now) {
    if (max <= 0) {
      return List.of();
    }
    List<Long> candidates =
        Sql.tx(
            jdbi,
            "outbox candidates",
            h ->
                h.createQuery(
                        "SELECT o.id FROM effect_outbox o WHERE o.status = 'P'"
                            + " AND o.not_before <= :now"
                            + " AND (o.lease_until IS NULL OR o.lease_until < :now)"
                            + " AND NOT EXISTS (SELECT 1 FROM effect_outbox e WHERE e.lane = o.lane"
                            + " AND e.status = 'P' AND e.id < o.id)"
                            + " ORDER BY o.priority, o.id FETCH FIRST :max ROWS ONLY")
                    .bind("now", utc(now))
                    .bind("max", max)
                    .mapTo(Long.class)
                    .list());
    List<ClaimedEffect> claimed = new ArrayList<>(candidates.size());
    for (long id : candidates) {
      Sql.tx(
              jdbi,
              "claim deferred effect",
              h -> {
                int won =
                    h.createUpdate(
                            "UPDATE effect_outbox SET lease_holder = :holder,"
                                + " lease_until = :until, attempts = attempts + 1"
                                + " WHERE id = :id AND status = 'P'"
                                + " AND (lease_until IS NULL OR lease_until < :now)")
                        .bind("holder", holder)
                        .bind("until", utc(now.plus(lease)))
                        .bind("now", utc(now))
                        .bind("id", id)
                        .execute();
                if (won == 0) {
                  return Optional.<ClaimedEffect>empty();
                }
                return h.createQuery("SELECT " + COLUMNS + " FROM effect_outbox WHERE id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> claimed(rs))
                    .findOne();
              })
          .ifPresent(claimed::add);
    }
    return claimed;
  }

  @Override
  public boolean progress(ClaimedEffect c, String remainingPayload, boolean headStarted) {
    return Sql.tx(
            jdbi,
            "outbox progress",
            h ->
                h.createUpdate(
                        "UPDATE effect_outbox SET payload = :payload, head_started = :started"
                            + " WHERE id = :id AND status = 'P' AND lease_holder = :holder"
                            + " AND lease_until >= :now")
                    .bind("payload", remainingPayload)
                    .bind("started", headStarted)
                    .bind("id", c.id())
                    .bind("holder", c.holder())
                    .bind("now", utc(clock.instant()))
                    .execute())
        == 1;
  }

  @Override
  public void complete(ClaimedEffect c) {
    finish(c, "D", null, "complete deferred effect");
  }

  @Override
  public void fail(ClaimedEffect c, String reason) {
    finish(c, "F", reason, "fail deferred effect");
  }

  private void finish(ClaimedEffect c, String status, String reason, String operation) {
    Sql.txRun(
        jdbi,
        operation,
        h ->
            h.createUpdate(
                    "UPDATE effect_outbox SET status = :status, finished_at = :now,"
                        + " failure = :failure, lease_holder = NULL, lease_until = NULL"
                        + " WHERE id = :id AND status = 'P' AND lease_holder = :holder")
                .bind("status", status)
                .bind("now", utc(clock.instant()))
                .bind("failure", Sql.nullableText(Optional.ofNullable(reason)))
                .bind("id", c.id())
                .bind("holder", c.holder())
                .execute());
  }

  @Override
  public void release(ClaimedEffect c, String remainingPayload, Instant notBefore) {
    Sql.txRun(
        jdbi,
        "release deferred effect",
        h ->
            h.createUpdate(
                    "UPDATE effect_outbox SET payload = :payload, not_before = :notBefore,"
                        + " head_started = FALSE, lease_holder = NULL, lease_until = NULL"
                        + " WHERE id = :id AND status = 'P' AND lease_holder = :holder")
                .bind("payload", remainingPayload)
                .bind("notBefore", utc(notBefore))
                .bind("id", c.id())
                .bind("holder", c.holder())
                .execute());
  }

  @Override
  public int purge(Instant before) {
    return Sql.tx(
        jdbi,
        "purge effect outbox",
        h ->
            h.createUpdate(
                    "DELETE FROM effect_outbox WHERE status <> 'P' AND finished_at < :before")
                .bind("before", utc(before))
                .execute());
  }

  @Override
  public Depth depth(Instant now) {
    return Sql.tx(
        jdbi,
        "outbox depth",
        h ->
            h.createQuery(
                    "SELECT SUM(CASE WHEN status = 'P' THEN 1 ELSE 0 END) AS pending,"
                        + " SUM(CASE WHEN status = 'F' THEN 1 ELSE 0 END) AS failed,"
                        + " MIN(CASE WHEN status = 'P' THEN recorded_at END) AS oldest"
                        + " FROM effect_outbox WHERE status IN ('P', 'F')")
                .map(
                    (rs, ctx) -> {
                      var oldest = rs.getObject("oldest", java.time.OffsetDateTime.class);
                      return new Depth(
                          rs.getLong("pending"),
                          rs.getLong("failed"),
                          Optional.ofNullable(oldest)
                              .map(o -> Duration.between(o.toInstant(), now))
                              .map(d -> d.isNegative() ? Duration.ZERO : d));
                    })
                .one());
  }

  @Override
  public Optional<Instant> nextDue(Instant now) {
    // A lease counts only while it runs and ends after not_before; claim() takes the row once the
    // lease has ended (lease_until < now), so its end is when the row is due again.
    Optional<Instant> next =
        Sql.tx(
            jdbi,
            "outbox next due",
            h ->
                h.createQuery(
                        "SELECT MIN(CASE WHEN o.lease_until IS NOT NULL"
                            + " AND o.lease_until >= :now AND o.lease_until > o.not_before"
                            + " THEN o.lease_until ELSE o.not_before END) AS due"
                            + " FROM effect_outbox o WHERE o.status = 'P'"
                            + " AND NOT EXISTS (SELECT 1 FROM effect_outbox e WHERE e.lane = o.lane"
                            + " AND e.status = 'P' AND e.id < o.id)")
                    .bind("now", utc(now))
                    .map(
                        (rs, ctx) ->
                            Optional.ofNullable(rs.getObject("due", java.time.OffsetDateTime.class))
                                .map(java.time.OffsetDateTime::toInstant))
                    .one());
    return next.map(at -> at.isBefore(now) ? now : at);
  }

  private static ClaimedEffect claimed(ResultSet rs) throws SQLException {
    // attempts was incremented by this claim: earlier claims are attempts - 1.
    return new ClaimedEffect(
        rs.getLong("id"),
        new DeferredEffect(
            rs.getString("effect_key"),
            rs.getString("lane"),
            rs.getInt("priority"),
            rs.getString("payload"),
            Sql.instant(rs, "recorded_at"),
            Sql.instant(rs, "not_before")),
        rs.getString("lease_holder"),
        rs.getInt("attempts") - 1,
        rs.getBoolean("head_started"));
  }
}
