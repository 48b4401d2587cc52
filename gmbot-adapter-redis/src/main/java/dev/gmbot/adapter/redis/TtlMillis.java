package dev.gmbot.adapter.redis;

import java.time.Duration;

/** A positive TTL in whole milliseconds (rounded up), as PX wants it. */
final class TtlMillis {
  private TtlMillis() {}

  static long of(Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, got " + ttl);
    }
    long ms = ttl.toMillis();
    return ttl.equals(Duration.ofMillis(ms)) ? ms : ms + 1;
  }
}
