package dev.gmbot.adapter.postgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The repository contracts against PostgreSQL ({@code GMBOT_TEST_DATABASE_URL}, a random schema).
 */
class PostgresRepositoriesIT extends RepositoryContractSuite {
  private static Database db;

  @BeforeAll
  static void openDatabase() {
    db = Database.connect(TestDatabases.postgres());
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
