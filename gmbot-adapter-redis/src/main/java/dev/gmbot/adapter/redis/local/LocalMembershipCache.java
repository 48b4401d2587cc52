package dev.gmbot.adapter.redis.local;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.IdPairHash;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.MembershipCache;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Membership answers in process (one instance): bounded in size, each entry with its own TTL. */
public final class LocalMembershipCache implements MembershipCache {
  /** The smallest default bound (about 21 MB at ~211 bytes per entry, measured). */
  public static final long DEFAULT_MAXIMUM_SIZE = 100_000;

  /** The largest default bound, whatever the heap. */
  static final long LARGEST_DEFAULT_SIZE = 5_000_000;

  /**
   * The default bound for this JVM: one entry per KiB of maximum heap (a fifth of the heap at the
   * measured ~211 bytes an entry), at least {@link #DEFAULT_MAXIMUM_SIZE}. A fixed bound made a
   * deployment with more active users than entries ask Telegram again for answers it had just
   * evicted; now a larger heap ({@code GMBOT_HEAP}) holds more answers.
   */
  public static long defaultSize() {
    return sizeFor(Runtime.getRuntime().maxMemory());
  }

  static long sizeFor(long maxHeapBytes) {
    return Math.clamp(maxHeapBytes / 1024, DEFAULT_MAXIMUM_SIZE, LARGEST_DEFAULT_SIZE);
  }

  record Key(long user, long channel) {
    /** Not the record's {@code 31 * user + channel}: see {@link IdPairHash}. */
    @Override
    public int hashCode() {
      return IdPairHash.of(user, channel);
    }
  }

  private record Answer(boolean subscribed, Duration ttl) {}

  private final Cache<Key, Answer> cache;

  public LocalMembershipCache(Clock clock) {
    this(clock, defaultSize());
  }

  public LocalMembershipCache(Clock clock, long maximumSize) {
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .ticker(new ClockTicker(clock))
            .expireAfter(new TtlExpiry<Key, Answer>(Answer::ttl))
            .executor(Runnable::run)
            .build();
  }

  @Override
  public Optional<Boolean> get(UserId user, ChannelId channel) {
    Answer a = cache.getIfPresent(new Key(user.value(), channel.value()));
    return a == null ? Optional.empty() : Optional.of(a.subscribed());
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
    TtlExpiry.requirePositive(ttl);
    cache.put(new Key(user.value(), channel.value()), new Answer(subscribed, ttl));
  }

  @Override
  public void invalidate(UserId user, ChannelId channel) {
    cache.invalidate(new Key(user.value(), channel.value()));
  }

  /** Forgets every entry (a fallback copy whose source of truth is back). */
  public void clear() {
    cache.invalidateAll();
  }
}
