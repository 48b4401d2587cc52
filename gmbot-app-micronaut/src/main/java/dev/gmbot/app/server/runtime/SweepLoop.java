package dev.gmbot.app.server.runtime;

import dev.gmbot.domain.protection.MemberSweeper;
import dev.gmbot.port.in.SweepMembersUseCase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's background sweeps over members (ADRs 0024, 0025): one thread running slices of
 * {@link #SLICE}, one after the other while there is work, {@link #IDLE} apart when there is none.
 * Every instance runs one; the sweeps' leases let one instance sweep a group at a time, and the
 * stored position lets the next slice (here, after a restart, or on another instance) go on where
 * the last one stopped. Progress lines (start, every tenth, end) are logged at info, the pause at
 * the end of each slice at debug.
 */
final class SweepLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SweepLoop.class);

  /** The longest slice: a graceful stop waits for at most this (plus one check). */
  static final Duration SLICE = Duration.ofSeconds(5);

  /**
   * The pause after a slice that found nothing to do: a slice with nothing due costs a query or two
   * per group, so an idle instance looks every 15 s.
   */
  static final Duration IDLE = Duration.ofSeconds(15);

  private final Thread thread;
  private volatile boolean closed;

  private SweepLoop(SweepMembersUseCase sweeps, String holder) {
    this.thread =
        Thread.ofPlatform().daemon().name("gmbot-sweeps").unstarted(() -> loop(sweeps, holder));
  }

  static SweepLoop start(SweepMembersUseCase sweeps, String instanceId) {
    SweepLoop loop = new SweepLoop(sweeps, instanceId + "/sweeps");
    loop.thread.start();
    return loop;
  }

  private void loop(SweepMembersUseCase sweeps, String holder) {
    while (!closed) {
      boolean worked = false;
      try {
        List<String> lines = sweeps.sweepMembers(holder, SLICE);
        for (String line : lines) {
          if (MemberSweeper.isProgress(line) && !line.contains(" paused: ")) {
            // Start, every tenth, end: a slice's pause (every 5 s) only at debug.
            LOG.info("Member sweep: {}", line);
          } else {
            LOG.debug("Member sweep effect: {}", line);
          }
        }
        worked = !lines.isEmpty();
      } catch (RuntimeException e) {
        LOG.warn("Member sweep slice failed: {}", e.toString());
      }
      if (!worked && !closed) {
        LockSupport.parkNanos(this, IDLE.toNanos());
      }
    }
  }

  /** Stops after the slice in progress (its position is stored, its leases released). */
  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
    try {
      thread.join(SLICE.plusSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
