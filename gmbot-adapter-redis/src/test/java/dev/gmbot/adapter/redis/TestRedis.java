package dev.gmbot.adapter.redis;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.UUID;

/**
 * The Redis the tests use: {@code GMBOT_TEST_REDIS_URL} (default {@code redis://localhost:6379}).
 * Unreachable: the test fails with {@code CI=true}, otherwise it is skipped loudly. Every test gets
 * its own random key prefix, and {@link #cleanUp} deletes its keys.
 */
final class TestRedis {
  static final String URL_VARIABLE = "GMBOT_TEST_REDIS_URL";

  private TestRedis() {}

  static RedisConfig config() {
    String url = System.getenv().getOrDefault(URL_VARIABLE, "redis://localhost:6379");
    RedisConfig base = RedisConfig.parse(url);
    requireReachable(base, url);
    return base.withKeyPrefix("gmbot-test:" + UUID.randomUUID() + ":")
        .withCommandTimeout(Duration.ofSeconds(2))
        .withConnectTimeout(Duration.ofSeconds(2));
  }

  private static void requireReachable(RedisConfig config, String url) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(config.host(), config.port()), 1000);
    } catch (IOException e) {
      String message =
          "Redis at " + config.describe() + " (" + URL_VARIABLE + ") is unreachable: " + e;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message + "; CI=true requires it");
      }
      System.err.println("!!! SKIPPING Redis tests: " + message);
      assumeTrue(false, message);
    }
  }

  /** A plain connection for looking into Redis from a test. */
  static StatefulRedisConnection<String, String> inspect(RedisClient client) {
    return client.connect();
  }

  static RedisClient client(RedisConfig config) {
    RedisURI.Builder b =
        RedisURI.builder()
            .withHost(config.host())
            .withPort(config.port())
            .withDatabase(config.database())
            .withSsl(config.tls());
    config.password().ifPresent(p -> b.withPassword(p.toCharArray()));
    return RedisClient.create(b.build());
  }

  /** Deletes every key under the config's prefix. */
  static void cleanUp(RedisConfig config) {
    RedisClient client = client(config);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      ScanCursor cursor = ScanCursor.INITIAL;
      ScanArgs match = ScanArgs.Builder.matches(config.keyPrefix() + "*").limit(500);
      do {
        KeyScanCursor<String> page = c.sync().scan(cursor, match);
        if (!page.getKeys().isEmpty()) {
          c.sync().del(page.getKeys().toArray(String[]::new));
        }
        cursor = page;
      } while (!cursor.isFinished());
    } finally {
      client.shutdown();
    }
  }
}
