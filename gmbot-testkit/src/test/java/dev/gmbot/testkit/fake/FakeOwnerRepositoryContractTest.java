package dev.gmbot.testkit.fake;

import dev.gmbot.testkit.contract.OwnerRepositoryContract;
import dev.gmbot.testkit.contract.RepositoryStore;

class FakeOwnerRepositoryContractTest extends OwnerRepositoryContract {
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
