package dev.gmbot.adapter.redis.local;

import dev.gmbot.port.out.AdministratorCache;
import dev.gmbot.testkit.contract.AdministratorCacheContract;
import dev.gmbot.testkit.fake.MutableClock;

class LocalAdministratorCacheTest extends AdministratorCacheContract {
  @Override
  protected AdministratorCache createCache(MutableClock clock) {
    return new LocalAdministratorCache(clock);
  }
}
