package dev.gmbot.app.server.ingest;

import dev.gmbot.port.out.LeaseStore;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polling by one instance at a time: Telegram answers a second concurrent getUpdates with 409,
 * so the instances share a lease ({@link LeaseStore}, in Redis when shared). The holder polls and
 * renews the lease every third of its duration; the others try to take it at the same pace. A
 * holder that fails to renew stops polling at once (another instance may have taken over).
 */
public final class PollingSupervisor implements AutoCloseable {
  /** The lease's name. */
  public static final String LEASE = "long-poller";

  private static final Logger LOG = LoggerFactory.getLogger(PollingSupervisor.class);

  /** Starts a poller; closing it stops polling and returns when its thread has ended. */
  @FunctionalInterface
  public interface PollerFactory {
    AutoCloseable start();
  }

  private final LeaseStore leases;
  private final String holder;
  private final Duration lease;
  private final PollerFactory pollers;
  private final ScheduledExecutorService ticker;
  private AutoCloseable poller;
  private boolean closed;

  public PollingSupervisor(
      LeaseStore leases, String holder, Duration lease, PollerFactory pollers) {
    this.leases = Objects.requireNonNull(leases, "leases");
    this.holder = Objects.requireNonNull(holder, "holder");
    this.lease = Objects.requireNonNull(lease, "lease");
    this.pollers = Objects.requireNonNull(pollers, "pollers");
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("gmbot-poll-lease").factory());
  }

  /** Begins competing for the lease (the first attempt happens now). */
  public void start() {
    long period = Math.max(1, lease.toMillis() / 3);
    ticker.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
  }

  /** True while this instance holds the lease and polls. */
  public synchronized boolean polling() {
    return poller != null;
  }

  synchronized void tick() {
    if (closed) {
      return;
    }
    try {
      if (poller == null) {
        if (leases.tryAcquire(LEASE, holder, lease)) {
          LOG.info("This instance ({}) holds the poller lease: long polling starts", holder);
          poller = pollers.start();
        }
      } else if (!leases.renew(LEASE, holder, lease)) {
        LOG.warn("The poller lease was lost: this instance ({}) stops polling", holder);
        stopPoller();
      }
    } catch (RuntimeException e) {
      LOG.warn("Poller lease check failed: {}", e.toString());
    }
  }

  private void stopPoller() {
    AutoCloseable running = poller;
    poller = null;
    if (running != null) {
      try {
        running.close();
      } catch (Exception e) {
        LOG.warn("Stopping the poller failed: {}", e.toString());
      }
    }
  }

  /** Stops polling (letting a running handler finish) and gives the lease up. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      boolean held = poller != null;
      stopPoller();
      if (held) {
        try {
          leases.release(LEASE, holder);
        } catch (RuntimeException e) {
          LOG.warn("Releasing the poller lease failed: {}", e.toString());
        }
      }
    }
  }
}
