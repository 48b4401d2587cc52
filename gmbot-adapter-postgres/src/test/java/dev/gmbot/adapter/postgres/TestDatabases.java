package dev.gmbot.adapter.postgres;

import static org.junit.jupiter.api.Assertions.fail;

import dev.gmbot.testkit.contract.RepositoryStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases for tests: H2 in memory, and PostgreSQL at GMBOT_TEST_DATABASE_URL in its own schema.
 */
final class TestDatabases {
  static final String DEFAULT_PG_URL = "jdbc:postgresql://localhost:5432/test";

  private TestDatabases() {}

  /** A fresh, private H2 in-memory database in PostgreSQL mode. */
  static PersistenceConfig h2() {
    return PersistenceConfig.parse(
            "jdbc:h2:mem:gmbot_"
                + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1")
        .withPoolSize(4);
  }

  /**
   * The test PostgreSQL server with a fresh random schema. When the server cannot be reached the
   * test fails with CI=true and is skipped (loudly) otherwise.
   */
  static PersistenceConfig postgres() {
    String url = System.getenv().getOrDefault("GMBOT_TEST_DATABASE_URL", DEFAULT_PG_URL);
    PersistenceConfig base = PersistenceConfig.parse(url);
    if (base.user().isEmpty()) {
      base = base.withCredentials("postgres", base.password());
    }
    PersistenceConfig config =
        base.withPoolSize(4)
            .withConnectionTimeout(Duration.ofSeconds(5))
            .withSchema(
                "gmbot_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    try (Connection c =
        DriverManager.getConnection(
            config.jdbcUrl(), config.user().orElse(null), config.password().orElse(null))) {
      c.isValid(2);
    } catch (SQLException e) {
      String message =
          "PostgreSQL at "
              + config.redactedUrl()
              + " is unreachable ("
              + e.getMessage()
              + "): set GMBOT_TEST_DATABASE_URL or start the server";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true and " + message, e);
      }
      System.err.println("!!! SKIPPING PostgreSQL tests: " + message);
      Assumptions.abort("SKIPPED: " + message);
    }
    return config;
  }

  /** Drops the test schema (PostgreSQL) or the whole in-memory database (H2). */
  static void dispose(Database db) {
    PersistenceConfig config = db.config();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      if (config.isH2()) {
        s.execute("DROP ALL OBJECTS");
      } else if (config.schema().isPresent()) {
        s.execute("DROP SCHEMA IF EXISTS " + config.schema().get() + " CASCADE");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not clean up the test database", e);
    } finally {
      db.close();
    }
  }

  /** Empties every table (children first). */
  static void clear(Database db) {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String table :
          new String[] {
            "prompt_users",
            "prompts",
            "group_members",
            "audit_trail",
            "group_channel_links",
            "protected_groups",
            "enforced_channels",
            "owners",
            "verification_cache",
            "menu_conversations",
            "menu_groups",
            "effect_outbox",
            "daily_statistics",
            "pending_join_requests",
            "member_sweeps",
            "sweep_windows"
          }) {
        s.executeUpdate("DELETE FROM " + table);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not clear the test database", e);
    }
  }

  static RepositoryStore store(Database db) {
    return new RepositoryStore(
        db.groups(), db.channels(), db.owners(), db.members(), db.prompts(), db.audit());
  }

  /** Repositories over a pool that has been closed: every call fails as a lost database would. */
  static RepositoryStore closedStore(Database db) {
    return store(closedDatabase(db));
  }

  /** The same database behind a pool that has been closed. */
  static Database closedDatabase(Database db) {
    Database closed = Database.connect(db.config());
    closed.close();
    return closed;
  }
}
