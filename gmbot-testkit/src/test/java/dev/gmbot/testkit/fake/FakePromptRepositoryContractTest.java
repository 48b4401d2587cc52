package dev.gmbot.testkit.fake;

import dev.gmbot.testkit.contract.PromptRepositoryContract;
import dev.gmbot.testkit.contract.RepositoryStore;

class FakePromptRepositoryContractTest extends PromptRepositoryContract {
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
