package dev.gmbot.app.lambda.config;

import dev.gmbot.adapter.postgres.PersistenceConfig;
import dev.gmbot.adapter.redis.RedisConfig;
import dev.gmbot.adapter.telegram.TelegramClientConfig;
import dev.gmbot.adapter.telegram.TelegramWebhooks;
import dev.gmbot.adapter.telegram.webhook.WebhookEndpoint;
import dev.gmbot.app.lambda.errors.ErrorTrackingSettings;
import dev.gmbot.domain.GuardSettings;
import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.config.ConfigurationException;
import dev.gmbot.port.config.Environment;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The function's configuration, read and validated at cold start. The variables it shares with the
 * server are read by their owners' {@code read} methods (ADR 0074), with the function's own
 * defaults where it needs other ones; the rest only the function reads. {@link #toString()} never
 * shows the token, the secret or passwords.
 *
 * <p>What is particular to Lambda: {@code WEBHOOK_SECRET} is required (the Function URL is public
 * and the header is its only protection), {@code ENVIRONMENT=production} requires {@code
 * DATABASE_URL}, and {@code GMBOT_WEBHOOK_REPLY} (true) and {@code GMBOT_METRICS_NAMESPACE} (GMBot)
 * are read here only.
 *
 * <p>The function's own defaults, each used only while its variable is unset:
 *
 * <ul>
 *   <li>an in-memory H2 database, and no Flyway at cold start (the migration function applies
 *       migrations once per deploy, ADR 0081; an embedded H2 database is always migrated);
 *   <li>2 database connections (a container serves one request at a time; Flyway needs a second
 *       connection) and 4 Bot API connections;
 *   <li>no retries after a 429: a function billed by the millisecond should not sleep through
 *       {@code retry_after}; the endpoint answers 503 with {@code Retry-After} and Telegram
 *       redelivers (ADR 0082).
 * </ul>
 *
 * @param environment {@code ENVIRONMENT}
 * @param telegram {@code BOT_TOKEN}, {@code TELEGRAM_API_URL}, {@code GMBOT_TELEGRAM_*} (pool
 *     default {@value #TELEGRAM_POOL_SIZE})
 * @param persistence {@code DATABASE_URL} (default {@link #EMBEDDED_DATABASE_URL}), {@code
 *     DATABASE_USER}, {@code DATABASE_PASSWORD}, {@code GMBOT_DB_*} (pool default {@value
 *     #DATABASE_POOL_SIZE})
 * @param migrateOnStart {@code GMBOT_MIGRATE_ON_START} (default false)
 * @param redis {@code REDIS_URL}, {@code GMBOT_REDIS_*}, {@code GMBOT_EXPECTED_INSTANCES}; empty:
 *     in-process state
 * @param webhookSecret {@code WEBHOOK_SECRET}
 * @param maxBodyBytes {@code GMBOT_MAX_BODY_BYTES}: larger webhook bodies get 413
 * @param guard the guard's tunables ({@link GuardSettings}; {@code GMBOT_FLOOD_RETRIES} default
 *     {@value #FLOOD_RETRIES})
 * @param webhookReply {@code GMBOT_WEBHOOK_REPLY}: the last fire-and-forget call in the response
 * @param outboxDrainAfterUpdate {@code GMBOT_OUTBOX_DRAIN_AFTER_UPDATE} (default 4, 0-50): due
 *     deferred effects (ADR 0014) an invocation carries out after its update, before it returns; 0
 *     leaves them to the scheduled function
 * @param metricsNamespace {@code GMBOT_METRICS_NAMESPACE}: the CloudWatch namespace
 * @param functionName {@code AWS_LAMBDA_FUNCTION_NAME} (set by Lambda), for the metric documents
 * @param functionVersion {@code AWS_LAMBDA_FUNCTION_VERSION} (set by Lambda)
 * @param errorTracking {@code SENTRY_DSN}, {@code SENTRY_ENVIRONMENT}, {@code SENTRY_RELEASE}
 */
public record LambdaConfig(
    Environment environment,
    TelegramClientConfig telegram,
    PersistenceConfig persistence,
    boolean migrateOnStart,
    Optional<RedisConfig> redis,
    String webhookSecret,
    int maxBodyBytes,
    GuardSettings guard,
    boolean webhookReply,
    int outboxDrainAfterUpdate,
    String metricsNamespace,
    Optional<String> functionName,
    Optional<String> functionVersion,
    ErrorTrackingSettings errorTracking) {

  /** Without {@code DATABASE_URL}: in memory (the server's ./data file is read-only in Lambda). */
  public static final String EMBEDDED_DATABASE_URL = "jdbc:h2:mem:gmbot;DB_CLOSE_DELAY=-1";

  /** Without {@code GMBOT_DB_POOL_SIZE}. */
  public static final int DATABASE_POOL_SIZE = 2;

  /** Without {@code GMBOT_TELEGRAM_POOL_SIZE}. */
  public static final int TELEGRAM_POOL_SIZE = 4;

  /** Without {@code GMBOT_FLOOD_RETRIES}. */
  public static final int FLOOD_RETRIES = 0;

  /** Without {@code GMBOT_MIGRATE_ON_START}. */
  public static final boolean MIGRATE_ON_START = false;

  public LambdaConfig {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(telegram, "telegram");
    Objects.requireNonNull(persistence, "persistence");
    Objects.requireNonNull(redis, "redis");
    Objects.requireNonNull(guard, "guard");
    Objects.requireNonNull(webhookSecret, "webhookSecret");
    Objects.requireNonNull(metricsNamespace, "metricsNamespace");
    Objects.requireNonNull(functionName, "functionName");
    Objects.requireNonNull(functionVersion, "functionVersion");
    Objects.requireNonNull(errorTracking, "errorTracking");
  }

  /**
   * Reads and validates the configuration from these variables.
   *
   * @throws ConfigurationException naming the first variable that is missing or invalid
   */
  public static LambdaConfig fromEnvironment(Map<String, String> env) {
    return read(ConfigReader.of(env));
  }

  /**
   * Reads and validates the configuration.
   *
   * @throws ConfigurationException naming the first variable that is missing or invalid
   */
  public static LambdaConfig read(ConfigReader env) {
    Environment environment = Environment.read(env);
    TelegramClientConfig telegram = TelegramClientConfig.read(env, TELEGRAM_POOL_SIZE);
    Optional<String> secret = TelegramWebhooks.readSecret(env);
    PersistenceConfig persistence =
        PersistenceConfig.read(env, EMBEDDED_DATABASE_URL, DATABASE_POOL_SIZE);
    boolean migrate = PersistenceConfig.readMigrateOnStart(env, MIGRATE_ON_START);
    Optional<RedisConfig> redis = RedisConfig.read(env);
    int maxBody = WebhookEndpoint.readMaxBodyBytes(env);
    GuardSettings guard = GuardSettings.read(env, FLOOD_RETRIES);
    String required =
        TelegramWebhooks.requireSecret(
            secret, "the Function URL is public: the header is its only protection");
    if (environment == Environment.PRODUCTION && !env.isSet("DATABASE_URL")) {
      throw new ConfigurationException(
          "DATABASE_URL",
          "is not set but ENVIRONMENT=production (an H2 database inside a Lambda container is"
              + " lost with the container)");
    }
    return new LambdaConfig(
        environment,
        telegram,
        persistence,
        migrate,
        redis,
        required,
        maxBody,
        guard,
        env.flag("GMBOT_WEBHOOK_REPLY", true),
        env.integer("GMBOT_OUTBOX_DRAIN_AFTER_UPDATE", 4, 0, 50),
        env.text("GMBOT_METRICS_NAMESPACE", "GMBot"),
        env.text("AWS_LAMBDA_FUNCTION_NAME"),
        env.text("AWS_LAMBDA_FUNCTION_VERSION"),
        ErrorTrackingSettings.read(env, environment.name()));
  }

  /** True for an H2 database: it lives and dies with the container, so it is migrated at start. */
  public boolean embeddedDatabase() {
    return persistence.isH2();
  }

  @Override
  public String toString() {
    return "LambdaConfig[botToken=<redacted>, webhookSecret=<redacted>, environment="
        + environment
        + ", database="
        + persistence.redactedUrl()
        + ", redis="
        + redis.map(r -> r.describe()).orElse("<in-process>")
        + ", migrateOnStart="
        + migrateOnStart
        + ", webhookReply="
        + webhookReply
        + ", metricsNamespace="
        + metricsNamespace
        + ", "
        + errorTracking
        + "]";
  }
}
