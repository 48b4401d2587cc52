package dev.gmbot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.out.Acquisition;
import dev.gmbot.port.out.Meter;
import dev.gmbot.port.out.Rate;
import dev.gmbot.port.out.RateLimitStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The semantics every {@link RateLimitStore} shares (GCRA meters, all-or-nothing decisions over
 * several meters, pauses that keep the longest end). Extend it with a factory for the
 * implementation under test. Keys are unique per test, so a shared server needs no cleanup. Rates
 * and instants are whole milliseconds, so a store with millisecond resolution passes too.
 */
public abstract class RateLimitStoreContract {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  /** A new store (or one whose keys cannot clash with the unique keys these tests use). */
  protected abstract RateLimitStore newStore();

  private RateLimitStore store;
  private String prefix;

  @BeforeEach
  void createStore() {
    store = newStore();
    prefix = "contract-" + UUID.randomUUID() + ":";
  }

  private Meter meter(String name, Rate rate) {
    return new Meter(prefix + name, rate);
  }

  private static Instant at(long millis) {
    return T0.plusMillis(millis);
  }

  @Test
  void grantsOnePermitPerEmissionInterval() {
    Meter tenPerSecond = meter("a", Rate.perSecond(10));
    for (int i = 0; i < 20; i++) {
      assertThat(store.tryAcquire(List.of(tenPerSecond), at(i * 100L)).granted())
          .as("permit %d at %d ms", i, i * 100)
          .isTrue();
    }
  }

  @Test
  void refusesBeyondTheRateAndAnswersWhenThePermitComes() {
    Meter tenPerSecond = meter("a", Rate.perSecond(10));
    assertThat(store.tryAcquire(List.of(tenPerSecond), at(0)).granted()).isTrue();

    Acquisition refused = store.tryAcquire(List.of(tenPerSecond), at(30));

    assertThat(refused.granted()).isFalse();
    assertThat(refused.retryAt()).isEqualTo(at(100));
    assertThat(store.tryAcquire(List.of(tenPerSecond), at(99)).granted()).isFalse();
    assertThat(store.tryAcquire(List.of(tenPerSecond), at(100)).granted()).isTrue();
  }

  @Test
  void aGrantAnswersNow() {
    Acquisition granted = store.tryAcquire(List.of(meter("a", Rate.perSecond(5))), at(7));

    assertThat(granted).isEqualTo(Acquisition.grantedAt(at(7)));
  }

  @Test
  void refusalTakesNothingFromAnyMeter() {
    Meter fast = meter("fast", Rate.perSecond(10));
    Meter slow = meter("slow", Rate.perSecond(1));
    assertThat(store.tryAcquire(List.of(fast, slow), at(0)).granted()).isTrue();

    Acquisition refused = store.tryAcquire(List.of(fast, slow), at(100));

    assertThat(refused.granted()).isFalse();
    assertThat(refused.retryAt()).as("the latest meter decides").isEqualTo(at(1000));
    // The refused decision did not consume the fast meter's permit at 100 ms.
    assertThat(store.tryAcquire(List.of(fast), at(100)).granted()).isTrue();
    assertThat(store.tryAcquire(List.of(fast), at(150)).retryAt()).isEqualTo(at(200));
  }

  @Test
  void answersTheInstantWhenEveryMeterHasAPermit() {
    Meter fast = meter("fast", Rate.perSecond(10));
    Meter slow = meter("slow", Rate.perSecond(2));
    assertThat(store.tryAcquire(List.of(slow), at(0)).granted()).isTrue();
    assertThat(store.tryAcquire(List.of(fast), at(0)).granted()).isTrue();

    assertThat(store.tryAcquire(List.of(fast, slow), at(10)).retryAt()).isEqualTo(at(500));
    assertThat(store.tryAcquire(List.of(slow, fast), at(10)).retryAt()).isEqualTo(at(500));
  }

  @Test
  void metersWithDifferentKeysAreIndependent() {
    Rate oncePerSecond = Rate.perSecond(1);
    assertThat(store.tryAcquire(List.of(meter("x", oncePerSecond)), at(0)).granted()).isTrue();
    assertThat(store.tryAcquire(List.of(meter("y", oncePerSecond)), at(0)).granted()).isTrue();
    assertThat(store.tryAcquire(List.of(meter("x", oncePerSecond)), at(0)).granted()).isFalse();
  }

  @Test
  void burstAllowsThatManyPermitsAtOnceThenTheRate() {
    Meter bursty = meter("b", new Rate(10, Duration.ofSeconds(1), 3));
    for (int i = 0; i < 3; i++) {
      assertThat(store.tryAcquire(List.of(bursty), at(0)).granted()).as("burst %d", i).isTrue();
    }
    Acquisition fourth = store.tryAcquire(List.of(bursty), at(0));
    assertThat(fourth.granted()).isFalse();
    assertThat(fourth.retryAt()).isEqualTo(at(100));
    assertThat(store.tryAcquire(List.of(bursty), at(100)).granted()).isTrue();
    assertThat(store.tryAcquire(List.of(bursty), at(150)).granted()).isFalse();
  }

  @Test
  void burstRefillsAfterIdleTimeButNeverBeyondBurst() {
    Meter bursty = meter("b", new Rate(10, Duration.ofSeconds(1), 3));
    for (int i = 0; i < 3; i++) {
      store.tryAcquire(List.of(bursty), at(0));
    }
    // Long idle: the burst is back, but only burst permits, not one per idle interval.
    int granted = 0;
    for (int i = 0; i < 10; i++) {
      if (store.tryAcquire(List.of(bursty), at(10_000)).granted()) {
        granted++;
      }
    }
    assertThat(granted).isEqualTo(3);
  }

  @Test
  void withoutBurstNoWindowOfOnePeriodHoldsMoreThanPermits() {
    Meter meter = meter("w", Rate.perMinute(20));
    List<Long> grants = new ArrayList<>();
    for (long ms = 0; ms < 180_000; ms += 250) {
      if (store.tryAcquire(List.of(meter), at(ms)).granted()) {
        grants.add(ms);
      }
    }
    assertThat(grants).hasSize(60);
    for (int i = 20; i < grants.size(); i++) {
      assertThat(grants.get(i) - grants.get(i - 20)).isGreaterThanOrEqualTo(60_000);
    }
  }

  @Test
  void concurrentDecisionsNeverGrantMoreThanTheBurst() throws Exception {
    Meter meter = meter("c", new Rate(100, Duration.ofSeconds(1), 10));
    Callable<Boolean> attempt = () -> store.tryAcquire(List.of(meter), at(0)).granted();
    List<Callable<Boolean>> attempts = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      attempts.add(attempt);
    }
    int granted = 0;
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (Future<Boolean> result : pool.invokeAll(attempts)) {
        if (result.get()) {
          granted++;
        }
      }
    }
    assertThat(granted).isEqualTo(10);
  }

  @Test
  void anUnknownScopeIsNotPaused() {
    assertThat(store.pausedUntil(prefix + "never", at(0))).isEmpty();
  }

  @Test
  void aPauseLastsUntilItsEnd() {
    store.pause(prefix + "chat:-100", at(5_000));

    assertThat(store.pausedUntil(prefix + "chat:-100", at(0))).contains(at(5_000));
    assertThat(store.pausedUntil(prefix + "chat:-100", at(4_999))).contains(at(5_000));
    assertThat(store.pausedUntil(prefix + "chat:-100", at(5_000))).isEmpty();
    assertThat(store.pausedUntil(prefix + "chat:-100", at(6_000))).isEmpty();
    assertThat(store.pausedUntil(prefix + "chat:-200", at(0))).isEmpty();
  }

  @Test
  void aPauseKeepsTheLongestEnd() {
    String scope = prefix + "global";
    store.pause(scope, at(5_000));
    store.pause(scope, at(2_000));
    assertThat(store.pausedUntil(scope, at(0))).contains(at(5_000));

    store.pause(scope, at(8_000));
    assertThat(store.pausedUntil(scope, at(0))).contains(at(8_000));
  }

  @Test
  void aScopeCanBePausedAgainAfterItsPauseEnded() {
    String scope = prefix + "chat:7";
    store.pause(scope, at(1_000));
    assertThat(store.pausedUntil(scope, at(2_000))).isEmpty();

    store.pause(scope, at(3_000));

    assertThat(store.pausedUntil(scope, at(2_000))).contains(at(3_000));
  }
}
