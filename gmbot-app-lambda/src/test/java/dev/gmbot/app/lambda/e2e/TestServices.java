package dev.gmbot.app.lambda.e2e;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real services of COMMON.md: PostgreSQL at {@code GMBOT_TEST_DATABASE_URL} (user postgres) and
 * Redis at {@code GMBOT_TEST_REDIS_URL}. Unreachable: the test fails when {@code CI=true},
 * otherwise it is skipped with a loud line on stderr.
 */
public final class TestServices {
  private TestServices() {}

  static Map<String, String> postgresAndRedis() {
    String jdbc = env("GMBOT_TEST_DATABASE_URL").orElse("jdbc:postgresql://localhost:5432/test");
    String redis = env("GMBOT_TEST_REDIS_URL").orElse("redis://localhost:6379");
    String schema = "lambda_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      unavailable("PostgreSQL at " + jdbc, e);
    }
    URI r = URI.create(redis);
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(r.getHost(), r.getPort() < 0 ? 6379 : r.getPort()), 2000);
    } catch (java.io.IOException e) {
      unavailable("Redis at " + redis, e);
    }
    String separator = jdbc.contains("?") ? "&" : "?";
    return Map.of(
        "DATABASE_URL",
        jdbc + separator + "currentSchema=" + schema,
        "DATABASE_USER",
        "postgres",
        "GMBOT_MIGRATE_ON_START",
        "true",
        "REDIS_URL",
        redis,
        dev.gmbot.adapter.redis.RedisConfig.ENV_KEY_PREFIX,
        schema + ":");
  }

  /** Drops the schema and deletes the Redis keys a run of {@link #postgresAndRedis()} made. */
  public static void cleanUp(Map<String, String> env) {
    String url = env.get("DATABASE_URL");
    String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      System.err.println("could not drop schema " + schema + ": " + e.getMessage());
    }
    String prefix = env.get(dev.gmbot.adapter.redis.RedisConfig.ENV_KEY_PREFIX);
    if (env.get("REDIS_URL") == null) {
      return;
    }
    io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(env.get("REDIS_URL"));
    try (var connection = client.connect()) {
      var redis = connection.sync();
      io.lettuce.core.KeyScanCursor<String> cursor =
          redis.scan(io.lettuce.core.ScanArgs.Builder.matches(prefix + "*").limit(500));
      while (true) {
        if (!cursor.getKeys().isEmpty()) {
          redis.del(cursor.getKeys().toArray(String[]::new));
        }
        if (cursor.isFinished()) {
          break;
        }
        cursor =
            redis.scan(cursor, io.lettuce.core.ScanArgs.Builder.matches(prefix + "*").limit(500));
      }
    } finally {
      client.shutdown();
    }
  }

  private static void unavailable(String what, Exception e) {
    String message = what + " is unreachable (" + e.getMessage() + ")";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message + " and CI=true");
    }
    System.err.println(
        "!!!! SKIPPING: "
            + message
            + ". Start it (see docs/design.md, \"Testing\") to run this test.");
    Assumptions.abort(message);
  }

  private static Optional<String> env(String name) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }
}
