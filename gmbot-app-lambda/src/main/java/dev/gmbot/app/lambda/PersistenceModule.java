package dev.gmbot.app.lambda;

import dagger.Module;
import dagger.Provides;
import dev.gmbot.adapter.postgres.Database;
import dev.gmbot.adapter.postgres.DatabaseConfigurationException;
import dev.gmbot.adapter.postgres.PersistenceConfig;
import dev.gmbot.app.lambda.config.ConfigurationException;
import dev.gmbot.app.lambda.config.LambdaConfig;
import dev.gmbot.app.lambda.json.JsonLog;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The database: a small Hikari pool per container (a Lambda container handles one request at a
 * time; 2 because Flyway needs a second connection, BUILD_NOTES trap 8) and, by default, no Flyway
 * at cold start (ADR 0081): the migration function applies migrations once per deploy. An embedded
 * H2 database lives and dies with the container, so it is always migrated at start.
 */
@Module
final class PersistenceModule {
  static final int LAMBDA_POOL_SIZE = 2;

  /** Without DATABASE_URL: in memory (the ./data default of the server is read-only in Lambda). */
  static final String EMBEDDED_URL = "jdbc:h2:mem:gmbot;DB_CLOSE_DELAY=-1";

  private PersistenceModule() {}

  @Provides
  @Singleton
  static PersistenceConfig persistenceConfig(LambdaConfig config) {
    Map<String, String> env = new HashMap<>(config.variables());
    if (!config.isSet("DATABASE_URL")) {
      env.put("DATABASE_URL", EMBEDDED_URL);
    }
    if (!config.isSet("GMBOT_DB_POOL_SIZE")) {
      env.put("GMBOT_DB_POOL_SIZE", Integer.toString(LAMBDA_POOL_SIZE));
    }
    try {
      return PersistenceConfig.fromEnvironment(env);
    } catch (DatabaseConfigurationException | IllegalArgumentException e) {
      throw ConfigurationException.fromAdapter(
          e, "DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD", "GMBOT_DB");
    }
  }

  @Provides
  @Singleton
  static Database database(
      PersistenceConfig persistence, LambdaConfig config, Clock clock, JsonLog log) {
    Database database = Database.connect(persistence, clock);
    if (persistence.isH2() || config.migrateOnStart()) {
      int applied = database.migrate();
      log.info(
          "database migrated at start",
          Map.of("migrationsApplied", applied, "database", persistence.redactedUrl()));
    }
    return database;
  }
}
