package dev.gmbot.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.scheduling.LocalRateLimitStore;
import dev.gmbot.domain.scheduling.PriorityBotCallScheduler;
import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.in.HandlingResult;
import dev.gmbot.port.in.MessagePosted;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.AdministratorCache;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.MembershipCache;
import dev.gmbot.port.out.RateLimitStore;
import dev.gmbot.port.out.StateStores;
import dev.gmbot.port.out.StatsChart;
import dev.gmbot.port.out.UpdateLog;
import dev.gmbot.testkit.fake.FakeTelegram;
import dev.gmbot.testkit.fake.InMemoryAdministratorCache;
import dev.gmbot.testkit.fake.InMemoryMembershipCache;
import dev.gmbot.testkit.fake.InMemoryRepositories;
import dev.gmbot.testkit.fake.InMemoryUpdateLog;
import dev.gmbot.testkit.fake.MutableClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The guard as every deployable builds it, over the ports: here on the testkit's in-memory fakes
 * (the deployables pass the database and shared-state adapters, which serve the same ports).
 */
class GuardAssemblyTest {
  private final MutableClock clock = MutableClock.atEpochOfTests();

  /** The shared-state ports, as the Redis adapter's {@code SharedState} serves them. */
  private record InMemoryState(
      MembershipCache membershipCache,
      AdministratorCache administratorCache,
      UpdateLog updateLog,
      RateLimitStore rateLimitStore)
      implements StateStores {}

  @Test
  void buildsAGuardThatHandlesAnUpdateOnceFromTheSettings() {
    GuardSettings settings =
        GuardSettings.read(ConfigReader.of(Map.of("GMBOT_MAX_IN_FLIGHT", "8")));
    FakeTelegram telegram = FakeTelegram.withDefaultBot();
    InMemoryRepositories repositories = new InMemoryRepositories();
    InMemoryState state =
        new InMemoryState(
            new InMemoryMembershipCache(clock),
            new InMemoryAdministratorCache(clock),
            new InMemoryUpdateLog(clock),
            new LocalRateLimitStore());
    try (PriorityBotCallScheduler scheduler =
        GuardAssembly.scheduler(settings, state, GuardMetrics.NONE, clock)) {
      Guard guard =
          GuardAssembly.guard(
              telegram,
              repositories,
              state,
              scheduler,
              GuardMetrics.NONE,
              clock,
              settings,
              StatsChart.NONE);
      MessagePosted message =
          new MessagePosted(
              41,
              clock.instant(),
              ChatRef.group(-1001234567890L, "Unprotected"),
              MessageId.of(1),
              new Sender.User(UserRef.of(7, "Alice")),
              false);

      HandlingResult first = guard.handle(message);
      HandlingResult again = guard.handle(message);

      assertThat(first.duplicate()).isFalse();
      assertThat(again.duplicate()).as("the update log of the shared state").isTrue();
      assertThat(state.updateLog().claim(41, Duration.ofMinutes(1)))
          .as("the guard claimed the update in the state's update log")
          .isFalse();
    }
  }
}
