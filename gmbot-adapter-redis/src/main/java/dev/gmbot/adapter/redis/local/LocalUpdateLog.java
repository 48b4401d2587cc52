package dev.gmbot.adapter.redis.local;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gmbot.port.out.UpdateLog;
import java.time.Clock;
import java.time.Duration;

/**
 * Claimed update ids in process, each for its TTL. Bounded: past the size limit the oldest claims
 * are forgotten first (a very late redelivery of one of them would be processed again).
 */
public final class LocalUpdateLog implements UpdateLog {
  /** About 25 h of a busy bot's updates at ~10/s. */
  public static final long DEFAULT_MAXIMUM_SIZE = 1_000_000;

  private record Claim(Duration ttl) {}

  private final Cache<Long, Claim> claims;

  public LocalUpdateLog(Clock clock) {
    this(clock, DEFAULT_MAXIMUM_SIZE);
  }

  public LocalUpdateLog(Clock clock, long maximumSize) {
    this.claims =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .ticker(new ClockTicker(clock))
            .expireAfter(new TtlExpiry<Long, Claim>(Claim::ttl))
            .executor(Runnable::run)
            .build();
  }

  @Override
  public boolean claim(long updateId, Duration ttl) {
    TtlExpiry.requirePositive(ttl);
    return claims.asMap().putIfAbsent(updateId, new Claim(ttl)) == null;
  }

  @Override
  public void release(long updateId) {
    claims.invalidate(updateId);
  }
}
