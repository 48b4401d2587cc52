package dev.gmbot.app.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmbot.adapter.redis.RedisConfig;
import dev.gmbot.adapter.telegram.LongPoller;
import dev.gmbot.app.server.config.ServerConfig;
import dev.gmbot.app.server.runtime.GmbotServer;
import dev.gmbot.app.server.wiring.ServerComponents;
import dev.gmbot.testkit.simulator.AdminRights;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimUser;
import dev.gmbot.testkit.simulator.TelegramSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two server instances sharing Redis and one database poll one bot: only the lease holder polls,
 * and when it stops the other takes over and the bot keeps working.
 */
class TwoInstancesPollingIT {
  @Test
  void onePollerAtATimeAndTheOtherTakesOver() {
    String redis = TestServices.requireRedis();
    String prefix = "gmbot-it-" + UUID.randomUUID() + ":";
    String database =
        "jdbc:h2:mem:gmbot_two_"
            + UUID.randomUUID().toString().replace("-", "")
            + ";DB_CLOSE_DELAY=-1";
    try (TelegramSimulator sim = TelegramSimulator.start()) {
      GmbotServer a = start(sim, redis, prefix, database, "instance-a");
      GmbotServer b = null;
      try {
        await().atMost(Duration.ofSeconds(10)).until(a::polling);
        b = start(sim, redis, prefix, database, "instance-b");
        SimUser owner = sim.newUser("Olivia", "olivia");
        SimChat channel = sim.newChannel("News", owner).withUsername("two_news");
        channel.withBotAsAdmin(AdminRights.guard());
        SimChat group = sim.newSupergroup("Group", owner);
        group.withBotAsAdmin(AdminRights.guard());
        owner.says(group, "/protect @two_news");
        SimUser alice = sim.newUser("Alice", "alice");
        alice.joins(group);
        await().atMost(Duration.ofSeconds(20)).until(() -> group.isMuted(alice));
        assertThat(b.polling()).isFalse();

        a.close(); // stops polling (cancelling its in-flight getUpdates) and gives the lease up
        GmbotServer survivor = b;
        await().atMost(Duration.ofSeconds(10)).until(survivor::polling);
        Instant takeover = Instant.now();
        SimUser bob = sim.newUser("Bob", "bob");
        bob.joins(group);
        await().atMost(Duration.ofSeconds(20)).until(() -> group.isMuted(bob));

        // Each update was handled once; after the takeover B polls alone (Telegram answers 409
        // to overlapping getUpdates; A's own last one is cancelled when it stops).
        // A call is logged when it is answered: B's next long poll may still be open, so wait.
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    sim.calls().of("getUpdates").stream()
                        .anyMatch(call -> call.time().isAfter(takeover)));
        assertThat(sim.calls().of("restrictChatMember", alice.id())).hasSize(1);
        assertThat(sim.calls().of("restrictChatMember", bob.id())).hasSize(1);
        assertThat(sim.calls().of("getUpdates"))
            .filteredOn(call -> call.time().isAfter(takeover))
            .isNotEmpty()
            .noneMatch(call -> call.httpStatus() == 409);
      } finally {
        a.close();
        if (b != null) {
          b.close();
        }
        TestServices.deleteRedisKeys(prefix);
      }
    }
  }

  private static GmbotServer start(
      TelegramSimulator sim, String redis, String prefix, String database, String instance) {
    Map<String, String> env = new HashMap<>();
    env.put("BOT_TOKEN", sim.token());
    env.put("TELEGRAM_API_URL", sim.baseUrl());
    env.put("REDIS_URL", redis);
    env.put(RedisConfig.ENV_KEY_PREFIX, prefix);
    env.put("DATABASE_URL", database);
    env.put("PORT", "0");
    env.put("GMBOT_INSTANCE_ID", instance);
    env.put("GMBOT_POLL_LEASE_SECONDS", "3");
    env.put("GMBOT_SHUTDOWN_GRACE_SECONDS", "5");
    return GmbotServer.start(
        ServerComponents.create(ServerConfig.fromEnvironment(env), Clock.systemUTC()),
        new LongPoller.Settings(1, 100, Duration.ofMillis(50), Duration.ofMillis(500)));
  }
}
