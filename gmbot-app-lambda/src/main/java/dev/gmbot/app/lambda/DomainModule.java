package dev.gmbot.app.lambda;

import dagger.Module;
import dagger.Provides;
import dev.gmbot.adapter.postgres.Database;
import dev.gmbot.adapter.redis.SharedState;
import dev.gmbot.adapter.telegram.chart.StatsCharts;
import dev.gmbot.adapter.telegram.webhook.ReplyingTelegram;
import dev.gmbot.app.lambda.config.LambdaConfig;
import dev.gmbot.domain.Guard;
import dev.gmbot.domain.GuardAssembly;
import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.domain.scheduling.PriorityBotCallScheduler;
import dev.gmbot.port.out.GuardMetrics;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * The domain, built by the domain's {@link GuardAssembly} exactly as in the server; only the
 * Telegram ports differ: {@link ReplyingTelegram} lets the last fire-and-forget call travel in the
 * webhook response.
 */
@Module
final class DomainModule {
  /**
   * How long a container trusts a cached group. A frozen container misses the other instances'
   * change notices, so the cache is bounded by time instead: a change made anywhere is in force in
   * every container within this time, and a busy container reads each group once per period (ADR
   * 0056).
   */
  static final Duration GROUP_CACHE_TTL = Duration.ofSeconds(1);

  private DomainModule() {}

  @Provides
  @Singleton
  static PriorityBotCallScheduler priorityScheduler(
      LambdaConfig config, SharedState state, GuardMetrics metrics, Clock clock) {
    return GuardAssembly.scheduler(config.guard(), state, metrics, clock);
  }

  @Provides
  static BotCallScheduler scheduler(PriorityBotCallScheduler scheduler) {
    return scheduler;
  }

  @Provides
  @Singleton
  static Guard guard(
      LambdaConfig config,
      ReplyingTelegram telegram,
      Database database,
      SharedState state,
      BotCallScheduler scheduler,
      GuardMetrics metrics,
      Clock clock) {
    return GuardAssembly.guard(
        telegram,
        database.withGroupsCachedFor(clock, GROUP_CACHE_TTL),
        state,
        scheduler,
        metrics,
        clock,
        config.guard(),
        StatsCharts.jfreeChart());
  }
}
