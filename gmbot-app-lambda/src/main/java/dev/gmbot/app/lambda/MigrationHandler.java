package dev.gmbot.app.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.gmbot.adapter.postgres.Database;
import java.util.Map;
import java.util.Objects;

/**
 * Applies the Flyway migrations, once per deploy (ADR 0081): {@code aws lambda invoke
 * --function-name <MigrationFunction> out.json}. Only the database is built (Dagger creates what is
 * asked for). Handler string: {@code dev.gmbot.app.lambda.MigrationHandler::handleRequest}.
 */
public final class MigrationHandler implements RequestHandler<Map<String, Object>, String> {
  private final Database database;

  public MigrationHandler() {
    this(LambdaRuntime.starting(() -> LambdaRuntime.component().database()));
  }

  MigrationHandler(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    int applied = database.migrate();
    return "applied " + applied + " migration(s)";
  }
}
