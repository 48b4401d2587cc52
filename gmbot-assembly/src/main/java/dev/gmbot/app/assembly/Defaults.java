package dev.gmbot.app.assembly;

import dev.gmbot.adapter.postgres.PersistenceConfig;
import dev.gmbot.adapter.telegram.TelegramClientConfig;
import dev.gmbot.domain.scheduling.SchedulerConfig;
import java.util.Objects;

/**
 * The defaults a deployable may choose for itself, on top of the shared reading: each is used only
 * when its variable is not set, and every variable means the same in both deployables.
 *
 * @param databaseUrl without {@code DATABASE_URL}
 * @param databasePoolSize without {@code GMBOT_DB_POOL_SIZE}
 * @param migrateOnStart without {@code GMBOT_MIGRATE_ON_START}
 * @param telegramPoolSize without {@code GMBOT_TELEGRAM_POOL_SIZE}
 * @param floodRetries without {@code GMBOT_FLOOD_RETRIES}
 */
public record Defaults(
    String databaseUrl,
    int databasePoolSize,
    boolean migrateOnStart,
    int telegramPoolSize,
    int floodRetries) {

  /**
   * The defaults of the adapters and the domain: an H2 file under ./data, 10 database and 64 Bot
   * API connections, migrations at start-up, the scheduler's 3 flood retries. The server uses them
   * as they are.
   */
  public static final Defaults STANDARD =
      new Defaults(
          PersistenceConfig.DEFAULT_URL,
          PersistenceConfig.DEFAULT_POOL_SIZE,
          true,
          TelegramClientConfig.DEFAULT_POOL_SIZE,
          SchedulerConfig.defaults().maxFloodRetries());

  public Defaults {
    Objects.requireNonNull(databaseUrl, "databaseUrl");
  }

  public Defaults withDatabaseUrl(String url) {
    return new Defaults(url, databasePoolSize, migrateOnStart, telegramPoolSize, floodRetries);
  }

  public Defaults withDatabasePoolSize(int size) {
    return new Defaults(databaseUrl, size, migrateOnStart, telegramPoolSize, floodRetries);
  }

  public Defaults withMigrateOnStart(boolean migrate) {
    return new Defaults(databaseUrl, databasePoolSize, migrate, telegramPoolSize, floodRetries);
  }

  public Defaults withTelegramPoolSize(int size) {
    return new Defaults(databaseUrl, databasePoolSize, migrateOnStart, size, floodRetries);
  }

  public Defaults withFloodRetries(int retries) {
    return new Defaults(databaseUrl, databasePoolSize, migrateOnStart, telegramPoolSize, retries);
  }
}
