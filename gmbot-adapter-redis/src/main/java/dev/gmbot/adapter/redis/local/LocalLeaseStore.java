package dev.gmbot.adapter.redis.local;

import dev.gmbot.port.out.LeaseStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Leases in process (one instance): atomic per name, expiring on the clock. */
public final class LocalLeaseStore implements LeaseStore {
  private record Lease(String holder, Instant expiresAt) {}

  private final Clock clock;
  private final Map<String, Lease> leases = new ConcurrentHashMap<>();

  public LocalLeaseStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public boolean tryAcquire(String name, String holder, Duration duration) {
    TtlExpiry.requirePositive(duration);
    Instant now = clock.instant();
    Lease mine = new Lease(holder, now.plus(duration));
    Lease result =
        leases.compute(
            name,
            (n, existing) ->
                existing == null
                        || existing.holder().equals(holder)
                        || !now.isBefore(existing.expiresAt())
                    ? mine
                    : existing);
    return result == mine;
  }

  @Override
  public boolean renew(String name, String holder, Duration duration) {
    TtlExpiry.requirePositive(duration);
    Instant now = clock.instant();
    Lease renewed = new Lease(holder, now.plus(duration));
    Lease result =
        leases.computeIfPresent(
            name,
            (n, existing) ->
                existing.holder().equals(holder) && now.isBefore(existing.expiresAt())
                    ? renewed
                    : existing);
    return result == renewed;
  }

  @Override
  public void release(String name, String holder) {
    leases.computeIfPresent(
        name, (n, existing) -> existing.holder().equals(holder) ? null : existing);
  }
}
