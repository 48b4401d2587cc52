package dev.gmbot.adapter.redis.local;

import dev.gmbot.port.out.UpdateLog;
import dev.gmbot.testkit.contract.UpdateLogContract;
import dev.gmbot.testkit.fake.MutableClock;

class LocalUpdateLogTest extends UpdateLogContract {
  @Override
  protected UpdateLog createLog(MutableClock clock) {
    return new LocalUpdateLog(clock);
  }
}
