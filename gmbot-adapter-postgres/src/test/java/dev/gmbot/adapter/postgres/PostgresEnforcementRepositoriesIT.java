package dev.gmbot.adapter.postgres;

class PostgresEnforcementRepositoriesIT extends EnforcementRepositoriesBehaviour {
  @Override
  PersistenceConfig config() {
    return TestDatabases.postgres();
  }
}
