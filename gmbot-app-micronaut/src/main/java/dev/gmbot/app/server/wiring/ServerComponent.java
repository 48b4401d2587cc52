package dev.gmbot.app.server.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.gmbot.adapter.postgres.Database;
import dev.gmbot.adapter.redis.SharedState;
import dev.gmbot.adapter.telegram.TelegramBotApiClient;
import dev.gmbot.adapter.telegram.TelegramWebhooks;
import dev.gmbot.app.server.config.ServerConfig;
import dev.gmbot.app.server.health.HealthProbe;
import dev.gmbot.app.server.ingest.UpdateIngestion;
import dev.gmbot.app.server.ingest.UpdateOutcomes;
import dev.gmbot.domain.Guard;
import dev.gmbot.port.out.GuardMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The server's object graph: the domain ({@link Guard}) wired to the Telegram, persistence and
 * shared-state adapters and the rate scheduler, by the domain's {@code GuardAssembly} (the Lambda
 * function's graph is built by the same calls). Built once per process by {@link
 * ServerComponents#create}; Micronaut receives its objects through {@code ComponentBeans}.
 */
@Singleton
@Component(modules = ServerModule.class)
public interface ServerComponent {
  ServerConfig config();

  Clock clock();

  Guard guard();

  UpdateIngestion ingestion();

  /** Every update's outcome: counted, and told to listeners (the sandbox transcript). */
  UpdateOutcomes outcomes();

  HealthProbe health();

  PrometheusMeterRegistry meterRegistry();

  GuardMetrics guardMetrics();

  Database database();

  SharedState sharedState();

  TelegramBotApiClient telegramClient();

  TelegramWebhooks webhooks();

  /** The long poller, started under the poller lease (polling mode). */
  PollingStarter polling();

  /** Everything to close at shutdown, last opened first. */
  Closer closer();

  /** Creates the graph from a validated configuration. */
  @Component.Builder
  interface Builder {
    @BindsInstance
    Builder config(ServerConfig config);

    @BindsInstance
    Builder clock(Clock clock);

    ServerComponent build();
  }
}
