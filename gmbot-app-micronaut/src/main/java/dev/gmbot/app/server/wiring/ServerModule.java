package dev.gmbot.app.server.wiring;

import dagger.Module;
import dagger.Provides;
import dev.gmbot.adapter.postgres.Database;
import dev.gmbot.adapter.postgres.HotPathRepositories;
import dev.gmbot.adapter.redis.SharedState;
import dev.gmbot.adapter.telegram.TelegramBotApi;
import dev.gmbot.adapter.telegram.TelegramBotApiClient;
import dev.gmbot.adapter.telegram.TelegramUpdateDecoder;
import dev.gmbot.adapter.telegram.TelegramWebhooks;
import dev.gmbot.adapter.telegram.WebhookInfo;
import dev.gmbot.adapter.telegram.chart.StatsCharts;
import dev.gmbot.adapter.telegram.webhook.UpdateProcessor;
import dev.gmbot.adapter.telegram.webhook.WebhookEndpoint;
import dev.gmbot.adapter.telegram.webhook.WebhookReplySlot;
import dev.gmbot.app.server.config.ServerConfig;
import dev.gmbot.app.server.errors.SentryErrorTracker;
import dev.gmbot.app.server.health.HealthProbe;
import dev.gmbot.app.server.ingest.OutcomeLog;
import dev.gmbot.app.server.ingest.RejectedRequests;
import dev.gmbot.app.server.ingest.UpdateIngestion;
import dev.gmbot.app.server.ingest.UpdateOutcomes;
import dev.gmbot.app.server.metrics.MicrometerGuardMetrics;
import dev.gmbot.domain.Guard;
import dev.gmbot.domain.GuardAssembly;
import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.domain.scheduling.LocalRateLimitStore;
import dev.gmbot.domain.scheduling.PriorityBotCallScheduler;
import dev.gmbot.port.out.GuardMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the server's graph is assembled: thin calls to the domain's {@link GuardAssembly} (the one
 * the Lambda function calls) and to the adapters' constructors, from the configuration read whole
 * by {@link ServerConfig}. The same objects could be built by hand (docs/embedding.md). Resources
 * are registered with the {@link Closer} as they are opened.
 */
@Module
public final class ServerModule {
  /** How often member activity is written behind (one statement per flush). */
  private static final Duration ACTIVITY_FLUSH = Duration.ofSeconds(3);

  private ServerModule() {}

  @Provides
  @Singleton
  static Closer closer() {
    return new Closer();
  }

  @Provides
  @Singleton
  static PrometheusMeterRegistry meterRegistry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  @Provides
  @Singleton
  static GuardMetrics guardMetrics(PrometheusMeterRegistry registry) {
    return new MicrometerGuardMetrics(registry);
  }

  // --- Telegram -------------------------------------------------------------------------------

  @Provides
  @Singleton
  static TelegramBotApiClient telegramClient(
      ServerConfig config, GuardMetrics metrics, Closer closer) {
    return closer.register(new TelegramBotApiClient(config.telegram(), metrics));
  }

  @Provides
  @Singleton
  static TelegramBotApi telegram(TelegramBotApiClient client) {
    return new TelegramBotApi(client);
  }

  @Provides
  @Singleton
  static TelegramWebhooks webhooks(TelegramBotApiClient client) {
    return new TelegramWebhooks(client);
  }

  @Provides
  @Singleton
  static TelegramUpdateDecoder decoder(Clock clock) {
    return new TelegramUpdateDecoder(clock);
  }

  // --- Persistence and shared state -----------------------------------------------------------

  @Provides
  @Singleton
  static Database database(ServerConfig config, Clock clock, Closer closer) {
    Database database = closer.register(Database.connect(config.persistence(), clock));
    if (config.migrateOnStart()) {
      database.migrate();
    }
    return database;
  }

  /**
   * The repositories the guard works on: groups and members answered from memory on the per-update
   * path, kept right across instances by the shared state's change notices, member activity written
   * behind (ADR 0056). Registered after the database, so closed (flushed) before it.
   */
  @Provides
  @Singleton
  static HotPathRepositories repositories(
      Database database, SharedState state, Clock clock, Closer closer) {
    return closer.register(database.hotPath(state.changeNotices(), clock, ACTIVITY_FLUSH));
  }

  @Provides
  @Singleton
  static SharedState sharedState(
      ServerConfig config, Clock clock, GuardMetrics metrics, Closer closer) {
    return closer.register(
        SharedState.open(config.redis(), clock, metrics, new LocalRateLimitStore()));
  }

  // --- Domain ---------------------------------------------------------------------------------

  @Provides
  @Singleton
  static PriorityBotCallScheduler priorityScheduler(
      ServerConfig config, SharedState state, GuardMetrics metrics, Clock clock, Closer closer) {
    return closer.register(GuardAssembly.scheduler(config.guard(), state, metrics, clock));
  }

  @Provides
  static BotCallScheduler scheduler(PriorityBotCallScheduler scheduler) {
    return scheduler;
  }

  @Provides
  @Singleton
  static Guard guard(
      ServerConfig config,
      TelegramBotApi telegram,
      HotPathRepositories repositories,
      SharedState state,
      BotCallScheduler scheduler,
      GuardMetrics metrics,
      Clock clock) {
    return GuardAssembly.guard(
        telegram,
        repositories,
        state,
        scheduler,
        metrics,
        clock,
        config.guard(),
        StatsCharts.jfreeChart());
  }

  // --- Transport and observability ------------------------------------------------------------

  /** Counted, logged (the handling line) and, with {@code SENTRY_DSN}, tracked. */
  @Provides
  @Singleton
  static UpdateOutcomes outcomes(
      PrometheusMeterRegistry registry, Optional<SentryErrorTracker> errors, Closer closer) {
    UpdateOutcomes outcomes = new UpdateOutcomes(registry);
    RejectedRequests rejected =
        closer.register(RejectedRequests.everyWindow(RejectedRequests.WINDOW));
    outcomes.addListener(new OutcomeLog(rejected));
    errors.ifPresent(outcomes::addListener);
    return outcomes;
  }

  /** Sentry, only with {@code SENTRY_DSN}: without it no Sentry class is loaded. */
  @Provides
  @Singleton
  static Optional<SentryErrorTracker> errorTracker(ServerConfig config, Closer closer) {
    if (!config.errorTracking().enabled()) {
      return Optional.empty();
    }
    List<String> secrets = new ArrayList<>();
    secrets.add(config.telegram().token());
    config.webhookSecret().ifPresent(secrets::add);
    return Optional.of(
        closer.register(SentryErrorTracker.start(config.errorTracking(), "server", secrets)));
  }

  @Provides
  @Singleton
  static UpdateProcessor processor(
      TelegramUpdateDecoder decoder, Guard guard, UpdateOutcomes outcomes, Clock clock) {
    return new UpdateProcessor(decoder, guard, outcomes, clock);
  }

  /**
   * The webhook endpoint in webhook mode. The server handles updates concurrently, so the webhook
   * reply (one request at a time) stays off: every call is sent on its own.
   */
  @Provides
  @Singleton
  static Optional<WebhookEndpoint> endpoint(ServerConfig config, UpdateProcessor processor) {
    if (config.mode() != ServerConfig.Mode.WEBHOOK) {
      return Optional.empty();
    }
    return Optional.of(
        new WebhookEndpoint(
            config.webhookSecret().orElseThrow(),
            config.maxBodyBytes(),
            processor,
            WebhookReplySlot.disabled()));
  }

  @Provides
  @Singleton
  static UpdateIngestion ingestion(
      ServerConfig config,
      Optional<WebhookEndpoint> endpoint,
      UpdateProcessor processor,
      UpdateOutcomes outcomes) {
    return new UpdateIngestion(
        endpoint,
        processor,
        outcomes,
        config.handlingDeadline(),
        config.shutdownGrace(),
        true); // tried on the I/O thread first, also with Redis (ADR 0098, ADR 0100)
  }

  @Provides
  @Singleton
  static PollingStarter polling(
      ServerConfig config,
      TelegramBotApiClient client,
      TelegramUpdateDecoder decoder,
      UpdateIngestion ingestion,
      SharedState state) {
    return new PollingStarter(config, client, decoder, ingestion, state.leaseStore());
  }

  @Provides
  @Singleton
  static HealthProbe health(
      ServerConfig config,
      Clock clock,
      Database database,
      SharedState state,
      TelegramWebhooks webhooks) {
    return new HealthProbe(
        clock,
        config.mode().name().toLowerCase(Locale.ROOT),
        database::isHealthy,
        () ->
            switch (state.health()) {
              case IN_PROCESS -> HealthProbe.State.up("in-process");
              case UP -> HealthProbe.State.up("up");
              case DOWN -> HealthProbe.State.down("down (in-process fallback)");
            },
        () -> telegramState(config, webhooks),
        config.healthCacheTtl());
  }

  private static HealthProbe.State telegramState(ServerConfig config, TelegramWebhooks webhooks) {
    if (config.mode() == ServerConfig.Mode.WEBHOOK) {
      WebhookInfo info = webhooks.getWebhookInfo();
      String expected = config.webhookEndpoint().map(Object::toString).orElse("");
      if (!info.url().map(expected::equals).orElse(false)) {
        return HealthProbe.State.down("webhook not set to this server");
      }
      return HealthProbe.State.up(
          info.lastErrorMessage().map(m -> "up (last delivery error: " + m + ")").orElse("up"));
    }
    // getWebhookInfo is cheap, proves the token works, and is never cached by the client.
    webhooks.getWebhookInfo();
    return HealthProbe.State.up("up");
  }
}
