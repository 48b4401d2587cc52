package dev.gmbot.adapter.redis.local;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Instant;

/** Caffeine time read from a {@link Clock}, so tests with a fixed clock control expiry. */
final class ClockTicker implements Ticker {
  private final Clock clock;

  ClockTicker(Clock clock) {
    this.clock = clock;
  }

  @Override
  public long read() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
