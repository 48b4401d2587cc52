package dev.gmbot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.out.Acquisition;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.Meter;
import dev.gmbot.port.out.Rate;
import dev.gmbot.port.out.RateLimitStore;
import dev.gmbot.testkit.fake.MutableClock;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GCRA script and pauses, against the RateLimitStore javadoc, on a real Redis. */
class RedisRateLimitStoreIT {
  private final MutableClock clock = MutableClock.atEpochOfTests();
  private final Instant t0 = clock.instant();
  private final RefusingRateLimitStore fallback = new RefusingRateLimitStore();
  private RedisConfig config;
  private SharedState state;
  private RateLimitStore store;

  @BeforeEach
  void open() {
    config = TestRedis.config();
    state = SharedState.redis(config, clock, GuardMetrics.NONE, fallback);
    store = state.rateLimitStore();
  }

  @AfterEach
  void close() {
    if (state == null) {
      return; // skipped: no Redis
    }
    state.close();
    TestRedis.cleanUp(config);
    assertThat(fallback.asked).as("decisions served by the fallback").hasValue(0);
  }

  private static Meter meter(String key, Rate rate) {
    return new Meter(key, rate);
  }

  @Test
  void grantsAtTheRateAndAnswersWhenTheNextPermitComes() {
    List<Meter> twoPerSecond = List.of(meter("global", Rate.perSecond(2)));

    assertThat(store.tryAcquire(twoPerSecond, t0)).isEqualTo(Acquisition.grantedAt(t0));
    assertThat(store.tryAcquire(twoPerSecond, t0.plusMillis(100)))
        .isEqualTo(Acquisition.refusedUntil(t0.plusMillis(500)));
    assertThat(store.tryAcquire(twoPerSecond, t0.plusMillis(500)).granted()).isTrue();
    assertThat(store.tryAcquire(twoPerSecond, t0.plusMillis(999)))
        .isEqualTo(Acquisition.refusedUntil(t0.plusMillis(1000)));
  }

  @Test
  void aBurstIsGrantedAtOnceThenTheRateApplies() {
    List<Meter> burst = List.of(meter("chat:-100", new Rate(10, Duration.ofSeconds(1), 5)));

    for (int i = 0; i < 5; i++) {
      assertThat(store.tryAcquire(burst, t0).granted()).as("grant %d", i).isTrue();
    }
    assertThat(store.tryAcquire(burst, t0)).isEqualTo(Acquisition.refusedUntil(t0.plusMillis(100)));
    assertThat(store.tryAcquire(burst, t0.plusMillis(100)).granted()).isTrue();
  }

  @Test
  void takesFromEveryMeterOrFromNone() {
    Meter slow = meter("chat:-1", Rate.perSecond(1));
    Meter fast = meter("global", Rate.perSecond(10));
    assertThat(store.tryAcquire(List.of(slow), t0).granted()).isTrue();

    assertThat(store.tryAcquire(List.of(fast, slow), t0))
        .isEqualTo(Acquisition.refusedUntil(t0.plusSeconds(1)));

    // The refused call took nothing from the fast meter: it still has its first permit.
    assertThat(store.tryAcquire(List.of(fast), t0).granted()).isTrue();
    assertThat(store.tryAcquire(List.of(fast), t0))
        .isEqualTo(Acquisition.refusedUntil(t0.plusMillis(100)));
  }

  @Test
  void refusesUntilTheLatestOfTheMetersThatLack() {
    Meter a = meter("a", Rate.perSecond(4));
    Meter b = meter("b", Rate.perSecond(2));
    Meter c = meter("c", Rate.perSecond(100));
    store.tryAcquire(List.of(a, b), t0);

    assertThat(store.tryAcquire(List.of(a, c, b), t0.plusMillis(10)))
        .isEqualTo(Acquisition.refusedUntil(t0.plusMillis(500)));
  }

  @Test
  void neverGrantsMoreThanThePermitsInAnyWindowWhenTheIntervalIsNotWholeMicroseconds() {
    assertThat(RedisRateLimitStore.emissionMicros(Rate.perSecond(30))).isEqualTo(33_334);
    List<Meter> thirty = List.of(meter("global", Rate.perSecond(30)));
    int granted = 0;
    // Ask again exactly when told to, for one second: only 30 grants fit in [t0, t0 + 1 s).
    Instant now = t0;
    while (now.isBefore(t0.plusSeconds(1))) {
      Acquisition a = store.tryAcquire(thirty, now);
      if (a.granted()) {
        granted++;
      } else {
        now = a.retryAt();
      }
    }
    assertThat(granted).isEqualTo(30);
  }

  @Test
  void aMeterListedTwiceGivesTwoPermits() {
    Meter two = meter("chat:-5", new Rate(2, Duration.ofSeconds(1), 2));

    assertThat(store.tryAcquire(List.of(two, two), t0).granted()).isTrue();
    assertThat(store.tryAcquire(List.of(two), t0))
        .isEqualTo(Acquisition.refusedUntil(t0.plusMillis(500)));
  }

  @Test
  void aMeterOutlivesItsTatSoALaggingCallerStillFindsIt() {
    store.tryAcquire(List.of(meter("global", Rate.perSecond(25))), t0);

    RedisClient client = TestRedis.client(config);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      assertThat(c.sync().pttl(config.keyPrefix() + "rl:global"))
          .as("TTL in ms: 40 ms of TAT plus the slack")
          .isGreaterThan(RedisRateLimitStore.TAT_SLACK.toMillis() - 5_000);
    } finally {
      client.shutdown();
    }
  }

  @Test
  void anEmptyListOfMetersIsGranted() {
    assertThat(store.tryAcquire(List.of(), t0)).isEqualTo(Acquisition.grantedAt(t0));
  }

  @Test
  void keepsTheLongestPause() {
    store.pause("chat:-100", t0.plusSeconds(10));
    store.pause("chat:-100", t0.plusSeconds(5));

    assertThat(store.pausedUntil("chat:-100", t0)).contains(t0.plusSeconds(10));

    store.pause("chat:-100", t0.plusSeconds(20));

    assertThat(store.pausedUntil("chat:-100", t0.plusSeconds(15))).contains(t0.plusSeconds(20));
    assertThat(store.pausedUntil("chat:-100", t0.plusSeconds(20))).isEmpty();
    assertThat(store.pausedUntil("chat:-200", t0)).isEmpty();
  }
}
