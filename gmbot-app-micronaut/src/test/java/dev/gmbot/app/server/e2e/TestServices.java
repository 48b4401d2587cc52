package dev.gmbot.app.server.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The real services of the end-to-end tests: PostgreSQL at {@code GMBOT_TEST_DATABASE_URL} (default
 * {@code jdbc:postgresql://localhost:5432/test}, user postgres) and Redis at {@code
 * GMBOT_TEST_REDIS_URL} (default {@code redis://localhost:6379}). Unreachable: with {@code CI=true}
 * the test fails, otherwise it is skipped with a loud line on stderr.
 */
final class TestServices {
  static final String PG_URL =
      System.getenv()
          .getOrDefault("GMBOT_TEST_DATABASE_URL", "jdbc:postgresql://localhost:5432/test");
  static final String REDIS_URL =
      System.getenv().getOrDefault("GMBOT_TEST_REDIS_URL", "redis://localhost:6379");
  static final String PG_USER =
      System.getenv().getOrDefault("GMBOT_TEST_DATABASE_USER", "postgres");

  private TestServices() {}

  /** Creates a fresh PostgreSQL database for one test class; returns its JDBC URL. */
  static String freshPostgresDatabase() {
    String name = "gmbot_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, null);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      unreachable("PostgreSQL at " + PG_URL, e.getMessage());
    }
    return databaseUrl(name);
  }

  static void dropPostgresDatabase(String url) {
    String name = url.substring(url.lastIndexOf('/') + 1);
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, null);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("could not drop the test database " + name + ": " + e.getMessage());
    }
  }

  private static String databaseUrl(String name) {
    String base = PG_URL.contains("?") ? PG_URL.substring(0, PG_URL.indexOf('?')) : PG_URL;
    return base.substring(0, base.lastIndexOf('/') + 1) + name;
  }

  /** Checks that Redis answers; returns its URL. */
  static String requireRedis() {
    URI uri = URI.create(REDIS_URL);
    int port = uri.getPort() < 0 ? 6379 : uri.getPort();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), port), 2000);
    } catch (IOException e) {
      unreachable("Redis at " + uri.getHost() + ":" + port, e.getMessage());
    }
    return REDIS_URL;
  }

  /** Deletes the keys a test wrote under its own prefix. */
  static void deleteRedisKeys(String prefix) {
    io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(REDIS_URL);
    try (var connection = client.connect()) {
      var redis = connection.sync();
      io.lettuce.core.ScanCursor cursor = io.lettuce.core.ScanCursor.INITIAL;
      do {
        io.lettuce.core.KeyScanCursor<String> page =
            redis.scan(cursor, io.lettuce.core.ScanArgs.Builder.matches(prefix + "*").limit(500));
        if (!page.getKeys().isEmpty()) {
          redis.del(page.getKeys().toArray(String[]::new));
        }
        cursor = page;
      } while (!cursor.isFinished());
    } catch (RuntimeException e) {
      System.err.println("could not delete the test's Redis keys " + prefix + "*: " + e);
    } finally {
      client.shutdown();
    }
  }

  private static void unreachable(String what, String why) {
    String message = what + " is unreachable (" + why + ")";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true and " + message);
    }
    System.err.println("!!! SKIPPING server end-to-end tests on real services: " + message);
    Assumptions.abort("SKIPPED: " + message);
  }
}
