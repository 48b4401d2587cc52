package dev.gmbot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.adapter.redis.local.LocalAdministratorCache;
import dev.gmbot.adapter.redis.local.LocalLeaseStore;
import dev.gmbot.adapter.redis.local.LocalMembershipCache;
import dev.gmbot.adapter.redis.local.LocalUpdateLog;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.Meter;
import dev.gmbot.port.out.Rate;
import dev.gmbot.testkit.fake.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedStateTest {
  private final MutableClock clock = MutableClock.atEpochOfTests();
  private final SimpleGcraStore localRates = new SimpleGcraStore();

  @Test
  void withoutRedisUrlEveryPortIsInProcess() {
    try (SharedState state =
        SharedState.fromEnvironment(Map.of(), clock, GuardMetrics.NONE, localRates)) {
      assertThat(state.shared()).isFalse();
      assertThat(state.membershipCache()).isInstanceOf(LocalMembershipCache.class);
      assertThat(state.administratorCache()).isInstanceOf(LocalAdministratorCache.class);
      assertThat(state.updateLog()).isInstanceOf(LocalUpdateLog.class);
      assertThat(state.leaseStore()).isInstanceOf(LocalLeaseStore.class);
      assertThat(state.rateLimitStore()).isSameAs(localRates);
      assertThat(state.health()).isEqualTo(SharedState.Health.IN_PROCESS);
    }
  }

  @Test
  void anUnreachableRedisIsReportedDownWithoutWaiting() {
    RedisConfig unreachable =
        RedisConfig.parse("redis://127.0.0.1:1").withConnectTimeout(Duration.ofMillis(100));
    try (SharedState state = SharedState.redis(unreachable, clock, GuardMetrics.NONE, localRates)) {
      assertThat(state.shared()).isTrue();
      assertThat(state.health()).isEqualTo(SharedState.Health.DOWN);
    }
  }

  @Test
  void shrinksEachRateToItsShareOfTheInstances() {
    RedisConfig config = RedisConfig.parse("redis://127.0.0.1:1").withExpectedInstances(3);
    try (RedisLink link = new RedisLink(config)) {
      RedisRateLimitStore store =
          new RedisRateLimitStore(link, localRates, clock, GuardMetrics.NONE);
      var meters =
          List.of(
              new Meter("global", Rate.perSecond(25)),
              new Meter("group:-1", Rate.perMinute(20)),
              new Meter("private:1", Rate.perSecond(1)),
              new Meter("burst", new Rate(30, Duration.ofSeconds(1), 9)));

      assertThat(store.shrink(meters))
          .extracting(m -> m.rate().permits() + "/" + m.rate().burst())
          .containsExactly("8/1", "6/1", "1/1", "10/3");
    }
  }
}
