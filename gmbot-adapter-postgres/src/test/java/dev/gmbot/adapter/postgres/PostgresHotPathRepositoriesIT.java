package dev.gmbot.adapter.postgres;

class PostgresHotPathRepositoriesIT extends HotPathRepositoriesBehaviour {
  @Override
  PersistenceConfig config() {
    return TestDatabases.postgres();
  }
}
