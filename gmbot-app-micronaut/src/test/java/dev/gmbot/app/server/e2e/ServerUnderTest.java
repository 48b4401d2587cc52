package dev.gmbot.app.server.e2e;

import static org.awaitility.Awaitility.await;

import dev.gmbot.adapter.redis.RedisConfig;
import dev.gmbot.adapter.telegram.LongPoller;
import dev.gmbot.app.server.config.ServerConfig;
import dev.gmbot.app.server.runtime.GmbotServer;
import dev.gmbot.app.server.wiring.ServerComponents;
import dev.gmbot.testkit.simulator.TelegramSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The real server (Dagger graph + Micronaut HTTP) on a free port, talking to a {@link
 * TelegramSimulator} over loopback HTTP: by webhook (the simulator's delivery emulator posts to the
 * server) or by long polling.
 */
final class ServerUnderTest implements AutoCloseable {
  static final String SECRET = "e2e_Secret-token";

  enum Mode {
    WEBHOOK,
    POLLING
  }

  enum Backend {
    H2_IN_PROCESS,
    POSTGRES_REDIS
  }

  final TelegramSimulator sim;
  final GmbotServer server;
  final Mode mode;
  final Backend backend;
  private final String databaseUrl;
  private final String redisPrefix;
  private final HttpClient http = HttpClient.newHttpClient();

  private ServerUnderTest(
      TelegramSimulator sim,
      GmbotServer server,
      Mode mode,
      Backend backend,
      String databaseUrl,
      String redisPrefix) {
    this.sim = sim;
    this.server = server;
    this.mode = mode;
    this.backend = backend;
    this.databaseUrl = databaseUrl;
    this.redisPrefix = redisPrefix;
  }

  static ServerUnderTest start(Mode mode, Backend backend) {
    return start(mode, backend, Map.of());
  }

  /** As {@link #start(Mode, Backend)}, with more environment variables (they win). */
  static ServerUnderTest start(Mode mode, Backend backend, Map<String, String> extraEnv) {
    Map<String, String> env = new HashMap<>();
    String databaseUrl;
    // The simulator numbers updates from the same first id every time: a Redis update log shared
    // between runs would take them for duplicates, hence a prefix of our own, deleted at the end.
    String redisPrefix = "gmbot-it-" + UUID.randomUUID() + ":";
    if (backend == Backend.POSTGRES_REDIS) {
      env.put("REDIS_URL", TestServices.requireRedis());
      env.put(RedisConfig.ENV_KEY_PREFIX, redisPrefix);
      databaseUrl = TestServices.freshPostgresDatabase();
      env.put("DATABASE_USER", TestServices.PG_USER);
    } else {
      databaseUrl =
          "jdbc:h2:mem:gmbot_it_"
              + UUID.randomUUID().toString().replace("-", "")
              + ";DB_CLOSE_DELAY=-1";
    }
    env.put("DATABASE_URL", databaseUrl);
    TelegramSimulator sim = TelegramSimulator.start();
    try {
      int port = freePort();
      env.put("BOT_TOKEN", sim.token());
      env.put("TELEGRAM_API_URL", sim.baseUrl());
      env.put("PORT", Integer.toString(port));
      env.put("GMBOT_INSTANCE_ID", "it-" + mode);
      env.put("GMBOT_SHUTDOWN_GRACE_SECONDS", "5");
      if (mode == Mode.WEBHOOK) {
        env.put("ENVIRONMENT", "production");
        env.put("WEBHOOK_URL", "http://127.0.0.1:" + port);
        env.put("WEBHOOK_SECRET", SECRET);
      } else {
        env.put("ENVIRONMENT", "development");
      }
      env.putAll(extraEnv);
      ServerConfig config = ServerConfig.fromEnvironment(env);
      GmbotServer server =
          GmbotServer.start(
              ServerComponents.create(config, Clock.systemUTC()),
              new LongPoller.Settings(2, 100, Duration.ofMillis(50), Duration.ofMillis(500)));
      return new ServerUnderTest(sim, server, mode, backend, databaseUrl, redisPrefix);
    } catch (RuntimeException e) {
      sim.close();
      throw e;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until the server has taken every update queued so far and carried out what they left in
   * the effect outbox (ADR 0014): a reply that met a message meter is acknowledged at once and
   * posted by a drain worker about a second later, so "settled" means both.
   */
  void settle() {
    awaitUpdatesTaken();
    awaitOutboxDrained(server);
  }

  /**
   * Waits until the server has taken (handled and acknowledged) every update queued so far; what
   * was deferred to the outbox may still be waiting. For tests that measure the answers themselves.
   */
  void awaitUpdatesTaken() {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> sim.pendingUpdateCount() == 0);
  }

  /** Waits (bounded) until no effect is pending in the server's outbox. */
  static void awaitOutboxDrained(GmbotServer server) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> server.component().database().outbox().depth(Instant.now()).pending() == 0);
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(url(path)).GET().build());
  }

  HttpResponse<String> postWebhook(String body, String secret) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url("/webhook"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (secret != null) {
      request.header("X-Telegram-Bot-Api-Secret-Token", secret);
    }
    return send(request.build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      sim.close();
      if (backend == Backend.POSTGRES_REDIS) {
        TestServices.dropPostgresDatabase(databaseUrl);
        TestServices.deleteRedisKeys(redisPrefix);
      }
    }
  }
}
