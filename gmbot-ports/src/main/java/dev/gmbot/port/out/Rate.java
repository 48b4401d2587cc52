package dev.gmbot.port.out;

import java.time.Duration;
import java.util.Objects;

/**
 * A rate for the generic cell rate algorithm (GCRA): {@code permits} per {@code period}, one permit
 * every {@code period / permits} on average, with up to {@code burst} permits at once. With {@code
 * burst == 1} no window of length {@code period} ever holds more than {@code permits} grants.
 */
public record Rate(int permits, Duration period, int burst) {
  public Rate {
    Objects.requireNonNull(period, "period");
    if (permits < 1) {
      throw new IllegalArgumentException("a rate allows at least one permit");
    }
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("a rate's period is positive");
    }
    if (burst < 1 || burst > permits) {
      throw new IllegalArgumentException("burst is between 1 and permits, got " + burst);
    }
  }

  public static Rate perSecond(int permits) {
    return new Rate(permits, Duration.ofSeconds(1), 1);
  }

  public static Rate perMinute(int permits) {
    return new Rate(permits, Duration.ofMinutes(1), 1);
  }

  /** Time between two permits on average. */
  public Duration emissionInterval() {
    return period.dividedBy(permits);
  }
}
