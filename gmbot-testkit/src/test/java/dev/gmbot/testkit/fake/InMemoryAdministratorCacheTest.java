package dev.gmbot.testkit.fake;

import dev.gmbot.port.out.AdministratorCache;
import dev.gmbot.testkit.contract.AdministratorCacheContract;

class InMemoryAdministratorCacheTest extends AdministratorCacheContract {
  @Override
  protected AdministratorCache createCache(MutableClock clock) {
    return new InMemoryAdministratorCache(clock);
  }
}
