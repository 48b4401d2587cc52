package dev.gmbot.app.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmbot.adapter.telegram.LongPoller;
import dev.gmbot.app.server.config.ServerConfig;
import dev.gmbot.app.server.runtime.GmbotServer;
import dev.gmbot.app.server.wiring.ServerComponents;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MemberSweep;
import dev.gmbot.testkit.simulator.AdminRights;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimUser;
import dev.gmbot.testkit.simulator.TelegramSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A reconciliation sweep interrupted by a restart resumes where it stopped (ADR 0025): one server
 * process stops in the middle of the run, another on the same PostgreSQL database goes on from the
 * stored position, so that nobody is checked twice in the run and the run's counters add up.
 */
class MemberSweepRestartIT {
  private static final int MEMBERS = 12;

  @Test
  void aSweepInterruptedByARestartResumesFromTheStoredPosition() {
    String database = TestServices.freshPostgresDatabase();
    try (TelegramSimulator sim = TelegramSimulator.start()) {
      SimUser owner = sim.newUser("Rhea", "restart_rhea");
      owner.startsBot();
      SimChat channel = sim.newChannel("Sweep News", owner).withUsername("sweep_news");
      channel.withBotAsAdmin(AdminRights.guard());
      SimChat group = sim.newSupergroup("Sweep group", owner);
      group.withBotAsAdmin(AdminRights.guard());
      GroupId id = GroupId.of(group.id());
      List<SimUser> users = new ArrayList<>();
      Map<Long, Integer> checksBefore = new HashMap<>();

      GmbotServer first = start(sim, database);
      try {
        owner.says(group, "/protect @sweep_news");
        settle(sim, first);
        for (int i = 0; i < MEMBERS; i++) {
          SimUser u = sim.newUser("Sweeper" + i);
          u.joins(group);
          users.add(u);
        }
        settle(sim, first);
      } finally {
        first.close();
      }
      for (int i = 0; i < MEMBERS; i++) {
        SimUser u = users.get(i);
        assertThat(group.isMuted(u)).isTrue();
        checksBefore.put(u.id(), sim.calls().of("getChatMember", u.id()).size());
        if (i % 2 == 0) {
          channel.withMembers(u); // half of them subscribe without the bot seeing it
        }
      }
      // The run this test follows starts on the next server (the first may have swept already).
      try (var c = java.sql.DriverManager.getConnection(database, TestServices.PG_USER, null);
          var delete = c.prepareStatement("DELETE FROM member_sweeps")) {
        delete.executeUpdate();
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }

      // 2 checks per second: the run takes several seconds; the server stops in the middle.
      GmbotServer second = start(sim, database);
      MemberSweep interrupted;
      try {
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> reconciliation(second, id).filter(s -> s.checked() >= 3).isPresent());
      } finally {
        second.close();
      }
      GmbotServer third = start(sim, database);
      try {
        interrupted = reconciliation(third, id).orElseThrow();
        assertThat(interrupted.running()).as("stopped part way: %s", interrupted).isTrue();
        assertThat(interrupted.checked()).isLessThan(MEMBERS);
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> reconciliation(third, id).flatMap(MemberSweep::finishedAt).isPresent());
        MemberSweep done = reconciliation(third, id).orElseThrow();
        assertThat(done.startedAt()).as("the same run").isEqualTo(interrupted.startedAt());
        assertThat(done.checked()).isEqualTo(MEMBERS);
        assertThat(done.freed()).isEqualTo(MEMBERS / 2);
        settle(sim, third);
      } finally {
        third.close();
      }
      for (int i = 0; i < MEMBERS; i++) {
        SimUser u = users.get(i);
        assertThat(sim.calls().of("getChatMember", u.id()))
            .as("%s checked once in the run", u.firstName())
            .hasSize(checksBefore.get(u.id()) + 1);
        assertThat(group.isMuted(u)).isEqualTo(i % 2 != 0);
      }
    } finally {
      TestServices.dropPostgresDatabase(database);
    }
  }

  private static Optional<MemberSweep> reconciliation(GmbotServer server, GroupId group) {
    return server.component().database().sweeps().find(group, MemberSweep.Kind.RECONCILE);
  }

  private static void settle(TelegramSimulator sim, GmbotServer server) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> sim.pendingUpdateCount() == 0);
    ServerUnderTest.awaitOutboxDrained(server);
  }

  private static GmbotServer start(TelegramSimulator sim, String database) {
    Map<String, String> env = new HashMap<>();
    env.put("BOT_TOKEN", sim.token());
    env.put("TELEGRAM_API_URL", sim.baseUrl());
    env.put("DATABASE_URL", database);
    env.put("DATABASE_USER", TestServices.PG_USER);
    env.put("PORT", "0");
    env.put("GMBOT_SHUTDOWN_GRACE_SECONDS", "5");
    env.put("GMBOT_SWEEP_CHECKS", "2");
    return GmbotServer.start(
        ServerComponents.create(ServerConfig.fromEnvironment(env), Clock.systemUTC()),
        new LongPoller.Settings(2, 100, Duration.ofMillis(50), Duration.ofMillis(500)));
  }
}
