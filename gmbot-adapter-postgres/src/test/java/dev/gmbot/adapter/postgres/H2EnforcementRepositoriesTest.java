package dev.gmbot.adapter.postgres;

class H2EnforcementRepositoriesTest extends EnforcementRepositoriesBehaviour {
  @Override
  PersistenceConfig config() {
    return TestDatabases.h2();
  }
}
