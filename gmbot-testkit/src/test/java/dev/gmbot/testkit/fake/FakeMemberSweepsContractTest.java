package dev.gmbot.testkit.fake;

import dev.gmbot.port.out.MemberSweeps;
import dev.gmbot.testkit.contract.MemberSweepsContract;
import dev.gmbot.testkit.contract.RepositoryStore;

class FakeMemberSweepsContractTest extends MemberSweepsContract {
  private InMemoryRepositories repositories;

  @Override
  protected RepositoryStore newStore() {
    repositories = new InMemoryRepositories();
    return FakeStores.of(repositories);
  }

  @Override
  protected RepositoryStore newUnavailableStore() {
    InMemoryRepositories down = new InMemoryRepositories();
    down.setUnavailable(true);
    return FakeStores.of(down);
  }

  @Override
  protected MemberSweeps sweeps() {
    return repositories.sweeps();
  }
}
