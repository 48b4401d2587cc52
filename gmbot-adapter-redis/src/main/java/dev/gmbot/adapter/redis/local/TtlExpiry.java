package dev.gmbot.adapter.redis.local;

import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.function.Function;

/** Per-entry expiry: each write sets the entry's own TTL; reads do not extend it. */
final class TtlExpiry<K, V> implements Expiry<K, V> {
  private final Function<V, Duration> ttl;

  TtlExpiry(Function<V, Duration> ttl) {
    this.ttl = ttl;
  }

  @Override
  public long expireAfterCreate(K key, V value, long currentTime) {
    return ttl.apply(value).toNanos();
  }

  @Override
  public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
    return ttl.apply(value).toNanos();
  }

  @Override
  public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
    return currentDuration;
  }

  static void requirePositive(Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, got " + ttl);
    }
  }
}
