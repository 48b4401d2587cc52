package dev.gmbot.adapter.redis;

import dev.gmbot.port.out.AdministratorCache;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.LeaseStore;
import dev.gmbot.port.out.MembershipCache;
import dev.gmbot.port.out.UpdateLog;
import dev.gmbot.testkit.contract.AdministratorCacheContract;
import dev.gmbot.testkit.contract.LeaseStoreContract;
import dev.gmbot.testkit.contract.MembershipCacheContract;
import dev.gmbot.testkit.contract.UpdateLogContract;
import dev.gmbot.testkit.fake.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** The Redis ports against the port contracts, on a real Redis. */
class RedisPortsIT {
  /** One SharedState per test, under its own key prefix, cleaned up afterwards. */
  static final class OnRedis {
    RedisConfig config;
    SharedState state;

    SharedState open(MutableClock clock) {
      config = TestRedis.config();
      state = SharedState.redis(config, clock, GuardMetrics.NONE, new RefusingRateLimitStore());
      return state;
    }

    void closeAndClean() {
      if (state != null) {
        state.close();
        TestRedis.cleanUp(config);
      }
    }
  }

  @Nested
  class MembershipCacheIT extends MembershipCacheContract {
    private final OnRedis redis = new OnRedis();

    @Override
    protected MembershipCache createCache(MutableClock clock) {
      return redis.open(clock).membershipCache();
    }

    @AfterEach
    void cleanUp() {
      redis.closeAndClean();
    }
  }

  @Nested
  class AdministratorCacheIT extends AdministratorCacheContract {
    private final OnRedis redis = new OnRedis();

    @Override
    protected AdministratorCache createCache(MutableClock clock) {
      return redis.open(clock).administratorCache();
    }

    @AfterEach
    void cleanUp() {
      redis.closeAndClean();
    }
  }

  @Nested
  class UpdateLogIT extends UpdateLogContract {
    private final OnRedis redis = new OnRedis();

    @Override
    protected UpdateLog createLog(MutableClock clock) {
      return redis.open(clock).updateLog();
    }

    @AfterEach
    void cleanUp() {
      redis.closeAndClean();
    }
  }

  @Nested
  class LeaseStoreIT extends LeaseStoreContract {
    private final OnRedis redis = new OnRedis();

    @Override
    protected LeaseStore createStore(MutableClock clock) {
      return redis.open(clock).leaseStore();
    }

    @AfterEach
    void cleanUp() {
      redis.closeAndClean();
    }
  }
}
