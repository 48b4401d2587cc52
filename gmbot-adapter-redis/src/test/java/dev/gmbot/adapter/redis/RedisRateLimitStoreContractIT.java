package dev.gmbot.adapter.redis;

import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.RateLimitStore;
import dev.gmbot.testkit.contract.RateLimitStoreContract;
import dev.gmbot.testkit.fake.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;

/** The Redis meters against the shared RateLimitStore contract, on a real Redis. */
class RedisRateLimitStoreContractIT extends RateLimitStoreContract {
  private final List<SharedState> opened = new ArrayList<>();
  private final List<RedisConfig> configs = new ArrayList<>();
  private final RefusingRateLimitStore fallback = new RefusingRateLimitStore();

  @Override
  protected RateLimitStore newStore() {
    RedisConfig config = TestRedis.config();
    configs.add(config);
    SharedState state =
        SharedState.redis(
            config,
            new MutableClock(Instant.parse("2026-03-01T12:00:00Z")),
            GuardMetrics.NONE,
            fallback);
    opened.add(state);
    return state.rateLimitStore();
  }

  @AfterEach
  void closeAndClean() {
    opened.forEach(SharedState::close);
    configs.forEach(TestRedis::cleanUp);
    Assertions.assertThat(fallback.asked).as("decisions served by the fallback").hasValue(0);
  }
}
