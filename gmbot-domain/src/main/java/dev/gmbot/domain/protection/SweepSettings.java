package dev.gmbot.domain.protection;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the background sweeps over members (ADR 0024).
 *
 * @param checksPerSecond the bot's P2 budget, shared with the other background calls: a check of a
 *     group with k channels is k calls ({@code GMBOT_SWEEP_CHECKS})
 * @param activeWindow a member seen within it is "active" and verified in the off-peak hours
 *     ({@code GMBOT_ACTIVE_MEMBER_WINDOW})
 * @param interval the pause between two reconciliation runs of a group ({@code
 *     GMBOT_SWEEP_INTERVAL})
 */
public record SweepSettings(int checksPerSecond, Duration activeWindow, Duration interval) {
  public static final int MIN_CHECKS = 1;
  public static final int MAX_CHECKS = 1_000;

  public static final SweepSettings DEFAULTS =
      new SweepSettings(5, Duration.ofDays(30), Duration.ofHours(1));

  public SweepSettings {
    if (checksPerSecond < MIN_CHECKS || checksPerSecond > MAX_CHECKS) {
      throw new IllegalArgumentException(
          "checksPerSecond is " + MIN_CHECKS + "-" + MAX_CHECKS + ", got " + checksPerSecond);
    }
    Objects.requireNonNull(activeWindow, "activeWindow");
    Objects.requireNonNull(interval, "interval");
    if (!activeWindow.isPositive() || !interval.isPositive()) {
      throw new IllegalArgumentException("activeWindow and interval are positive");
    }
  }

  /** Members checked at once by one sweep: enough to use the budget at Telegram's latency. */
  int parallelism() {
    return Math.max(1, Math.min(8, checksPerSecond / 4));
  }
}
