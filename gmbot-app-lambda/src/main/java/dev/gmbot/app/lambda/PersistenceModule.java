package dev.gmbot.app.lambda;

import dagger.Module;
import dagger.Provides;
import dev.gmbot.adapter.postgres.Database;
import dev.gmbot.adapter.postgres.PersistenceConfig;
import dev.gmbot.app.lambda.config.LambdaConfig;
import dev.gmbot.app.lambda.json.JsonLog;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;

/**
 * The database, with the pool and the migration policy of the function's defaults ({@link
 * LambdaConfig}): no Flyway at cold start by default (ADR 0081), except for an embedded H2
 * database, which lives and dies with the container.
 */
@Module
final class PersistenceModule {
  private PersistenceModule() {}

  @Provides
  @Singleton
  static Database database(LambdaConfig config, Clock clock, JsonLog log) {
    PersistenceConfig persistence = config.persistence();
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
