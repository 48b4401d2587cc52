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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * The join-request gate (ADR 0023) across server processes on one PostgreSQL database and Redis:
 * requests held by one server are approved by the next after a restart, and when two instances
 * sweep the expired ones at the same moment each request is declined once.
 */
class JoinRequestInstancesIT {
  @Test
  void heldRequestsOutliveARestartAndTwoInstancesDeclineEachOnce() throws Exception {
    String redis = TestServices.requireRedis();
    String prefix = "gmbot-it-" + UUID.randomUUID() + ":";
    String database = TestServices.freshPostgresDatabase();
    try (TelegramSimulator sim = TelegramSimulator.start()) {
      SimUser owner = sim.newUser("Olivia", "jr_olivia");
      SimChat channel = sim.newChannel("News", owner).withUsername("jr_news");
      channel.withBotAsAdmin(AdminRights.guard());
      SimChat group = sim.newSupergroup("Requests group", owner);
      group.withBotAsAdmin(AdminRights.guard());
      SimUser alice = sim.newUser("Alice", "jr_alice");
      SimUser bob = sim.newUser("Bob", "jr_bob");
      SimUser carol = sim.newUser("Carol", "jr_carol");

      GmbotServer first = start(sim, redis, prefix, database, "instance-a");
      try {
        owner.says(group, "/protect @jr_news");
        await().atMost(Duration.ofSeconds(20)).until(() -> sim.pendingUpdateCount() == 0);
        alice.requestsToJoin(group);
        bob.requestsToJoin(group);
        carol.requestsToJoin(group);
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> sim.calls().inChat("sendMessage", carol.id()).size() == 1);
      } finally {
        first.close();
      }
      assertThat(group.pendingJoinRequests())
          .containsExactlyInAnyOrder(alice.id(), bob.id(), carol.id());

      GmbotServer second = start(sim, redis, prefix, database, "instance-b");
      GmbotServer third = start(sim, redis, prefix, database, "instance-c");
      try {
        alice.subscribes(channel); // whichever instance polls approves what the first one held
        await().atMost(Duration.ofSeconds(20)).until(() -> group.isMember(alice));
        assertThat(sim.calls().of("approveChatJoinRequest", alice.id())).hasSize(1);

        expire(second, group);
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<List<String>>> sweeps = new ArrayList<>();
        for (GmbotServer instance : List.of(second, third)) {
          sweeps.add(
              CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      together.await();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                    return instance.component().guard().sweepPrompts();
                  }));
        }
        for (CompletableFuture<List<String>> sweep : sweeps) {
          sweep.get();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> group.pendingJoinRequests().isEmpty());
        assertThat(sim.calls().of("declineChatJoinRequest", bob.id())).hasSize(1);
        assertThat(sim.calls().of("declineChatJoinRequest", carol.id())).hasSize(1);
        assertThat(sim.calls().of("declineChatJoinRequest", alice.id())).isEmpty();
        assertThat(group.isMember(bob)).isFalse();
      } finally {
        third.close();
        second.close();
      }
    } finally {
      TestServices.dropPostgresDatabase(database);
    }
  }

  /** Every held request of the group brought to its expiry. */
  private static void expire(GmbotServer server, SimChat group) throws SQLException {
    try (Connection c = server.component().database().dataSource().getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE pending_join_requests SET expires_at = CURRENT_TIMESTAMP - INTERVAL '1'"
                    + " SECOND WHERE group_id = ?")) {
      update.setLong(1, group.id());
      assertThat(update.executeUpdate()).isEqualTo(2);
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
    env.put("DATABASE_USER", TestServices.PG_USER);
    env.put("PORT", "0");
    env.put("GMBOT_INSTANCE_ID", instance);
    env.put("GMBOT_POLL_LEASE_SECONDS", "3");
    env.put("GMBOT_SHUTDOWN_GRACE_SECONDS", "5");
    return GmbotServer.start(
        ServerComponents.create(ServerConfig.fromEnvironment(env), Clock.systemUTC()),
        new LongPoller.Settings(1, 100, Duration.ofMillis(50), Duration.ofMillis(500)));
  }
}
