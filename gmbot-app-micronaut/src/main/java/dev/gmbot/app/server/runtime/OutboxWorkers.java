package dev.gmbot.app.server.runtime;

import dev.gmbot.domain.Guard;
import dev.gmbot.domain.protection.EffectDrain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's drain of the effect outbox (ADR 0014): a few platform threads, each claiming due
 * effects in rounds (each effect the oldest of its chat, leased to this instance) and carrying them
 * out without waiting for Telegram's limits. A round that found work is followed at once by the
 * next; an empty one waits {@link #IDLE} (the outbox is empty in normal operation, so that is one
 * indexed query per worker every {@link #IDLE}). Any instance may drain; effects of a crashed
 * instance are taken over when their leases run out.
 */
final class OutboxWorkers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxWorkers.class);

  /** How long a worker waits after a round that found nothing due. */
  static final Duration IDLE = Duration.ofMillis(200);

  /** Effects claimed per round and worker. */
  static final int BATCH = 16;

  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean closed;

  private OutboxWorkers() {}

  /** Starts {@code count} workers named after this instance (the lease holder). */
  static OutboxWorkers start(Guard guard, String instanceId, int count) {
    OutboxWorkers workers = new OutboxWorkers();
    for (int i = 0; i < count; i++) {
      String holder = instanceId + "/outbox-" + i;
      workers.threads.add(
          Thread.ofPlatform()
              .daemon()
              .name("gmbot-outbox-" + i)
              .start(() -> workers.loop(guard, holder)));
    }
    return workers;
  }

  private void loop(Guard guard, String holder) {
    while (!closed) {
      try {
        EffectDrain.Round round = guard.drainEffects(holder, BATCH);
        if (round.claimed() > 0 && round.done() + round.failed() > 0) {
          continue;
        }
      } catch (RuntimeException e) {
        LOG.warn("Outbox drain round failed: {}", e.toString());
      }
      LockSupport.parkNanos(this, IDLE.toNanos());
    }
  }

  /** Stops the workers; a round in progress finishes (its leases would otherwise run out). */
  @Override
  public void close() {
    closed = true;
    for (Thread t : threads) {
      LockSupport.unpark(t);
    }
    for (Thread t : threads) {
      try {
        t.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
