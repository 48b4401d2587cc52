package dev.gmbot.adapter.redis.local;

import dev.gmbot.port.out.LeaseStore;
import dev.gmbot.testkit.contract.LeaseStoreContract;
import dev.gmbot.testkit.fake.MutableClock;

class LocalLeaseStoreTest extends LeaseStoreContract {
  @Override
  protected LeaseStore createStore(MutableClock clock) {
    return new LocalLeaseStore(clock);
  }
}
