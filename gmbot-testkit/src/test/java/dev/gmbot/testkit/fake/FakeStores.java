package dev.gmbot.testkit.fake;

import dev.gmbot.testkit.contract.RepositoryStore;

final class FakeStores {
  private FakeStores() {}

  static RepositoryStore of(InMemoryRepositories repositories) {
    return new RepositoryStore(
        repositories.groups(),
        repositories.channels(),
        repositories.owners(),
        repositories.members(),
        repositories.prompts(),
        repositories.audit());
  }
}
