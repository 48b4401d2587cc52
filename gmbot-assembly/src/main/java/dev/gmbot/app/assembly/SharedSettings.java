package dev.gmbot.app.assembly;

import dev.gmbot.adapter.postgres.PersistenceConfig;
import dev.gmbot.adapter.redis.RedisConfig;
import dev.gmbot.adapter.telegram.TelegramClientConfig;
import dev.gmbot.adapter.telegram.TelegramWebhooks;
import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.config.ConfigurationException;
import java.util.Objects;
import java.util.Optional;

/**
 * Every variable both deployables read, read once, the same way: the deployment ({@code
 * ENVIRONMENT}), the adapters' configurations (Bot API client, database, Redis), the webhook's
 * secret and body limit, and the guard's tunables. A deployable adds what only it reads (the
 * server's port and modes, the function's metrics namespace) and its {@link Defaults}.
 *
 * @param environment {@code ENVIRONMENT}
 * @param telegram {@code BOT_TOKEN}, {@code TELEGRAM_API_URL}, {@code GMBOT_TELEGRAM_*}
 * @param persistence {@code DATABASE_URL}, {@code DATABASE_USER}, {@code DATABASE_PASSWORD}, {@code
 *     GMBOT_DB_*}
 * @param migrateOnStart {@code GMBOT_MIGRATE_ON_START}
 * @param redis {@code REDIS_URL}, {@code GMBOT_REDIS_*}, {@code GMBOT_EXPECTED_INSTANCES}; empty:
 *     in-process state
 * @param webhookSecret {@code WEBHOOK_SECRET}
 * @param maxBodyBytes {@code GMBOT_MAX_BODY_BYTES}: larger webhook bodies are answered 413
 * @param guard the guard's tunables
 */
public record SharedSettings(
    Environment environment,
    TelegramClientConfig telegram,
    PersistenceConfig persistence,
    boolean migrateOnStart,
    Optional<RedisConfig> redis,
    Optional<String> webhookSecret,
    int maxBodyBytes,
    GuardSettings guard) {

  /** The default webhook body limit: an update is a few KB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  public SharedSettings {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(telegram, "telegram");
    Objects.requireNonNull(persistence, "persistence");
    Objects.requireNonNull(redis, "redis");
    Objects.requireNonNull(webhookSecret, "webhookSecret");
    Objects.requireNonNull(guard, "guard");
  }

  /**
   * Reads and validates every shared variable.
   *
   * @throws ConfigurationException naming the first variable that is missing or invalid
   */
  public static SharedSettings read(ConfigReader env, Defaults defaults) {
    Environment environment = Environment.read(env);
    TelegramClientConfig telegram = TelegramClientConfig.read(env, defaults.telegramPoolSize());
    Optional<String> secret = TelegramWebhooks.readSecret(env);
    PersistenceConfig persistence =
        PersistenceConfig.read(env, defaults.databaseUrl(), defaults.databasePoolSize());
    boolean migrate = env.flag("GMBOT_MIGRATE_ON_START", defaults.migrateOnStart());
    Optional<RedisConfig> redis = RedisConfig.read(env);
    int maxBody = env.integer("GMBOT_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES, 1024, 64 << 20);
    GuardSettings guard = GuardSettings.read(env, defaults);
    return new SharedSettings(
        environment, telegram, persistence, migrate, redis, secret, maxBody, guard);
  }

  /** {@code WEBHOOK_SECRET}, or a {@link ConfigurationException} saying why it is needed. */
  public String requireWebhookSecret(String why) {
    return webhookSecret.orElseThrow(
        () ->
            new ConfigurationException(
                TelegramWebhooks.SECRET_VARIABLE,
                "is not set but "
                    + why
                    + " (expected 1-256 characters of A-Z, a-z, 0-9, _ and -; Telegram sends it"
                    + " with every update)"));
  }
}
