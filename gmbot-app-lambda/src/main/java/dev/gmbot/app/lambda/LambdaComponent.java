package dev.gmbot.app.lambda;

import dagger.BindsInstance;
import dagger.Component;
import dev.gmbot.adapter.postgres.Database;
import dev.gmbot.adapter.redis.SharedState;
import dev.gmbot.adapter.telegram.TelegramBotApiClient;
import dev.gmbot.app.lambda.config.LambdaConfig;
import dev.gmbot.app.lambda.metrics.EmfMetrics;
import dev.gmbot.domain.Guard;
import dev.gmbot.domain.commands.CommandMenuRegistration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The Lambda deployable's object graph: the same domain, wired to the same adapters as the server,
 * by Dagger at compile time (no reflection, no classpath scanning at cold start). Dagger builds
 * only what an entry point asks for: the migration function gets the database and nothing else.
 */
@Singleton
@Component(
    modules = {
      TelegramModule.class,
      PersistenceModule.class,
      SharedStateModule.class,
      DomainModule.class,
      WebhookModule.class,
      CommandMenusModule.class
    })
public interface LambdaComponent {
  /** The webhook handler's work per invocation. */
  WebhookFunction webhookFunction();

  /** The guard itself (the prompt sweep calls it). */
  Guard guard();

  /** The function's JSON log (the scheduled handler logs the member sweeps' progress). */
  dev.gmbot.app.lambda.json.JsonLog log();

  /** The effect outbox's drains (the scheduled handler runs its slices). */
  OutboxDrain outboxDrain();

  /** The metrics sink (handlers flush it once per invocation). */
  EmfMetrics emfMetrics();

  /** The database (the migration function migrates it). */
  Database database();

  /** The caches, meters and update log (on Redis or in process), opened at init. */
  SharedState sharedState();

  /** The Bot API client, opened at init. */
  TelegramBotApiClient telegramClient();

  /** The command menus (the migration function registers them, once per deploy). */
  CommandMenuRegistration commandMenus();

  /** Everything that holds a connection or a thread, to close (tests, the harness). */
  Resources resources();

  /** Builds the graph for one configuration. */
  @Component.Factory
  interface Factory {
    LambdaComponent create(
        @BindsInstance LambdaConfig config,
        @BindsInstance Clock clock,
        @BindsInstance @Named("stdout") Consumer<String> stdout);
  }
}
