package dev.gmbot.adapter.postgres;

class PostgresDatabaseIT extends DatabaseBehaviour {
  @Override
  PersistenceConfig config() {
    return TestDatabases.postgres();
  }
}
