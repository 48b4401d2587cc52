package dev.gmbot.testkit.fake;

import dev.gmbot.port.out.DailyStatistics;
import dev.gmbot.testkit.contract.DailyStatisticsContract;

class InMemoryDailyStatisticsContractTest extends DailyStatisticsContract {
  @Override
  protected DailyStatistics newStatistics() {
    return new InMemoryDailyStatistics();
  }
}
