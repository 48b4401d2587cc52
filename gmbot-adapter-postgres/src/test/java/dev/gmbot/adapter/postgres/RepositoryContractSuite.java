package dev.gmbot.adapter.postgres;

import dev.gmbot.port.out.ConversationRepository;
import dev.gmbot.port.out.DailyStatistics;
import dev.gmbot.port.out.EffectOutbox;
import dev.gmbot.port.out.MemberSweeps;
import dev.gmbot.port.out.PendingJoinRequests;
import dev.gmbot.testkit.contract.AuditTrailContract;
import dev.gmbot.testkit.contract.ChannelRepositoryContract;
import dev.gmbot.testkit.contract.ConversationRepositoryContract;
import dev.gmbot.testkit.contract.DailyStatisticsContract;
import dev.gmbot.testkit.contract.EffectOutboxContract;
import dev.gmbot.testkit.contract.GroupRepositoryContract;
import dev.gmbot.testkit.contract.MemberRepositoryContract;
import dev.gmbot.testkit.contract.MemberSweepsContract;
import dev.gmbot.testkit.contract.OwnerRepositoryContract;
import dev.gmbot.testkit.contract.PendingJoinRequestsContract;
import dev.gmbot.testkit.contract.PromptRepositoryContract;
import dev.gmbot.testkit.contract.RepositoryStore;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;

/**
 * Every repository contract of the testkit, run against one migrated database that is emptied
 * before each test. Subclasses say which database.
 */
abstract class RepositoryContractSuite {
  /** The migrated database the contracts run against. */
  protected abstract Database database();

  private RepositoryStore fresh() {
    TestDatabases.clear(database());
    return TestDatabases.store(database());
  }

  private RepositoryStore down() {
    return TestDatabases.closedStore(database());
  }

  /** The conversations live beside the repository store (their contract stands alone). */
  private Database freshDatabase() {
    TestDatabases.clear(database());
    return database();
  }

  private Database closedDatabase() {
    return TestDatabases.closedDatabase(database());
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
  class Sweeps extends MemberSweepsContract {
    @Override
    protected RepositoryStore newStore() {
      return fresh();
    }

    @Override
    protected RepositoryStore newUnavailableStore() {
      return down();
    }

    @Override
    protected MemberSweeps sweeps() {
      return database().sweeps();
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

  @Nested
  class Statistics extends DailyStatisticsContract {
    @Override
    protected DailyStatistics newStatistics() {
      return freshDatabase().dailyStatistics();
    }
  }

  @Nested
  class Conversations extends ConversationRepositoryContract {
    @Override
    protected ConversationRepository newRepository() {
      return freshDatabase().conversations();
    }

    @Override
    protected ConversationRepository newUnavailableRepository() {
      return closedDatabase().conversations();
    }
  }

  @Nested
  class Outbox extends EffectOutboxContract {
    @Override
    protected EffectOutbox newOutbox() {
      Database db = freshDatabase();
      return new JdbiEffectOutbox(Jdbi.create(db.dataSource()), clock);
    }
  }

  @Nested
  class JoinRequests extends PendingJoinRequestsContract {
    @Override
    protected PendingJoinRequests newRequests() {
      return freshDatabase().joinRequests();
    }
  }
}
