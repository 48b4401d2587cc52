package dev.gmbot.testkit.fake;

import dev.gmbot.port.out.ConversationRepository;
import dev.gmbot.testkit.contract.ConversationRepositoryContract;

class FakeConversationRepositoryContractTest extends ConversationRepositoryContract {
  @Override
  protected ConversationRepository newRepository() {
    return new InMemoryRepositories().conversations();
  }

  @Override
  protected ConversationRepository newUnavailableRepository() {
    InMemoryRepositories down = new InMemoryRepositories();
    down.setUnavailable(true);
    return down.conversations();
  }
}
