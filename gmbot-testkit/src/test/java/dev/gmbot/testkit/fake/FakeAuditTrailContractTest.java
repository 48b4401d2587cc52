package dev.gmbot.testkit.fake;

import dev.gmbot.testkit.contract.AuditTrailContract;
import dev.gmbot.testkit.contract.RepositoryStore;

class FakeAuditTrailContractTest extends AuditTrailContract {
  @Override
  protected RepositoryStore newStore() {
    return FakeStores.of(new InMemoryRepositories());
  }

  @Override
  protected RepositoryStore newUnavailableStore() {
    InMemoryRepositories down = new InMemoryRepositories();
    down.setUnavailable(true);
    return FakeStores.of(down);
  }
}
