package dev.gmbot.app.lambda;

import dagger.Module;
import dagger.Provides;
import dev.gmbot.adapter.postgres.Database;
import dev.gmbot.adapter.redis.SharedState;
import dev.gmbot.adapter.telegram.TelegramBotApiClient;
import dev.gmbot.adapter.telegram.TelegramUpdateDecoder;
import dev.gmbot.adapter.telegram.webhook.UpdateObserver;
import dev.gmbot.adapter.telegram.webhook.UpdateProcessor;
import dev.gmbot.adapter.telegram.webhook.WebhookEndpoint;
import dev.gmbot.adapter.telegram.webhook.WebhookReplySlot;
import dev.gmbot.app.lambda.config.LambdaConfig;
import dev.gmbot.app.lambda.errors.SentryErrorTracker;
import dev.gmbot.app.lambda.json.JsonLog;
import dev.gmbot.app.lambda.metrics.EmfMetrics;
import dev.gmbot.app.lambda.webhook.OutcomeLog;
import dev.gmbot.domain.Guard;
import dev.gmbot.domain.scheduling.PriorityBotCallScheduler;
import dev.gmbot.port.out.GuardMetrics;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/** The shared webhook endpoint, its logs and the EMF metrics sink. */
@Module
final class WebhookModule {
  private WebhookModule() {}

  @Provides
  @Singleton
  static JsonLog log(@Named("stdout") Consumer<String> stdout, Clock clock) {
    return new JsonLog(stdout, clock);
  }

  @Provides
  @Singleton
  static EmfMetrics emfMetrics(
      LambdaConfig config, @Named("stdout") Consumer<String> stdout, Clock clock) {
    Map<String, String> properties = new TreeMap<>();
    config.functionName().ifPresent(name -> properties.put("functionName", name));
    config.functionVersion().ifPresent(version -> properties.put("functionVersion", version));
    return new EmfMetrics(config.metricsNamespace(), "gmbot", properties, stdout, clock);
  }

  @Provides
  static GuardMetrics guardMetrics(EmfMetrics metrics) {
    return metrics;
  }

  /** Every outcome as a metric and as one JSON log line; with {@code SENTRY_DSN}, tracked. */
  @Provides
  @Singleton
  static UpdateObserver observer(
      EmfMetrics metrics, JsonLog log, Optional<SentryErrorTracker> errors) {
    List<UpdateObserver> observers = new ArrayList<>(List.of(metrics, new OutcomeLog(log)));
    errors.ifPresent(observers::add);
    return UpdateObserver.all(observers);
  }

  /** Sentry, only with {@code SENTRY_DSN}: without it no Sentry class is loaded. */
  @Provides
  @Singleton
  static Optional<SentryErrorTracker> errorTracker(LambdaConfig config) {
    if (!config.errorTracking().enabled()) {
      return Optional.empty();
    }
    return Optional.of(
        SentryErrorTracker.start(
            config.errorTracking(), List.of(config.telegram().token(), config.webhookSecret())));
  }

  @Provides
  @Singleton
  static UpdateProcessor processor(
      TelegramUpdateDecoder decoder, Guard guard, UpdateObserver observer, Clock clock) {
    return new UpdateProcessor(decoder, guard, observer, clock);
  }

  @Provides
  @Singleton
  static WebhookEndpoint endpoint(
      LambdaConfig config, UpdateProcessor processor, WebhookReplySlot replies) {
    return new WebhookEndpoint(config.webhookSecret(), config.maxBodyBytes(), processor, replies);
  }

  @Provides
  @Singleton
  static WebhookFunction function(WebhookEndpoint endpoint, EmfMetrics metrics, OutboxDrain drain) {
    return new WebhookFunction(endpoint, metrics, drain::afterUpdate);
  }

  /**
   * The outbox's drains (ADRs 0087, 0088), on the database's outbox, the one the guard defers to.
   */
  @Provides
  @Singleton
  static OutboxDrain outboxDrain(LambdaConfig config, Guard guard, Database database, Clock clock) {
    return new OutboxDrain(
        guard,
        database.outbox(),
        clock,
        OutboxDrain.Sleeper.REAL,
        // This graph's (this container's) name as an outbox lease holder (ADR 0014).
        "lambda-" + java.util.UUID.randomUUID(),
        config.outboxDrainAfterUpdate());
  }

  @Provides
  @Singleton
  static Resources resources(
      PriorityBotCallScheduler scheduler,
      TelegramBotApiClient client,
      SharedState state,
      Database database,
      Optional<SentryErrorTracker> errors) {
    List<AutoCloseable> opened = new ArrayList<>(List.of(database, state, client, scheduler));
    errors.ifPresent(opened::add);
    return new Resources(opened);
  }
}
