package dev.gmbot.adapter.postgres;

class H2HotPathRepositoriesTest extends HotPathRepositoriesBehaviour {
  @Override
  PersistenceConfig config() {
    return TestDatabases.h2();
  }
}
