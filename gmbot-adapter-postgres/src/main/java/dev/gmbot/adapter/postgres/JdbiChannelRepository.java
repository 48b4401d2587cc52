package dev.gmbot.adapter.postgres;

import static dev.gmbot.adapter.postgres.Sql.utc;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.out.ChannelRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@link ChannelRepository} on {@code enforced_channels}. */
public final class JdbiChannelRepository implements ChannelRepository {
  private final Jdbi jdbi;
  private final Clock clock;

  JdbiChannelRepository(Jdbi jdbi, Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  @Override
  public Optional<EnforcedChannel> find(ChannelId channel) {
    return Sql.tx(
        jdbi,
        "find channel",
        h ->
            h.createQuery(
                    "SELECT channel_id, channel_title, username, invite_link FROM enforced_channels"
                        + " WHERE channel_id = :channel")
                .bind("channel", channel.value())
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  @Override
  public void save(EnforcedChannel channel) {
    Objects.requireNonNull(channel, "channel");
    Instant now = clock.instant();
    Sql.txRun(jdbi, "save channel", h -> save(h, channel, now));
  }

  static void save(Handle h, EnforcedChannel channel, Instant now) {
    Sql.upsert(
        () ->
            h.createUpdate(
                    "UPDATE enforced_channels SET channel_title = :title, username = :username,"
                        + " invite_link = :link, updated_at = :now WHERE channel_id = :channel")
                .bind("title", channel.title())
                .bind("username", Sql.nullableText(channel.username()))
                .bind("link", Sql.nullableText(channel.inviteLink()))
                .bind("now", utc(now))
                .bind("channel", channel.id().value())
                .execute(),
        () ->
            h.createUpdate(
                    "INSERT INTO enforced_channels (channel_id, channel_title, username,"
                        + " invite_link, created_at, updated_at) VALUES (:channel, :title,"
                        + " :username, :link, :now, :now) ON CONFLICT DO NOTHING")
                .bind("channel", channel.id().value())
                .bind("title", channel.title())
                .bind("username", Sql.nullableText(channel.username()))
                .bind("link", Sql.nullableText(channel.inviteLink()))
                .bind("now", utc(now))
                .execute());
  }

  static EnforcedChannel map(ResultSet rs) throws SQLException {
    return new EnforcedChannel(
        ChannelId.of(rs.getLong("channel_id")),
        rs.getString("channel_title"),
        Sql.text(rs, "username"),
        Sql.text(rs, "invite_link"));
  }
}
