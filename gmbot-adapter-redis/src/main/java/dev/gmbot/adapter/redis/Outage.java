package dev.gmbot.adapter.redis;

import dev.gmbot.port.out.GuardMetrics;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health of one component's Redis path: one WARN when an outage starts, one INFO when it ends,
 * and a {@link GuardMetrics#fallback(String)} count for every operation served by the fallback.
 */
final class Outage {
  private static final Logger LOG = LoggerFactory.getLogger("dev.gmbot.adapter.redis.SharedState");

  private final String component;
  private final GuardMetrics metrics;
  private final String fallbackDescription;
  private final AtomicBoolean down = new AtomicBoolean();
  private final AtomicInteger started = new AtomicInteger();

  Outage(String component, GuardMetrics metrics, String fallbackDescription) {
    this.component = component;
    this.metrics = metrics;
    this.fallbackDescription = fallbackDescription;
  }

  /** Records that Redis failed and the fallback serves this operation. */
  void fellBack(RuntimeException cause) {
    metrics.fallback(component);
    if (down.compareAndSet(false, true)) {
      started.incrementAndGet();
      LOG.warn(
          "Redis is unavailable for {} ({}: {}); {} until it returns",
          component,
          cause.getClass().getSimpleName(),
          cause.getMessage(),
          fallbackDescription);
    }
  }

  /** Records that Redis answered. */
  void succeeded() {
    if (down.get() && down.compareAndSet(true, false)) {
      LOG.info("Redis is back for {}; shared state in use again", component);
    }
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
