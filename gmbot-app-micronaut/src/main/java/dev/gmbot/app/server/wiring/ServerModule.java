package dev.gmbot.app.server.wiring;

import dagger.Module;
import dagger.Provides;
import dev.gmbot.adapter.postgres.Database;
import dev.gmbot.adapter.postgres.PersistenceConfig;
import dev.gmbot.adapter.redis.RedisConfig;
import dev.gmbot.adapter.redis.SharedState;
import dev.gmbot.adapter.telegram.TelegramBotApi;
import dev.gmbot.adapter.telegram.TelegramBotApiClient;
import dev.gmbot.adapter.telegram.TelegramClientConfig;
import dev.gmbot.adapter.telegram.TelegramUpdateDecoder;
import dev.gmbot.adapter.telegram.TelegramWebhooks;
import dev.gmbot.adapter.telegram.UpdateDecodingException;
import dev.gmbot.adapter.telegram.WebhookInfo;
import dev.gmbot.app.server.config.ServerConfig;
import dev.gmbot.app.server.health.HealthProbe;
import dev.gmbot.app.server.health.RedisPing;
import dev.gmbot.app.server.ingest.MalformedUpdateException;
import dev.gmbot.app.server.ingest.UpdateDecoder;
import dev.gmbot.app.server.ingest.UpdateIngestion;
import dev.gmbot.app.server.metrics.MicrometerGuardMetrics;
import dev.gmbot.domain.Guard;
import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.domain.scheduling.LocalRateLimitStore;
import dev.gmbot.domain.scheduling.PriorityBotCallScheduler;
import dev.gmbot.domain.scheduling.SchedulerConfig;
import dev.gmbot.port.out.GuardMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * How the server's graph is assembled. Every {@code @Provides} method calls a plain constructor,
 * builder or factory of the module that owns the type; the same objects could be built by hand
 * (docs/embedding.md). Resources are registered with the {@link Closer} as they are opened.
 */
@Module
public final class ServerModule {
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
    return closer.register(
        new TelegramBotApiClient(
            TelegramClientConfig.fromEnvironment(config.variables()), metrics));
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
  static TelegramUpdateDecoder telegramDecoder(Clock clock) {
    return new TelegramUpdateDecoder(clock);
  }

  @Provides
  @Singleton
  static UpdateDecoder updateDecoder(TelegramUpdateDecoder decoder) {
    return body -> {
      try {
        return decoder.decode(body);
      } catch (UpdateDecodingException e) {
        throw new MalformedUpdateException(e.getMessage());
      }
    };
  }

  // --- Persistence and shared state -----------------------------------------------------------

  @Provides
  @Singleton
  static Database database(ServerConfig config, Clock clock, Closer closer) {
    Database database =
        closer.register(
            Database.connect(PersistenceConfig.fromEnvironment(config.variables()), clock));
    if (config.migrateOnStart()) {
      database.migrate();
    }
    return database;
  }

  @Provides
  @Singleton
  static LocalRateLimitStore localRates() {
    return new LocalRateLimitStore();
  }

  @Provides
  @Singleton
  static SharedState sharedState(
      ServerConfig config,
      Clock clock,
      GuardMetrics metrics,
      LocalRateLimitStore localRates,
      Closer closer) {
    return closer.register(
        SharedState.fromEnvironment(config.variables(), clock, metrics, localRates));
  }

  // --- Domain ---------------------------------------------------------------------------------

  @Provides
  @Singleton
  static SchedulerConfig schedulerConfig(ServerConfig config) {
    return SchedulerConfig.builder()
        .maxInFlight(config.maxInFlight())
        .reservedForInteractive(Math.min(8, config.maxInFlight() / 4))
        .maxBackgroundInFlight(Math.min(8, config.maxInFlight() / 4))
        .globalMessages(
            SchedulerConfig.windowSafe(
                config.messagesPerSecond(), java.time.Duration.ofSeconds(1), 1))
        .build();
  }

  @Provides
  @Singleton
  static PriorityBotCallScheduler priorityScheduler(
      SchedulerConfig schedulerConfig,
      SharedState state,
      GuardMetrics metrics,
      Clock clock,
      Closer closer) {
    return closer.register(
        new PriorityBotCallScheduler(schedulerConfig, state.rateLimitStore(), metrics, clock));
  }

  @Provides
  static BotCallScheduler scheduler(PriorityBotCallScheduler scheduler) {
    return scheduler;
  }

  @Provides
  @Singleton
  static Guard guard(
      TelegramBotApi telegram,
      Database database,
      SharedState state,
      BotCallScheduler scheduler,
      GuardMetrics metrics,
      Clock clock) {
    return Guard.builder()
        .telegram(telegram)
        .repositories(
            database.groups(),
            database.owners(),
            database.members(),
            database.prompts(),
            database.audit())
        .cache(state.membershipCache(), state.administratorCache())
        .updateLog(state.updateLog())
        .scheduler(scheduler)
        .metrics(metrics)
        .clock(clock)
        .build();
  }

  // --- Transport and observability ------------------------------------------------------------

  @Provides
  @Singleton
  static UpdateIngestion ingestion(
      Guard guard, UpdateDecoder decoder, ServerConfig config, PrometheusMeterRegistry registry) {
    return new UpdateIngestion(
        guard, decoder, config.handlingDeadline(), config.shutdownGrace(), registry);
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
      ServerConfig config, Clock clock, Database database, TelegramWebhooks webhooks) {
    Optional<RedisConfig> redis = RedisConfig.fromEnvironment(config.variables());
    RedisPing ping = redis.map(RedisPing::new).orElse(null);
    return new HealthProbe(
        clock,
        config.mode().name().toLowerCase(java.util.Locale.ROOT),
        database::isHealthy,
        () ->
            ping == null
                ? HealthProbe.State.up("in-process")
                : ping.ping()
                    ? HealthProbe.State.up("up")
                    : HealthProbe.State.down("down (in-process fallback)"),
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
