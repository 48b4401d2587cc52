package dev.gmbot.testkit.fake;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.MembershipCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A membership cache whose entries expire on the given clock; tests can read the stored TTLs. */
public final class InMemoryMembershipCache implements MembershipCache {
  /** A stored answer and when it expires. */
  public record Entry(boolean subscribed, Instant expiresAt, Duration ttl) {}

  private record Key(UserId user, ChannelId channel) {}

  private final Clock clock;
  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

  public InMemoryMembershipCache(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Optional<Boolean> get(UserId user, ChannelId channel) {
    return entry(user, channel).map(Entry::subscribed);
  }

  /** The live entry, with its TTL, for assertions. */
  public Optional<Entry> entry(UserId user, ChannelId channel) {
    Key key = new Key(user, channel);
    Entry e = entries.get(key);
    if (e == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(e.expiresAt())) {
      entries.remove(key, e);
      return Optional.empty();
    }
    return Optional.of(e);
  }

  @Override
  public Map<ChannelId, Boolean> getAll(UserId user, Collection<ChannelId> channels) {
    Map<ChannelId, Boolean> found = new LinkedHashMap<>();
    for (ChannelId channel : channels) {
      get(user, channel).ifPresent(v -> found.put(channel, v));
    }
    return found;
  }

  @Override
  public void put(UserId user, ChannelId channel, boolean subscribed, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive");
    }
    entries.put(new Key(user, channel), new Entry(subscribed, clock.instant().plus(ttl), ttl));
  }

  @Override
  public void invalidate(UserId user, ChannelId channel) {
    entries.remove(new Key(user, channel));
  }

  public void clear() {
    entries.clear();
  }
}
