package dev.gmbot.testkit.fake;

import dev.gmbot.port.out.UpdateLog;
import dev.gmbot.testkit.contract.UpdateLogContract;

class InMemoryUpdateLogTest extends UpdateLogContract {
  @Override
  protected UpdateLog createLog(MutableClock clock) {
    return new InMemoryUpdateLog(clock);
  }
}
