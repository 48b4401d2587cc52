package dev.gmbot.testkit.fake;

import dev.gmbot.port.out.LeaseStore;
import dev.gmbot.testkit.contract.LeaseStoreContract;

class InMemoryLeaseStoreTest extends LeaseStoreContract {
  @Override
  protected LeaseStore createStore(MutableClock clock) {
    return new InMemoryLeaseStore(clock);
  }
}
