package dev.gmbot.testkit.fake;

import dev.gmbot.port.out.PendingJoinRequests;
import dev.gmbot.testkit.contract.PendingJoinRequestsContract;

class FakePendingJoinRequestsContractTest extends PendingJoinRequestsContract {
  @Override
  protected PendingJoinRequests newRequests() {
    return new InMemoryRepositories().joinRequests();
  }
}
