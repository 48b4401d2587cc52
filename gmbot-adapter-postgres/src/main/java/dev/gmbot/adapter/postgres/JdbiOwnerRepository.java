package dev.gmbot.adapter.postgres;

import static dev.gmbot.adapter.postgres.Sql.utc;

import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.OwnerRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@link OwnerRepository} on {@code owners}. */
public final class JdbiOwnerRepository implements OwnerRepository {
  private final Jdbi jdbi;
  private final Clock clock;

  JdbiOwnerRepository(Jdbi jdbi, Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  @Override
  public Optional<Owner> find(UserId owner) {
    return Sql.tx(
        jdbi,
        "find owner",
        h ->
            h.createQuery("SELECT user_id, username, reachable FROM owners WHERE user_id = :user")
                .bind("user", owner.value())
                .map(
                    (rs, ctx) ->
                        new Owner(
                            UserId.of(rs.getLong("user_id")),
                            Sql.text(rs, "username"),
                            rs.getBoolean("reachable")))
                .findOne());
  }

  @Override
  public void save(Owner owner) {
    Objects.requireNonNull(owner, "owner");
    Instant now = clock.instant();
    Sql.txRun(
        jdbi,
        "save owner",
        h ->
            Sql.upsert(
                () ->
                    h.createUpdate(
                            "UPDATE owners SET username = :username, reachable = :reachable,"
                                + " updated_at = :now WHERE user_id = :user")
                        .bind("username", Sql.nullableText(owner.username()))
                        .bind("reachable", owner.reachableInPrivate())
                        .bind("now", utc(now))
                        .bind("user", owner.id().value())
                        .execute(),
                () -> insert(h, owner, now)));
  }

  /**
   * Saves the owner as part of /protect: a known username is kept when the new one is absent, and
   * an owner already reachable in private stays reachable (a group command cannot tell).
   */
  static void merge(Handle h, Owner owner, Instant now) {
    Sql.upsert(
        () ->
            h.createUpdate(
                    "UPDATE owners SET username = COALESCE(:username, username),"
                        + " reachable = (reachable OR :reachable), updated_at = :now"
                        + " WHERE user_id = :user")
                .bind("username", Sql.nullableText(owner.username()))
                .bind("reachable", owner.reachableInPrivate())
                .bind("now", utc(now))
                .bind("user", owner.id().value())
                .execute(),
        () -> insert(h, owner, now));
  }

  private static int insert(Handle h, Owner owner, Instant now) {
    return h.createUpdate(
            "INSERT INTO owners (user_id, username, reachable, created_at, updated_at)"
                + " VALUES (:user, :username, :reachable, :now, :now) ON CONFLICT DO NOTHING")
        .bind("user", owner.id().value())
        .bind("username", Sql.nullableText(owner.username()))
        .bind("reachable", owner.reachableInPrivate())
        .bind("now", utc(now))
        .execute();
  }
}
