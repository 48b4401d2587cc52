package dev.gmbot.app.lambda;

import dagger.Module;
import dagger.Provides;
import dev.gmbot.adapter.redis.SharedState;
import dev.gmbot.app.lambda.config.LambdaConfig;
import dev.gmbot.domain.scheduling.LocalRateLimitStore;
import dev.gmbot.port.out.GuardMetrics;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Caches, rate meters and the update log: on Redis when {@code REDIS_URL} is set (shared by every
 * container), otherwise in the container's memory. Without Redis each container deduplicates and
 * meters on its own (docs/deployment-lambda.md, "Limits").
 */
@Module
final class SharedStateModule {
  private SharedStateModule() {}

  @Provides
  @Singleton
  static SharedState sharedState(LambdaConfig config, Clock clock, GuardMetrics metrics) {
    return SharedState.open(config.redis(), clock, metrics, new LocalRateLimitStore());
  }
}
