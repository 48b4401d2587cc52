package dev.gmbot.adapter.redis;

import dev.gmbot.port.out.Acquisition;
import dev.gmbot.port.out.Meter;
import dev.gmbot.port.out.RateLimitStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A fallback that grants nothing, so a test sees only what Redis granted. */
final class RefusingRateLimitStore implements RateLimitStore {
  final AtomicInteger asked = new AtomicInteger();

  @Override
  public Acquisition tryAcquire(List<Meter> meters, Instant now) {
    asked.incrementAndGet();
    return Acquisition.refusedUntil(now.plus(Duration.ofSeconds(1)));
  }

  @Override
  public void pause(String scope, Instant until) {}

  @Override
  public Optional<Instant> pausedUntil(String scope, Instant now) {
    return Optional.empty();
  }
}
