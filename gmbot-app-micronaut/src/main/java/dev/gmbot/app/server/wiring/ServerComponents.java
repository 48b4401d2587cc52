package dev.gmbot.app.server.wiring;

import dev.gmbot.adapter.postgres.DatabaseConfigurationException;
import dev.gmbot.adapter.postgres.PersistenceConfig;
import dev.gmbot.adapter.redis.RedisConfig;
import dev.gmbot.adapter.telegram.TelegramClientConfig;
import dev.gmbot.app.server.config.ConfigurationException;
import dev.gmbot.app.server.config.ServerConfig;
import java.time.Clock;
import java.util.Map;

/** Validates what the adapters read from the environment, then builds the Dagger graph. */
public final class ServerComponents {
  private ServerComponents() {}

  /**
   * Builds the graph. Nothing is opened yet: the first access to {@link ServerComponent#guard()}
   * connects the database and Redis.
   *
   * @throws ConfigurationException when an adapter rejects its variables
   */
  public static ServerComponent create(ServerConfig config, Clock clock) {
    validateAdapterVariables(config.variables());
    return DaggerServerComponent.builder().config(config).clock(clock).build();
  }

  /**
   * Lets each adapter parse its own variables (DATABASE_URL, REDIS_URL, TELEGRAM_API_URL, pool
   * sizes, timeouts) and turns its complaint into one {@link ConfigurationException}.
   */
  public static void validateAdapterVariables(Map<String, String> env) {
    try {
      PersistenceConfig.fromEnvironment(env);
    } catch (DatabaseConfigurationException | IllegalArgumentException e) {
      throw ConfigurationException.delegated("DATABASE_URL", e.getMessage());
    }
    try {
      RedisConfig.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      throw ConfigurationException.delegated("REDIS_URL", e.getMessage());
    }
    try {
      TelegramClientConfig.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      throw ConfigurationException.delegated("BOT_TOKEN", e.getMessage());
    }
  }
}
