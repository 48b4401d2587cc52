package dev.gmbot.app.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.adapter.postgres.Database;
import dev.gmbot.adapter.postgres.PersistenceConfig;
import dev.gmbot.adapter.redis.SharedState;
import dev.gmbot.domain.Guard;
import dev.gmbot.domain.scheduling.PriorityBotCallScheduler;
import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.in.HandlingResult;
import dev.gmbot.port.in.MessagePosted;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.testkit.fake.FakeTelegram;
import dev.gmbot.testkit.fake.MutableClock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The guard as both deployables build it, on H2 and in-process state. */
class GuardAssemblyTest {
  private final MutableClock clock = MutableClock.atEpochOfTests();

  @Test
  void buildsAGuardThatHandlesAnUpdateOnceFromTheSharedSettings() {
    GuardSettings settings =
        GuardSettings.read(ConfigReader.of(Map.of("GMBOT_MAX_IN_FLIGHT", "8")), Defaults.STANDARD);
    FakeTelegram telegram = FakeTelegram.withDefaultBot();
    try (Database database =
            Database.connect(
                PersistenceConfig.parse(
                    "jdbc:h2:mem:assembly_"
                        + UUID.randomUUID().toString().replace("-", "")
                        + ";DB_CLOSE_DELAY=-1"),
                clock);
        SharedState state = GuardAssembly.sharedState(Optional.empty(), clock, GuardMetrics.NONE);
        PriorityBotCallScheduler scheduler =
            GuardAssembly.scheduler(settings, state, GuardMetrics.NONE, clock)) {
      database.migrate();
      Guard guard =
          GuardAssembly.guard(
              telegram, database, state, scheduler, GuardMetrics.NONE, clock, settings);
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
      assertThat(state.shared()).isFalse();
    }
  }
}
