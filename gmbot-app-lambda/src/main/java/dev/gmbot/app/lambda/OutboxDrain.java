package dev.gmbot.app.lambda;

import dev.gmbot.port.in.DrainEffectsUseCase;
import dev.gmbot.port.out.EffectOutbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The Lambda function's drain of the effect outbox (ADRs 0014, 0087, 0088). A container has no
 * thread of its own between invocations, so the outbox is drained in two places, both within the
 * invocation's time limit and both claiming with the outbox's lease, so that containers draining at
 * the same time never carry out one effect twice:
 *
 * <ul>
 *   <li>{@link #afterUpdate}: one round of effects due now, after the update's own effects and
 *       before the webhook answer (work after the answer may never run: Lambda freezes the
 *       container once the handler returns);
 *   <li>{@link #scheduled}: the scheduled handler's slices: everything due, then, while an effect
 *       falls due before the window ends, a sleep until it is due and another slice.
 * </ul>
 */
public final class OutboxDrain {
  /** An after-update round runs only with at least this much of the invocation left. */
  static final Duration AFTER_UPDATE_MIN_REMAINING = Duration.ofSeconds(5);

  /** What a scheduled run keeps of its time limit: returning, the metrics flush, slack. */
  static final Duration SCHEDULED_MARGIN = Duration.ofSeconds(5);

  /**
   * A scheduled run drains at most this long, whatever its time limit: the next run of the minutely
   * schedule takes over what falls due later.
   */
  static final Duration SCHEDULED_MAX_WINDOW = Duration.ofSeconds(50);

  /** Effects claimed per round by a scheduled run. */
  static final int SCHEDULED_ROUND = 16;

  /**
   * The longest sleep between slices: new effects that webhook containers record meanwhile are
   * looked at within this time.
   */
  static final Duration MAX_NAP = Duration.ofSeconds(1);

  /** The shortest sleep between slices (an effect due "now" that was not claimable yet). */
  static final Duration MIN_NAP = Duration.ofMillis(10);

  /** How the scheduled run waits for the next due effect (a test advances a clock instead). */
  @FunctionalInterface
  interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
  }

  private final DrainEffectsUseCase drain;
  private final EffectOutbox outbox;
  private final Clock clock;
  private final Sleeper sleeper;
  private final String holder;
  private final int afterUpdateMax;

  /**
   * @param holder this container's name as a lease holder
   * @param afterUpdateMax effects of one after-update round ({@code
   *     GMBOT_OUTBOX_DRAIN_AFTER_UPDATE}); 0: none
   */
  OutboxDrain(
      DrainEffectsUseCase drain,
      EffectOutbox outbox,
      Clock clock,
      Sleeper sleeper,
      String holder,
      int afterUpdateMax) {
    this.drain = Objects.requireNonNull(drain, "drain");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.holder = Objects.requireNonNull(holder, "holder");
    if (afterUpdateMax < 0) {
      throw new IllegalArgumentException("afterUpdateMax is not negative");
    }
    this.afterUpdateMax = afterUpdateMax;
  }

  /**
   * One round of due effects, up to {@code GMBOT_OUTBOX_DRAIN_AFTER_UPDATE}, unless the invocation
   * has less than {@link #AFTER_UPDATE_MIN_REMAINING} left. Effects that are not due yet (a meter,
   * a pause) are left to later invocations and the scheduled run: nothing here waits.
   *
   * @return the effects carried out to the end
   */
  public int afterUpdate(Duration remaining) {
    if (afterUpdateMax == 0
        || !outbox.enabled()
        || remaining.compareTo(AFTER_UPDATE_MIN_REMAINING) < 0) {
      return 0;
    }
    return drain.drainEffects(holder, afterUpdateMax, Duration.ZERO);
  }

  /**
   * Drains in slices for at most {@code remaining} minus {@link #SCHEDULED_MARGIN} (and at most
   * {@link #SCHEDULED_MAX_WINDOW}): each slice carries out what is due, then the run sleeps until
   * the next effect falls due ({@link EffectOutbox#nextDue}) while that is within the window. It
   * ends as soon as nothing pending falls due within the window: an empty outbox costs one query.
   *
   * @return the effects carried out to the end
   */
  public int scheduled(Duration remaining) {
    Duration window = remaining.minus(SCHEDULED_MARGIN);
    if (window.compareTo(SCHEDULED_MAX_WINDOW) > 0) {
      window = SCHEDULED_MAX_WINDOW;
    }
    if (!outbox.enabled() || window.isNegative() || window.isZero()) {
      return 0;
    }
    Instant end = clock.instant().plus(window);
    int done = 0;
    while (true) {
      Instant now = clock.instant();
      if (!now.isBefore(end)) {
        return done;
      }
      done += drain.drainEffects(holder, SCHEDULED_ROUND, Duration.between(now, end));
      now = clock.instant();
      Optional<Instant> next = outbox.nextDue(now);
      if (next.isEmpty() || !next.get().isBefore(end)) {
        return done;
      }
      Duration nap = Duration.between(now, next.get());
      if (nap.compareTo(MAX_NAP) > 0) {
        nap = MAX_NAP;
      } else if (nap.compareTo(MIN_NAP) < 0) {
        nap = MIN_NAP;
      }
      try {
        sleeper.sleep(nap);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return done;
      }
    }
  }
}
