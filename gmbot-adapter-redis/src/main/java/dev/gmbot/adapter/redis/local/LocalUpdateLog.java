package dev.gmbot.adapter.redis.local;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gmbot.port.out.UpdateLog;
import java.time.Clock;
import java.time.Duration;

/**
 * Claimed update ids in process, each for its TTL. Bounded: past the size limit Caffeine evicts
 * claims (mostly the oldest); a very late redelivery of an evicted one would be processed again.
 */
public final class LocalUpdateLog implements UpdateLog {
  /**
   * About 3 h of updates at 10/s, ~12 MB: redeliveries come within minutes, so the bound costs
   * nothing in practice, while 25 h of a busy bot would not fit a small Lambda.
   */
  public static final long DEFAULT_MAXIMUM_SIZE = 100_000;

  /** A lease (in progress) or a completed claim, with its own TTL. */
  private record Entry(boolean done, Duration ttl) {}

  private final Cache<Long, Entry> claims;

  public LocalUpdateLog(Clock clock) {
    this(clock, DEFAULT_MAXIMUM_SIZE);
  }

  public LocalUpdateLog(Clock clock, long maximumSize) {
    this.claims =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .ticker(new ClockTicker(clock))
            .expireAfter(new TtlExpiry<Long, Entry>(Entry::ttl))
            .executor(Runnable::run)
            .build();
  }

  @Override
  public Claim begin(long updateId, Duration lease) {
    TtlExpiry.requirePositive(lease);
    Entry existing = claims.asMap().putIfAbsent(updateId, new Entry(false, lease));
    if (existing == null) {
      return Claim.CLAIMED;
    }
    return existing.done() ? Claim.DONE : Claim.IN_PROGRESS;
  }

  /** True when this process completed the update (and the claim has not expired). */
  public boolean completedHere(long updateId) {
    Entry entry = claims.getIfPresent(updateId);
    return entry != null && entry.done();
  }

  @Override
  public void complete(long updateId, Duration ttl) {
    TtlExpiry.requirePositive(ttl);
    claims.put(updateId, new Entry(true, ttl));
  }

  @Override
  public boolean claim(long updateId, Duration ttl) {
    TtlExpiry.requirePositive(ttl);
    return claims.asMap().putIfAbsent(updateId, new Entry(true, ttl)) == null;
  }

  @Override
  public void release(long updateId) {
    claims.invalidate(updateId);
  }
}
