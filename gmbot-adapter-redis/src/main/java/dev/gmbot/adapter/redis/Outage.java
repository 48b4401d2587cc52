package dev.gmbot.adapter.redis;

import dev.gmbot.port.out.GuardMetrics;
import io.lettuce.core.RedisException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health of one component's Redis path: one WARN when an outage starts, one INFO when it ends,
 * and a {@link GuardMetrics#fallback(String)} count for every operation served by the fallback.
 *
 * <p>It is also a circuit breaker: during an outage only one operation per probe interval tries
 * Redis, the others go to the fallback at once, so a Redis that swallows packets (every command
 * running into its timeout) costs one timeout per interval instead of one per operation.
 */
final class Outage {
  private static final Logger LOG = LoggerFactory.getLogger("dev.gmbot.adapter.redis.SharedState");

  private final String component;
  private final GuardMetrics metrics;
  private final String fallbackDescription;
  private final AtomicBoolean down = new AtomicBoolean();
  private final AtomicInteger started = new AtomicInteger();

  private final long probeIntervalNanos;
  private final AtomicLong lastProbe = new AtomicLong();

  Outage(
      Duration probeInterval, String component, GuardMetrics metrics, String fallbackDescription) {
    this.probeIntervalNanos = probeInterval.toNanos();
    this.component = component;
    this.metrics = metrics;
    this.fallbackDescription = fallbackDescription;
  }

  /**
   * Lets the operation try Redis, or throws (to the operation's fallback) while Redis is known down
   * and another operation probed it less than one probe interval ago.
   */
  void check() {
    if (!down.get()) {
      return;
    }
    long now = System.nanoTime();
    long last = lastProbe.get();
    if (now - last >= probeIntervalNanos && lastProbe.compareAndSet(last, now)) {
      return;
    }
    throw new Skipped();
  }

  /** An operation not sent to Redis because it is known to be down; no stack trace. */
  static final class Skipped extends RedisException {
    Skipped() {
      super("skipped while Redis is down");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  /** Records that Redis failed and the fallback serves this operation. */
  void fellBack(RuntimeException cause) {
    metrics.fallback(component);
    if (down.compareAndSet(false, true)) {
      lastProbe.set(System.nanoTime());
      started.incrementAndGet();
      LOG.warn(
          "Redis is unavailable for {} ({}: {}); {} until it returns",
          component,
          cause.getClass().getSimpleName(),
          cause.getMessage(),
          fallbackDescription);
    }
  }

  /**
   * Records that Redis answered.
   *
   * @return true when this ended an outage
   */
  boolean succeeded() {
    if (down.get() && down.compareAndSet(true, false)) {
      LOG.info("Redis is back for {}; shared state in use again", component);
      return true;
    }
    return false;
  }

  boolean isDown() {
    return down.get();
  }

  /** How many outages began (one WARN each). */
  int started() {
    return started.get();
  }

  String component() {
    return component;
  }
}
