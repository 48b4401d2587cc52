package dev.gmbot.domain.protection;

import dev.gmbot.port.out.EffectOutbox;
import dev.gmbot.port.out.EffectOutbox.ClaimedEffect;
import dev.gmbot.port.out.GuardMetrics;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Drains the effect outbox (ADR 0014): claims due effects (each the oldest of its chat, leased to
 * this holder), carries them out through the {@link DecisionExecutor} without waiting for
 * Telegram's limits, and completes them, or gives them back due when their call may run. Any
 * instance may drain: an effect whose holder died is taken over when its lease runs out. The server
 * runs a few workers in a loop; the Lambda function drains from its scheduled handler and, briefly,
 * after each update.
 */
public final class EffectDrain {
  /** How long a claim holds: far longer than one effect's few calls take. */
  public static final Duration LEASE = Duration.ofSeconds(60);

  /** An effect claimed this many times without finishing is given up (kept for the operator). */
  public static final int MAX_ATTEMPTS = 25;

  /** Done effects are remembered (by key) as long as updates are deduplicated. */
  public static final Duration RETENTION = Duration.ofHours(25);

  private static final Logger LOG = System.getLogger(EffectDrain.class.getName());
  private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

  private final EffectOutbox outbox;
  private final DecisionExecutor executor;
  private final GuardMetrics metrics;
  private final Clock clock;
  private volatile Instant nextPurge = Instant.MIN;

  public EffectDrain(
      EffectOutbox outbox, DecisionExecutor executor, GuardMetrics metrics, Clock clock) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (outbox.enabled()) {
      metrics.outboxDepth(
          () -> outbox.depth(clock.instant()).pending(),
          () ->
              outbox
                  .depth(clock.instant())
                  .oldestAge()
                  .map(age -> age.toMillis() / 1000.0)
                  .orElse(0.0));
    }
  }

  /** What one round did. */
  public record Round(int claimed, int done, int retried, int failed, int takenOver) {
    static final Round NOTHING = new Round(0, 0, 0, 0, 0);
  }

  /**
   * Claims up to {@code max} due effects for {@code holder} and carries them out, concurrently (on
   * virtual threads: none of them waits for a meter).
   */
  public Round drainOnce(String holder, int max) {
    Instant now = clock.instant();
    purgeNow(now);
    if (!outbox.enabled()) {
      return Round.NOTHING;
    }
    List<ClaimedEffect> claimed = outbox.claim(holder, max, LEASE, now);
    if (claimed.isEmpty()) {
      return Round.NOTHING;
    }
    int[] counts = new int[4];
    List<Outcome> outcomes = new ArrayList<>(claimed.size());
    if (claimed.size() == 1) {
      outcomes.add(carryOut(claimed.getFirst()));
    } else {
      List<Future<Outcome>> futures = new ArrayList<>();
      try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
        for (ClaimedEffect c : claimed) {
          futures.add(threads.submit(() -> carryOut(c)));
        }
      } // close() waits for every effect: only then are their outcomes there to read
      for (Future<Outcome> f : futures) {
        outcomes.add(f.resultNow());
      }
    }
    int takenOver = 0;
    for (int i = 0; i < claimed.size(); i++) {
      if (claimed.get(i).takenOver()) {
        takenOver++;
        metrics.outbox("taken_over");
      }
      counts[outcomes.get(i).ordinal()]++;
    }
    return new Round(
        claimed.size(),
        counts[Outcome.DONE.ordinal()],
        counts[Outcome.RETRIED.ordinal()],
        counts[Outcome.FAILED.ordinal()],
        takenOver);
  }

  /**
   * Drains one round, then more until nothing is due or {@code budget} is spent; answers the
   * effects done.
   */
  public int drainFor(String holder, int max, Duration budget) {
    Instant end = clock.instant().plus(budget);
    int done = 0;
    Round round;
    do {
      round = drainOnce(holder, max);
      done += round.done();
    } while (round.claimed() > 0
        && round.done() + round.failed() > 0
        && clock.instant().isBefore(end));
    return done;
  }

  private enum Outcome {
    DONE,
    RETRIED,
    FAILED,
    LOST
  }

  private Outcome carryOut(ClaimedEffect c) {
    try {
      if (c.attempts() >= MAX_ATTEMPTS) {
        outbox.fail(c, "claimed " + c.attempts() + " times without finishing");
        metrics.outbox("failed");
        LOG.log(Level.WARNING, "gave up deferred effect {0} in {1}", c.effect().key(), lane(c));
        return Outcome.FAILED;
      }
      List<Decision> decisions;
      try {
        decisions = DecisionCodec.decode(c.effect().payload());
      } catch (RuntimeException e) {
        outbox.fail(c, "unreadable: " + e.getMessage());
        metrics.outbox("failed");
        return Outcome.FAILED;
      }
      DecisionExecutor.Resumed resumed =
          executor.resume(
              decisions,
              c.headStarted(),
              lane(c),
              "e" + c.id() + ":",
              (remaining, started) -> outbox.progress(c, DecisionCodec.encode(remaining), started));
      if (resumed.leaseLost()) {
        return Outcome.LOST;
      }
      if (resumed.done()) {
        outbox.complete(c);
        metrics.outbox("drained");
        return Outcome.DONE;
      }
      outbox.release(c, DecisionCodec.encode(resumed.remaining()), resumed.retryAt().orElseThrow());
      metrics.outbox("retried");
      return Outcome.RETRIED;
    } catch (RuntimeException e) {
      // A failure that is not a wait (a refusal nobody expects, storage down): try again later.
      LOG.log(Level.WARNING, "deferred effect " + c.effect().key() + " failed; retrying", e);
      try {
        outbox.release(c, c.effect().payload(), clock.instant().plusSeconds(5));
      } catch (RuntimeException releaseFailed) {
        e.addSuppressed(releaseFailed); // its lease runs out; another round takes it over
      }
      metrics.outbox("retried");
      return Outcome.RETRIED;
    }
  }

  private static String lane(ClaimedEffect c) {
    return c.effect().lane();
  }

  private void purgeNow(Instant now) {
    if (now.isBefore(nextPurge)) {
      return;
    }
    nextPurge = now.plus(PURGE_INTERVAL);
    try {
      outbox.purge(now.minus(RETENTION));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not purge the effect outbox", e);
    }
  }
}
