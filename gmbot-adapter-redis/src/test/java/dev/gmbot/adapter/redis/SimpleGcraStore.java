package dev.gmbot.adapter.redis;

import dev.gmbot.port.out.Acquisition;
import dev.gmbot.port.out.Meter;
import dev.gmbot.port.out.RateLimitStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny in-process GCRA for the fallback tests (the real one, {@code LocalRateLimitStore}, lives
 * in the domain, which adapters must not depend on). Records the meters it was asked with.
 */
final class SimpleGcraStore implements RateLimitStore {
  private final Map<String, Instant> tats = new HashMap<>();
  private final Map<String, Instant> pauses = new HashMap<>();
  volatile List<Meter> lastMeters = List.of();

  @Override
  public synchronized Acquisition tryAcquire(List<Meter> meters, Instant now) {
    lastMeters = List.copyOf(meters);
    Instant retry = now;
    for (Meter m : meters) {
      Duration tau = m.rate().emissionInterval().multipliedBy(m.rate().burst() - 1L);
      Instant tat = tats.getOrDefault(m.key(), now);
      Instant allowAt = (tat.isBefore(now) ? now : tat).minus(tau);
      if (allowAt.isAfter(retry)) {
        retry = allowAt;
      }
    }
    if (retry.isAfter(now)) {
      return Acquisition.refusedUntil(retry);
    }
    for (Meter m : meters) {
      Instant tat = tats.getOrDefault(m.key(), now);
      tats.put(m.key(), (tat.isBefore(now) ? now : tat).plus(m.rate().emissionInterval()));
    }
    return Acquisition.grantedAt(now);
  }

  @Override
  public synchronized void pause(String scope, Instant until) {
    pauses.merge(scope, until, (a, b) -> a.isAfter(b) ? a : b);
  }

  @Override
  public synchronized Optional<Instant> pausedUntil(String scope, Instant now) {
    Instant until = pauses.get(scope);
    return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
  }
}
