package dev.gmbot.app.lambda;

import dagger.Module;
import dagger.Provides;
import dev.gmbot.adapter.postgres.Database;
import dev.gmbot.adapter.redis.SharedState;
import dev.gmbot.app.lambda.config.LambdaConfig;
import dev.gmbot.app.lambda.webhook.ReplyingTelegram;
import dev.gmbot.domain.Guard;
import dev.gmbot.domain.protection.ProtectionSettings;
import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.domain.scheduling.PriorityBotCallScheduler;
import dev.gmbot.domain.scheduling.SchedulerConfig;
import dev.gmbot.domain.verification.VerificationSettings;
import dev.gmbot.port.out.GuardMetrics;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * The domain, assembled with its own builder (the same way an embedding developer does), from the
 * adapters of the other modules. The scheduler gives up on a 429 at once by default (ADR 0082): a
 * Lambda billed by the millisecond should not sleep through {@code retry_after}; the endpoint
 * answers 503 with {@code Retry-After} and Telegram redelivers.
 */
@Module
final class DomainModule {
  private DomainModule() {}

  @Provides
  @Singleton
  static SchedulerConfig schedulerConfig(LambdaConfig config) {
    SchedulerConfig defaults = SchedulerConfig.defaults();
    return defaults.toBuilder()
        // Same variable as the server: the bot's global message budget per second.
        .globalMessages(
            SchedulerConfig.windowSafe(
                config.integer("GMBOT_MESSAGES_PER_SECOND", 25, 1, 1_000),
                Duration.ofSeconds(1),
                1))
        .maxFloodRetries(config.integer("GMBOT_FLOOD_RETRIES", 0, 0, 10))
        .maxTransientRetries(
            config.integer("GMBOT_TRANSIENT_RETRIES", defaults.maxTransientRetries(), 0, 10))
        .build();
  }

  @Provides
  @Singleton
  static PriorityBotCallScheduler priorityScheduler(
      SchedulerConfig config, SharedState state, GuardMetrics metrics, Clock clock) {
    return new PriorityBotCallScheduler(config, state.rateLimitStore(), metrics, clock);
  }

  @Provides
  static BotCallScheduler scheduler(PriorityBotCallScheduler scheduler) {
    return scheduler;
  }

  @Provides
  @Singleton
  static VerificationSettings verificationSettings(LambdaConfig config) {
    VerificationSettings d = VerificationSettings.DEFAULTS;
    return new VerificationSettings(
        config.duration("GMBOT_CACHE_POSITIVE_TTL", d.positiveTtl()),
        config.duration("GMBOT_CACHE_NEGATIVE_TTL", d.negativeTtl()),
        d.jitter(),
        config.integer("GMBOT_VERIFICATION_RETRIES", d.retries(), 0, 10),
        config.duration("GMBOT_ADMIN_CACHE_TTL", d.administratorTtl()));
  }

  @Provides
  @Singleton
  static ProtectionSettings protectionSettings(LambdaConfig config) {
    ProtectionSettings d = ProtectionSettings.DEFAULTS;
    return new ProtectionSettings(
        config.duration("GMBOT_JOIN_WINDOW", d.joinWindow()),
        config.duration("GMBOT_PROMPT_COOLDOWN", d.promptCooldown()),
        config.duration("GMBOT_PROMPT_EDIT_INTERVAL", d.promptEditInterval()),
        config.integer("GMBOT_PROMPT_NAMES_SHOWN", d.namesShown(), 1, 100),
        config.integer("GMBOT_SWEEP_BATCH", d.sweepBatch(), 1, 10_000));
  }

  @Provides
  @Singleton
  static Guard guard(
      ReplyingTelegram telegram,
      Database database,
      SharedState state,
      BotCallScheduler scheduler,
      GuardMetrics metrics,
      Clock clock,
      VerificationSettings verification,
      ProtectionSettings protection) {
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
        .verification(verification)
        .protection(protection)
        // TTL jitter: SecureRandom, because with SnapStart every container restored from one
        // snapshot would share a java.util.Random's seed (ADR 0086).
        .random(new SecureRandom())
        .build();
  }
}
