package dev.gmbot.adapter.postgres;

import dev.gmbot.testkit.contract.AuditTrailContract;
import dev.gmbot.testkit.contract.ChannelRepositoryContract;
import dev.gmbot.testkit.contract.GroupRepositoryContract;
import dev.gmbot.testkit.contract.MemberRepositoryContract;
import dev.gmbot.testkit.contract.OwnerRepositoryContract;
import dev.gmbot.testkit.contract.PromptRepositoryContract;
import dev.gmbot.testkit.contract.RepositoryStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The repository contracts against PostgreSQL (GMBOT_TEST_DATABASE_URL, a random schema) (one
 * migrated database, emptied before each test).
 */
class PostgresRepositoriesIT {
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

  private static RepositoryStore fresh() {
    TestDatabases.clear(db);
    return TestDatabases.store(db);
  }

  private static RepositoryStore down() {
    return TestDatabases.closedStore(db);
  }

  @Nested
  class Groups extends GroupRepositoryContract {
    @Override
    protected RepositoryStore newStore() {
      return fresh();
    }

    @Override
    protected RepositoryStore newUnavailableStore() {
      return down();
    }
  }

  @Nested
  class Channels extends ChannelRepositoryContract {
    @Override
    protected RepositoryStore newStore() {
      return fresh();
    }

    @Override
    protected RepositoryStore newUnavailableStore() {
      return down();
    }
  }

  @Nested
  class Owners extends OwnerRepositoryContract {
    @Override
    protected RepositoryStore newStore() {
      return fresh();
    }

    @Override
    protected RepositoryStore newUnavailableStore() {
      return down();
    }
  }

  @Nested
  class Members extends MemberRepositoryContract {
    @Override
    protected RepositoryStore newStore() {
      return fresh();
    }

    @Override
    protected RepositoryStore newUnavailableStore() {
      return down();
    }
  }

  @Nested
  class Prompts extends PromptRepositoryContract {
    @Override
    protected RepositoryStore newStore() {
      return fresh();
    }

    @Override
    protected RepositoryStore newUnavailableStore() {
      return down();
    }
  }

  @Nested
  class Audit extends AuditTrailContract {
    @Override
    protected RepositoryStore newStore() {
      return fresh();
    }

    @Override
    protected RepositoryStore newUnavailableStore() {
      return down();
    }
  }
}
