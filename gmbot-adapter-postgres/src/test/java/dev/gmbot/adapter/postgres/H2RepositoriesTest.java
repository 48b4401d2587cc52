package dev.gmbot.adapter.postgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The repository contracts against H2 in memory (PostgreSQL mode). */
class H2RepositoriesTest extends RepositoryContractSuite {
  private static Database db;

  @BeforeAll
  static void openDatabase() {
    db = Database.connect(TestDatabases.h2());
    db.migrate();
  }

  @AfterAll
  static void dropDatabase() {
    if (db != null) {
      TestDatabases.dispose(db);
    }
  }

  @Override
  protected Database database() {
    return db;
  }
}
