package dev.gmbot.domain;

import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.domain.scheduling.PriorityBotCallScheduler;
import dev.gmbot.port.out.BotIdentity;
import dev.gmbot.port.out.ChatDirectory;
import dev.gmbot.port.out.ChatMessaging;
import dev.gmbot.port.out.ChatModeration;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.MembershipLookup;
import dev.gmbot.port.out.Repositories;
import dev.gmbot.port.out.StateStores;
import dev.gmbot.port.out.StatsChart;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The guard as every deployable builds it, from ports and {@link GuardSettings} only: the adapters
 * that serve the ports ({@link Repositories}, {@link StateStores}, the Telegram ports) are chosen
 * and opened by the deployable, which calls these methods and closes what it opened. The same
 * {@link Guard#builder()} an embedding developer calls (docs/embedding.md).
 */
public final class GuardAssembly {
  private GuardAssembly() {}

  /** The rate scheduler every Bot API call of the domain passes (priorities, meters, 429s). */
  public static PriorityBotCallScheduler scheduler(
      GuardSettings settings, StateStores state, GuardMetrics metrics, Clock clock) {
    return new PriorityBotCallScheduler(
        settings.scheduler(), state.rateLimitStore(), metrics, clock);
  }

  /**
   * The guard.
   *
   * @param telegram every Telegram port: the Bot API adapter, or a decorator of it (the Lambda
   *     function's webhook replies)
   * @param chart draws the /stats picture (the adapter's renderer, loaded when first used)
   */
  public static <
          T extends MembershipLookup & ChatDirectory & ChatModeration & ChatMessaging & BotIdentity>
      Guard guard(
          T telegram,
          Repositories repositories,
          StateStores state,
          BotCallScheduler scheduler,
          GuardMetrics metrics,
          Clock clock,
          GuardSettings settings,
          StatsChart chart) {
    return Guard.builder()
        .telegram(telegram)
        .repositories(
            repositories.groups(),
            repositories.owners(),
            repositories.members(),
            repositories.prompts(),
            repositories.audit())
        .conversations(repositories.conversations())
        .dailyStatistics(repositories.dailyStatistics())
        .chart(chart)
        .auditRetention(settings.auditRetention())
        .cache(state.membershipCache(), state.administratorCache())
        .updateLog(state.updateLog())
        .outbox(repositories.outbox())
        .trustList(repositories.trustList())
        .deadlines(repositories.deadlines())
        .joinRequests(repositories.joinRequests())
        .sweeps(repositories.sweeps(), settings.sweeps())
        .updateGate(state.updateGate())
        .scheduler(scheduler)
        .metrics(metrics)
        .clock(clock)
        .verification(settings.verification())
        .protection(settings.protection())
        .claimWait(new ClaimWait(settings.claimWait(), ClaimWait.Sleeper.REAL))
        // TTL jitter: SecureRandom, because with SnapStart every Lambda container restored from one
        // snapshot would share a java.util.Random's seed (ADR 0086); the server loses nothing.
        .random(new SecureRandom())
        .build();
  }
}
