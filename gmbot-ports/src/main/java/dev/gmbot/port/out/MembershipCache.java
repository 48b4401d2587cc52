package dev.gmbot.port.out;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.UserId;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Cached answers of "is this user subscribed to this channel", keyed per (user, channel). The
 * domain chooses the TTLs (with jitter); the cache only keeps them. Implementations never throw for
 * an unreachable backend: they answer "not cached" and drop writes.
 */
public interface MembershipCache {
  Optional<Boolean> get(UserId user, ChannelId channel);

  /** The cached answers among the channels, in one round trip; absent keys are not cached. */
  Map<ChannelId, Boolean> getAll(UserId user, Collection<ChannelId> channels);

  void put(UserId user, ChannelId channel, boolean subscribed, Duration ttl);

  void invalidate(UserId user, ChannelId channel);
}
