package dev.gmbot.testkit.contract;

import static org.awaitility.Awaitility.await;

import dev.gmbot.testkit.fake.MutableClock;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Lets a TTL run out for implementations that expire on the injected clock (advanced at once) and
 * for backends that expire on their own real time, such as Redis (waited for, at most a few
 * seconds).
 */
final class Elapse {
  private Elapse() {}

  static void past(MutableClock clock, Duration ttl, Callable<Boolean> expired) {
    clock.advance(ttl.plusMillis(1));
    await()
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20))
        .atMost(Duration.ofSeconds(5))
        .until(expired);
  }
}
