package dev.gmbot.app.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.gmbot.adapter.postgres.Database;
import dev.gmbot.port.in.RegisterCommandMenusUseCase;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies the Flyway migrations and registers the command menus (setMyCommands per scope and
 * language), once per deploy (ADR 0081): {@code aws lambda invoke --function-name
 * <MigrationFunction> out.json}. Only the database and the Bot API client are built (Dagger creates
 * what is asked for). Handler string: {@code dev.gmbot.app.lambda.MigrationHandler::handleRequest}.
 */
public final class MigrationHandler implements RequestHandler<Map<String, Object>, String> {
  private final Database database;
  private final Optional<RegisterCommandMenusUseCase> menus;

  public MigrationHandler() {
    this(
        LambdaRuntime.starting(() -> LambdaRuntime.component().database()),
        Optional.of(LambdaRuntime.starting(() -> LambdaRuntime.component().commandMenus())));
  }

  /** Migrations only. */
  MigrationHandler(Database database) {
    this(database, Optional.empty());
  }

  MigrationHandler(Database database, Optional<RegisterCommandMenusUseCase> menus) {
    this.database = Objects.requireNonNull(database, "database");
    this.menus = Objects.requireNonNull(menus, "menus");
  }

  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    int applied = database.migrate();
    String migrated = "applied " + applied + " migration(s)";
    return menus.map(m -> migrated + "; " + registered(m.registerCommandMenus())).orElse(migrated);
  }

  private static String registered(List<String> lines) {
    List<String> failed = lines.stream().filter(l -> l.startsWith("could not")).toList();
    return "command menus: "
        + (lines.size() - failed.size())
        + " of "
        + lines.size()
        + " set"
        + (failed.isEmpty() ? "" : " (" + String.join("; ", failed) + ")");
  }
}
