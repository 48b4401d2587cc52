package dev.gmbot.app.server.sandbox;

import dev.gmbot.adapter.postgres.DatabaseConfigurationException;
import dev.gmbot.app.server.config.ServerConfig;
import dev.gmbot.app.server.wiring.ServerComponent;
import dev.gmbot.app.server.wiring.ServerComponents;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Map;

/**
 * The second half of the launcher's training run (ADR 0101): the sandbox runs on H2 with its state
 * in process, so without this step the start-up cache would hold none of the classes of the
 * PostgreSQL driver, HikariCP, Lettuce and Netty's client side, and a server on PostgreSQL + Redis
 * would load, link and verify them at every start. Here the server's own graph opens its database
 * and its Redis connection against a loopback port nobody listens on: both attempts are refused at
 * once, nothing leaves the machine, and the classes of both clients are loaded the way {@code
 * server} loads them.
 */
final class ProductionClients {
  private ProductionClients() {}

  /**
   * Opens and closes the PostgreSQL pool and the Redis connection against a refused port.
   *
   * @return what was exercised, one line for the training log
   */
  static String exercise(Clock clock) {
    int refused = refusedPort();
    ServerConfig config =
        ServerConfig.fromEnvironment(
            Map.of(
                "BOT_TOKEN", "1000000001:AAtrainingRunOfTheStartUpCacheOnly",
                "TELEGRAM_API_URL", "http://127.0.0.1:" + refused,
                "ENVIRONMENT", "development",
                "DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + refused + "/gmbot",
                "GMBOT_DB_TIMEOUT_SECONDS", "1",
                "REDIS_URL", "redis://127.0.0.1:" + refused,
                "GMBOT_INSTANCE_ID", "start-up-cache-training"));
    ServerComponent component = ServerComponents.create(config, clock);
    try {
      component.sharedState(); // REDIS_URL is set: the Redis client, its connection refused
      String database;
      try {
        component.database();
        database = "PostgreSQL answered on a port that should refuse";
      } catch (DatabaseConfigurationException expected) {
        database = "PostgreSQL refused";
      }
      component.telegramClient();
      return database + ", Redis client opened (port " + refused + ")";
    } finally {
      component.closer().close();
    }
  }

  /** A loopback port that was free a moment ago and has no listener now. */
  private static int refusedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port for the training run", e);
    }
  }

  /** Runs {@link #exercise} and reports it; a failure here only makes the cache smaller. */
  static void exerciseAndReport(Clock clock, PrintStream out) {
    try {
      out.println("Start-up cache training: " + exercise(clock));
    } catch (RuntimeException e) {
      out.println(
          "Start-up cache training: the production clients were not exercised ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + ")");
    }
  }
}
