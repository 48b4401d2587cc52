package dev.gmbot.testkit.simulator;

import java.time.Duration;
import java.util.SplittableRandom;

/** How long the simulator waits before answering a request. */
@FunctionalInterface
public interface Latency {
  /** The delay for one call of {@code method}. */
  Duration next(String method);

  static Latency none() {
    return method -> Duration.ZERO;
  }

  static Latency fixed(Duration delay) {
    return method -> delay;
  }

  /** Uniformly distributed in [min, max], reproducible for a seed. */
  static Latency uniform(Duration min, Duration max, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long span = max.toNanos() - min.toNanos();
    return method -> {
      long r;
      synchronized (random) {
        r = span <= 0 ? 0 : random.nextLong(span + 1);
      }
      return min.plusNanos(r);
    };
  }

  /** Log-normal-ish: median {@code median}, occasionally up to {@code tail} (1 in {@code 1/p}). */
  static Latency withTail(Duration median, Duration tail, double p, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return method -> {
      double x;
      synchronized (random) {
        x = random.nextDouble();
      }
      return x < p ? tail : median;
    };
  }
}
