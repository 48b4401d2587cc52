package dev.gmbot.app.server.config;

import dev.gmbot.adapter.postgres.PersistenceConfig;
import dev.gmbot.adapter.redis.RedisConfig;
import dev.gmbot.adapter.telegram.TelegramClientConfig;
import dev.gmbot.adapter.telegram.TelegramWebhooks;
import dev.gmbot.adapter.telegram.webhook.WebhookEndpoint;
import dev.gmbot.app.server.errors.ErrorTrackingSettings;
import dev.gmbot.app.server.logging.LogFormat;
import dev.gmbot.app.server.tls.ServerTls;
import dev.gmbot.domain.GuardSettings;
import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.config.ConfigurationException;
import dev.gmbot.port.config.Environment;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server's configuration, read and validated before anything starts. The variables the server
 * shares with the Lambda function are read by their owners' {@code read} methods with the owners'
 * defaults (ADR 0074); the rest only the server reads. Each problem is one {@link
 * ConfigurationException} naming the variable. {@link #toString()} never shows the token, the
 * secret or passwords.
 *
 * @param environment {@code ENVIRONMENT}
 * @param telegram {@code BOT_TOKEN}, {@code TELEGRAM_API_URL}, {@code GMBOT_TELEGRAM_*}
 * @param persistence {@code DATABASE_URL}, {@code DATABASE_USER}, {@code DATABASE_PASSWORD}, {@code
 *     GMBOT_DB_*}
 * @param migrateOnStart {@code GMBOT_MIGRATE_ON_START} (default true)
 * @param redis {@code REDIS_URL}, {@code GMBOT_REDIS_*}, {@code GMBOT_EXPECTED_INSTANCES}; empty:
 *     in-process state
 * @param webhookSecret {@code WEBHOOK_SECRET}
 * @param maxBodyBytes {@code GMBOT_MAX_BODY_BYTES}: larger webhook bodies get 413
 * @param guard the guard's tunables ({@link GuardSettings})
 * @param port {@code PORT} (default 8443)
 * @param webhookUrl {@code WEBHOOK_URL}: the public base URL; the webhook path is appended
 * @param webhookPath {@code GMBOT_WEBHOOK_PATH} (default /webhook)
 * @param handlingDeadline {@code GMBOT_HANDLING_DEADLINE_SECONDS} (default 25 s): an update not
 *     handled by then is answered 503 so that Telegram redelivers it
 * @param shutdownGrace {@code GMBOT_SHUTDOWN_GRACE_SECONDS} (default 20 s): how long shutdown waits
 *     for updates in flight
 * @param healthCacheTtl {@code GMBOT_HEALTH_CACHE_SECONDS} (default 15 s): how long the Telegram
 *     probe of /health is reused
 * @param pollLease {@code GMBOT_POLL_LEASE_SECONDS} (default 30 s): the long-poller lease, renewed
 *     every third of it
 * @param promptSweepInterval {@code GMBOT_PROMPT_SWEEP_SECONDS} (default 30 s)
 * @param outboxWorkers {@code GMBOT_OUTBOX_WORKERS} (default 2, 0-16): threads of this instance
 *     that drain the effect outbox (ADR 0014); 0 leaves it to other instances
 * @param instanceId {@code GMBOT_INSTANCE_ID} (default host name + pid): the lease holder's name
 * @param tls {@code GMBOT_TLS_CERT} and {@code GMBOT_TLS_KEY}: HTTPS served by the server itself
 * @param logFormat {@code GMBOT_LOG_FORMAT} (default json)
 * @param errorTracking {@code SENTRY_DSN}, {@code SENTRY_ENVIRONMENT}, {@code SENTRY_RELEASE}
 */
public record ServerConfig(
    Environment environment,
    TelegramClientConfig telegram,
    PersistenceConfig persistence,
    boolean migrateOnStart,
    Optional<RedisConfig> redis,
    Optional<String> webhookSecret,
    int maxBodyBytes,
    GuardSettings guard,
    int port,
    Optional<URI> webhookUrl,
    String webhookPath,
    Duration handlingDeadline,
    Duration shutdownGrace,
    Duration healthCacheTtl,
    Duration pollLease,
    Duration promptSweepInterval,
    int outboxWorkers,
    String instanceId,
    Optional<ServerTls> tls,
    LogFormat logFormat,
    ErrorTrackingSettings errorTracking) {

  /** How updates arrive. */
  public enum Mode {
    WEBHOOK,
    POLLING
  }

  public static final int DEFAULT_PORT = 8443;

  private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9_.-]+)+");
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
  private static final Duration HOUR = Duration.ofHours(1);

  public ServerConfig {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(telegram, "telegram");
    Objects.requireNonNull(persistence, "persistence");
    Objects.requireNonNull(redis, "redis");
    Objects.requireNonNull(webhookSecret, "webhookSecret");
    Objects.requireNonNull(guard, "guard");
    Objects.requireNonNull(webhookUrl, "webhookUrl");
    Objects.requireNonNull(webhookPath, "webhookPath");
    Objects.requireNonNull(handlingDeadline, "handlingDeadline");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    Objects.requireNonNull(healthCacheTtl, "healthCacheTtl");
    Objects.requireNonNull(pollLease, "pollLease");
    Objects.requireNonNull(promptSweepInterval, "promptSweepInterval");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(logFormat, "logFormat");
    Objects.requireNonNull(errorTracking, "errorTracking");
  }

  /**
   * Reads and validates the server's configuration from these variables.
   *
   * @throws ConfigurationException naming the first variable that is missing or invalid
   */
  public static ServerConfig fromEnvironment(Map<String, String> env) {
    return read(ConfigReader.of(env));
  }

  /**
   * Reads and validates the server's configuration.
   *
   * @throws ConfigurationException naming the first variable that is missing or invalid
   */
  public static ServerConfig read(ConfigReader env) {
    Environment environment = Environment.read(env);
    TelegramClientConfig telegram = TelegramClientConfig.read(env);
    Optional<String> secret = TelegramWebhooks.readSecret(env);
    PersistenceConfig persistence = PersistenceConfig.read(env);
    boolean migrate = PersistenceConfig.readMigrateOnStart(env, true);
    Optional<RedisConfig> redis = RedisConfig.read(env);
    int maxBody = WebhookEndpoint.readMaxBodyBytes(env);
    GuardSettings guard = GuardSettings.read(env);
    int port = env.integer("PORT", DEFAULT_PORT, 0, 65_535);
    Optional<URI> webhookUrl = env.httpUrl("WEBHOOK_URL");
    if (environment == Environment.PRODUCTION) {
      if (webhookUrl.isEmpty()) {
        throw new ConfigurationException(
            "WEBHOOK_URL",
            "is not set but ENVIRONMENT=production (expected the public https base URL of this"
                + " server; or set ENVIRONMENT=development for long polling)");
      }
      TelegramWebhooks.requireSecret(secret, "the server runs in webhook mode");
    }
    String path = env.text("GMBOT_WEBHOOK_PATH", "/webhook");
    if (!PATH.matcher(path).matches()) {
      throw new ConfigurationException(
          "GMBOT_WEBHOOK_PATH",
          "must be a path like /webhook (segments of A-Z, a-z, 0-9, _, . and -), got '"
              + path
              + "'");
    }
    return new ServerConfig(
        environment,
        telegram,
        persistence,
        migrate,
        redis,
        secret,
        maxBody,
        guard,
        port,
        webhookUrl,
        path,
        env.duration(
            "GMBOT_HANDLING_DEADLINE_SECONDS", Duration.ofSeconds(25), SECOND, TEN_MINUTES),
        env.duration(
            "GMBOT_SHUTDOWN_GRACE_SECONDS", Duration.ofSeconds(20), Duration.ZERO, TEN_MINUTES),
        env.duration("GMBOT_HEALTH_CACHE_SECONDS", Duration.ofSeconds(15), Duration.ZERO, HOUR),
        env.duration(
            "GMBOT_POLL_LEASE_SECONDS", Duration.ofSeconds(30), Duration.ofSeconds(3), HOUR),
        env.duration("GMBOT_PROMPT_SWEEP_SECONDS", Duration.ofSeconds(30), SECOND, HOUR),
        env.integer("GMBOT_OUTBOX_WORKERS", 2, 0, 16),
        env.text("GMBOT_INSTANCE_ID").orElseGet(ServerConfig::defaultInstanceId),
        ServerTls.read(env),
        LogFormat.read(env),
        ErrorTrackingSettings.read(env, environment.name()));
  }

  /** Webhook in production with {@code WEBHOOK_URL}; long polling otherwise. */
  public Mode mode() {
    return environment == Environment.PRODUCTION && webhookUrl.isPresent()
        ? Mode.WEBHOOK
        : Mode.POLLING;
  }

  /** {@code GMBOT_MAX_IN_FLIGHT}: Bot API calls running at once (the scheduler's pool). */
  public int maxInFlight() {
    return guard.scheduler().maxInFlight();
  }

  /** The URL given to setWebhook: {@code WEBHOOK_URL} + the webhook path. */
  public Optional<URI> webhookEndpoint() {
    return webhookUrl.map(
        base -> {
          String text = base.toString();
          String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
          return URI.create(trimmed + webhookPath);
        });
  }

  /** The same configuration with another port (tests and the sandbox bind port 0). */
  public ServerConfig withPort(int newPort) {
    return new ServerConfig(
        environment,
        telegram,
        persistence,
        migrateOnStart,
        redis,
        webhookSecret,
        maxBodyBytes,
        guard,
        newPort,
        webhookUrl,
        webhookPath,
        handlingDeadline,
        shutdownGrace,
        healthCacheTtl,
        pollLease,
        promptSweepInterval,
        outboxWorkers,
        instanceId,
        tls,
        logFormat,
        errorTracking);
  }

  @Override
  public String toString() {
    return "ServerConfig[environment="
        + environment
        + ", mode="
        + mode()
        + ", port="
        + port
        + ", telegramApiUrl="
        + telegram.baseUrl()
        + ", webhookUrl="
        + webhookUrl.map(URI::toString).orElse("-")
        + ", webhookPath="
        + webhookPath
        + ", botToken=***, webhookSecret="
        + (webhookSecret.isPresent() ? "***" : "-")
        + ", database="
        + persistence.redactedUrl()
        + ", redis="
        + redis.map(r -> r.describe()).orElse("in-process")
        + ", tls="
        + (tls.isPresent() ? "own certificate" : "-")
        + ", instanceId="
        + instanceId
        + ", logFormat="
        + logFormat
        + ", "
        + errorTracking
        + "]";
  }

  private static String defaultInstanceId() {
    String host = System.getenv().getOrDefault("HOSTNAME", "");
    if (host.isBlank()) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        host = "gmbot";
      }
    }
    return host + "-" + ProcessHandle.current().pid();
  }
}
