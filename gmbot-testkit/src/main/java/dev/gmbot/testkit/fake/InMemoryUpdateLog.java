package dev.gmbot.testkit.fake;

import dev.gmbot.port.out.UpdateLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An update log whose claims expire on the given clock. */
public final class InMemoryUpdateLog implements UpdateLog {
  private final Clock clock;
  private final Map<Long, Instant> claims = new ConcurrentHashMap<>();

  public InMemoryUpdateLog(Clock clock) {
    this.clock = clock;
  }

  @Override
  public boolean claim(long updateId, Duration ttl) {
    Instant now = clock.instant();
    Instant expiry = now.plus(ttl);
    boolean[] won = {false};
    claims.compute(
        updateId,
        (id, existing) -> {
          if (existing == null || !now.isBefore(existing)) {
            won[0] = true;
            return expiry;
          }
          return existing;
        });
    return won[0];
  }

  @Override
  public void release(long updateId) {
    claims.remove(updateId);
  }
}
