package dev.gmbot.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an update found in progress elsewhere is waited for before it is refused (ADR 0095). Two
 * instances that get the same update at the same moment race for its claim; the one that loses
 * polls the update log for a short while: once the winner has completed the update it is a
 * duplicate (acknowledged), when the winner gave it up (its handling failed) this one claims and
 * handles it, and only when the winner is still busy after the bound is the update refused "in
 * progress" (the transport answers 503 and Telegram delivers it again later).
 *
 * @param bound the longest wait in total; {@link Duration#ZERO} refuses at once (as before)
 * @param sleeper how a pause is waited for (a fake in tests: no real time passes)
 */
public record ClaimWait(Duration bound, Sleeper sleeper) {
  /**
   * The default bound: the longest ordinary handling (a join: a membership check, a mute, a prompt)
   * takes well under a second; Telegram waits far longer for a webhook answer.
   */
  public static final Duration DEFAULT_BOUND = Duration.ofSeconds(2);

  /** The longest bound {@code GMBOT_CLAIM_WAIT} accepts. */
  public static final Duration MAX_BOUND = Duration.ofSeconds(10);

  /** The first pause; each next one is twice as long, up to {@link #MAX_PAUSE}. */
  static final Duration FIRST_PAUSE = Duration.ofMillis(20);

  static final Duration MAX_PAUSE = Duration.ofMillis(200);

  /** Waits for a pause to pass. */
  @FunctionalInterface
  public interface Sleeper {
    Sleeper REAL = Thread::sleep;

    void sleep(Duration pause) throws InterruptedException;
  }

  public static final ClaimWait DEFAULTS = new ClaimWait(DEFAULT_BOUND, Sleeper.REAL);

  /** Refuses an update in progress at once, without waiting. */
  public static final ClaimWait NONE = new ClaimWait(Duration.ZERO, Sleeper.REAL);

  public ClaimWait {
    Objects.requireNonNull(bound, "bound");
    Objects.requireNonNull(sleeper, "sleeper");
    if (bound.isNegative() || bound.compareTo(MAX_BOUND) > 0) {
      throw new IllegalArgumentException("the claim wait is 0 to " + MAX_BOUND + ", got " + bound);
    }
  }

  /** The pause after {@code previous} (null: the first), never past what is left of the bound. */
  Duration nextPause(Duration previous, Duration waited) {
    Duration pause = previous == null ? FIRST_PAUSE : previous.multipliedBy(2);
    if (pause.compareTo(MAX_PAUSE) > 0) {
      pause = MAX_PAUSE;
    }
    Duration left = bound.minus(waited);
    return pause.compareTo(left) > 0 ? left : pause;
  }
}
