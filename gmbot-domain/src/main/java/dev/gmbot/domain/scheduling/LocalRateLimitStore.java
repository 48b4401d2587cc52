package dev.gmbot.domain.scheduling;

import dev.gmbot.port.out.Acquisition;
import dev.gmbot.port.out.Meter;
import dev.gmbot.port.out.Rate;
import dev.gmbot.port.out.RateLimitStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-process {@link RateLimitStore}: the one-instance default. Meters use the generic cell rate
 * algorithm (GCRA): each key keeps its theoretical arrival time (TAT); a permit is granted at
 * {@code now} when {@code now >= TAT - tolerance}, where the emission interval {@code T = period /
 * permits} (rounded up to whole nanoseconds, so never faster than the rate) and {@code tolerance =
 * (burst - 1) * T}. A grant moves the TAT to {@code max(TAT, now) + T}.
 *
 * <p>Thread-safe (one short lock per decision, so several meters are decided atomically). Memory is
 * bounded by the keys that are busy: a key whose TAT is not after {@code now} behaves exactly like
 * an unknown key, and pauses that have ended behave like no pause, so both are evicted when the
 * tables grow (amortised, no background thread).
 */
public final class LocalRateLimitStore implements RateLimitStore {
  private static final int MIN_SWEEP_SIZE = 1024;

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Long> tats = new HashMap<>();
  private final Map<String, Long> pauses = new HashMap<>();
  private int tatSweepAt = MIN_SWEEP_SIZE;
  private int pauseSweepAt = MIN_SWEEP_SIZE;
  private long latestNow = Long.MIN_VALUE;

  public LocalRateLimitStore() {}

  @Override
  public Acquisition tryAcquire(List<Meter> meters, Instant now) {
    long t = nanos(now);
    lock.lock();
    try {
      latestNow = Math.max(latestNow, t);
      long retryAt = Long.MIN_VALUE;
      boolean granted = true;
      for (Meter meter : meters) {
        long tat = Math.max(tats.getOrDefault(meter.key(), t), t);
        long allowedAt = tat - tolerance(meter.rate());
        if (allowedAt > t) {
          granted = false;
          retryAt = Math.max(retryAt, allowedAt);
        }
      }
      if (!granted) {
        return Acquisition.refusedUntil(instant(retryAt));
      }
      for (Meter meter : meters) {
        long tat = Math.max(tats.getOrDefault(meter.key(), t), t);
        tats.put(meter.key(), tat + interval(meter.rate()));
      }
      if (tats.size() >= tatSweepAt) {
        tats.values().removeIf(tat -> tat <= t);
        tatSweepAt = Math.max(MIN_SWEEP_SIZE, tats.size() * 2);
      }
      return Acquisition.grantedAt(now);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void pause(String scope, Instant until) {
    long u = nanos(until);
    lock.lock();
    try {
      pauses.merge(scope, u, Math::max);
      if (pauses.size() >= pauseSweepAt) {
        long over = latestNow;
        pauses.values().removeIf(end -> end <= over);
        pauseSweepAt = Math.max(MIN_SWEEP_SIZE, pauses.size() * 2);
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<Instant> pausedUntil(String scope, Instant now) {
    long t = nanos(now);
    lock.lock();
    try {
      latestNow = Math.max(latestNow, t);
      Long until = pauses.get(scope);
      if (until == null) {
        return Optional.empty();
      }
      if (until <= t) {
        pauses.remove(scope);
        return Optional.empty();
      }
      return Optional.of(instant(until));
    } finally {
      lock.unlock();
    }
  }

  /** Number of meter keys currently held (for tests of the memory bound). */
  int meterKeys() {
    lock.lock();
    try {
      return tats.size();
    } finally {
      lock.unlock();
    }
  }

  static long interval(Rate rate) {
    long period = rate.period().toNanos();
    return (period + rate.permits() - 1) / rate.permits();
  }

  private static long tolerance(Rate rate) {
    return (rate.burst() - 1) * interval(rate);
  }

  private static long nanos(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }
}
