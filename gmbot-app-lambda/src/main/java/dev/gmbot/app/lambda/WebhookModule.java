package dev.gmbot.app.lambda;

import dagger.Module;
import dagger.Provides;
import dev.gmbot.adapter.postgres.Database;
import dev.gmbot.adapter.redis.SharedState;
import dev.gmbot.adapter.telegram.TelegramBotApiClient;
import dev.gmbot.app.lambda.config.LambdaConfig;
import dev.gmbot.app.lambda.json.JsonLog;
import dev.gmbot.app.lambda.metrics.EmfMetrics;
import dev.gmbot.app.lambda.webhook.UpdateDecoder;
import dev.gmbot.app.lambda.webhook.WebhookEndpoint;
import dev.gmbot.app.lambda.webhook.WebhookObserver;
import dev.gmbot.app.lambda.webhook.WebhookReplySlot;
import dev.gmbot.app.lambda.webhook.WebhookSecret;
import dev.gmbot.domain.Guard;
import dev.gmbot.domain.scheduling.PriorityBotCallScheduler;
import dev.gmbot.port.out.GuardMetrics;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/** The endpoint, its secret, logs and the EMF metrics sink. */
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
    Optional.ofNullable(config.variables().get("AWS_LAMBDA_FUNCTION_NAME"))
        .ifPresent(name -> properties.put("functionName", name));
    Optional.ofNullable(config.variables().get("AWS_LAMBDA_FUNCTION_VERSION"))
        .ifPresent(version -> properties.put("functionVersion", version));
    return new EmfMetrics(config.metricsNamespace(), "gmbot", properties, stdout, clock);
  }

  @Provides
  static GuardMetrics guardMetrics(EmfMetrics metrics) {
    return metrics;
  }

  @Provides
  static WebhookObserver observer(EmfMetrics metrics) {
    return metrics;
  }

  @Provides
  @Singleton
  static WebhookEndpoint endpoint(
      LambdaConfig config,
      UpdateDecoder decoder,
      Guard guard,
      WebhookReplySlot replies,
      WebhookObserver observer,
      JsonLog log,
      Clock clock) {
    // The guard claims update ids itself (Guard.handle, 25 h): the endpoint must not claim too.
    return new WebhookEndpoint(
        new WebhookSecret(config.webhookSecret()),
        decoder,
        guard,
        Optional.empty(),
        Duration.ofHours(25),
        replies,
        observer,
        log,
        clock);
  }

  @Provides
  @Singleton
  static WebhookFunction function(WebhookEndpoint endpoint, EmfMetrics metrics) {
    return new WebhookFunction(endpoint, metrics);
  }

  @Provides
  @Singleton
  static Resources resources(
      PriorityBotCallScheduler scheduler,
      TelegramBotApiClient client,
      SharedState state,
      Database database) {
    return new Resources(List.of(database, state, client, scheduler));
  }
}
