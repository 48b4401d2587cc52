package dev.gmbot.testkit.fake;

import dev.gmbot.port.out.UpdateLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An update log whose leases and claims expire on the given clock. */
public final class InMemoryUpdateLog implements UpdateLog {
  private record Entry(boolean done, Instant expiresAt) {}

  private final Clock clock;
  private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

  public InMemoryUpdateLog(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Claim begin(long updateId, Duration lease) {
    Instant now = clock.instant();
    Entry mine = new Entry(false, now.plus(lease));
    Entry result =
        entries.compute(
            updateId,
            (id, existing) ->
                existing == null || !now.isBefore(existing.expiresAt()) ? mine : existing);
    if (result == mine) {
      return Claim.CLAIMED;
    }
    return result.done() ? Claim.DONE : Claim.IN_PROGRESS;
  }

  @Override
  public void complete(long updateId, Duration ttl) {
    entries.put(updateId, new Entry(true, clock.instant().plus(ttl)));
  }

  @Override
  public boolean claim(long updateId, Duration ttl) {
    Instant now = clock.instant();
    Entry mine = new Entry(true, now.plus(ttl));
    return entries.compute(
            updateId,
            (id, existing) ->
                existing == null || !now.isBefore(existing.expiresAt()) ? mine : existing)
        == mine;
  }

  @Override
  public void release(long updateId) {
    entries.remove(updateId);
  }
}
