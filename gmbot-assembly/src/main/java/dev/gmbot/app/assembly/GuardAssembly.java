package dev.gmbot.app.assembly;

import dev.gmbot.adapter.postgres.Database;
import dev.gmbot.adapter.redis.RedisConfig;
import dev.gmbot.adapter.redis.SharedState;
import dev.gmbot.domain.Guard;
import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.domain.scheduling.LocalRateLimitStore;
import dev.gmbot.domain.scheduling.PriorityBotCallScheduler;
import dev.gmbot.port.out.BotIdentity;
import dev.gmbot.port.out.ChatDirectory;
import dev.gmbot.port.out.ChatMessaging;
import dev.gmbot.port.out.ChatModeration;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.MembershipLookup;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/**
 * Builds the guard the same way in both deployables, from the adapters and the {@link
 * GuardSettings}: plain constructors and the domain's builder, as an embedding developer would
 * (docs/embedding.md). Each app's Dagger module calls these methods and registers what they open
 * for closing.
 */
public final class GuardAssembly {
  private GuardAssembly() {}

  /**
   * Caches, rate meters, the update log and leases: on Redis when configured (with in-process
   * fallbacks), otherwise in process.
   */
  public static SharedState sharedState(
      Optional<RedisConfig> redis, Clock clock, GuardMetrics metrics) {
    return SharedState.open(redis, clock, metrics, new LocalRateLimitStore());
  }

  /** The rate scheduler every Bot API call of the domain passes (priorities, meters, 429s). */
  public static PriorityBotCallScheduler scheduler(
      GuardSettings settings, SharedState state, GuardMetrics metrics, Clock clock) {
    return new PriorityBotCallScheduler(
        settings.scheduler(), state.rateLimitStore(), metrics, clock);
  }

  /**
   * The guard.
   *
   * @param telegram every Telegram port: the Bot API adapter, or a decorator of it (the Lambda
   *     function's webhook replies)
   */
  public static <
          T extends MembershipLookup & ChatDirectory & ChatModeration & ChatMessaging & BotIdentity>
      Guard guard(
          T telegram,
          Database database,
          SharedState state,
          BotCallScheduler scheduler,
          GuardMetrics metrics,
          Clock clock,
          GuardSettings settings) {
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
        .verification(settings.verification())
        .protection(settings.protection())
        // TTL jitter: SecureRandom, because with SnapStart every Lambda container restored from one
        // snapshot would share a java.util.Random's seed (ADR 0086); the server loses nothing.
        .random(new SecureRandom())
        .build();
  }
}
