package dev.gmbot.app.server.e2e;

import dev.gmbot.app.server.logging.ServerLogging;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MemberSweep;
import dev.gmbot.testkit.simulator.AdminRights;
import dev.gmbot.testkit.simulator.FloodRules;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Active-member verification benchmark (a main, not a test: its figures depend on the machine;
 * docs/performance.md, "Active-member verification"): one protected group with N members seen in
 * the last 30 days, none with a cached answer, all subscribed (every member costs one {@code
 * getChatMember}); the group's off-peak hours set around now; the server's sweep loop verifies them
 * at {@code GMBOT_SWEEP_CHECKS} checks per second on the simulator with Telegram's flood rules.
 * Prints the run's rate and duration, and the 100,000-member duration at that rate.
 *
 * <p>Arguments: {@code h2|pg}, members (default 5,000), checks per second (default 30).
 */
public final class ActiveSweepRun {
  private ActiveSweepRun() {}

  public static void main(String[] args) throws Exception {
    ServerLogging.useForConsole();
    ServerUnderTest.Backend backend =
        args.length > 0 && args[0].equals("h2")
            ? ServerUnderTest.Backend.H2_IN_PROCESS
            : ServerUnderTest.Backend.POSTGRES_REDIS;
    int members = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    int checks = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    try (ServerUnderTest it =
        ServerUnderTest.start(
            ServerUnderTest.Mode.WEBHOOK,
            backend,
            Map.of("GMBOT_SWEEP_CHECKS", Integer.toString(checks)))) {
      it.sim.flood(FloodRules.telegram());
      SimUser owner = it.sim.newUser("Owner", "night_owner");
      owner.startsBot();
      SimChat channel = it.sim.newChannel("Night News", owner).withUsername("night_news");
      channel.withBotAsAdmin(AdminRights.guard());
      SimChat group = it.sim.newSupergroup("Night Group", owner);
      group.withBotAsAdmin(AdminRights.guard());
      owner.says(group, "/protect @night_news");
      it.settle();
      SimUser[] users = new SimUser[members];
      for (int i = 0; i < members; i++) {
        users[i] = it.sim.newUser("Member " + i);
      }
      group.withMembers(users);
      channel.withMembers(users);
      Instant now = Instant.now();
      int hour = now.atOffset(ZoneOffset.UTC).getHour();
      try (Connection c = it.server.component().database().dataSource().getConnection()) {
        c.setAutoCommit(false);
        try (PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO group_members (group_id, user_id, last_seen, restriction, changed_at)"
                    + " VALUES (?, ?, ?, 'FREE', ?)")) {
          for (SimUser u : users) {
            insert.setLong(1, group.id());
            insert.setLong(2, u.id());
            insert.setTimestamp(3, Timestamp.from(now.minus(Duration.ofDays(1))));
            insert.setTimestamp(4, Timestamp.from(now.minus(Duration.ofDays(1))));
            insert.addBatch();
          }
          insert.executeBatch();
        }
        try (PreparedStatement window =
            c.prepareStatement(
                "INSERT INTO sweep_windows (group_id, start_hour, end_hour, offset_minutes)"
                    + " VALUES (?, ?, ?, 0)")) {
          // Off-peak from an hour ago for three hours: the run is not cut by the window's end.
          window.setLong(1, group.id());
          window.setInt(2, (hour + 23) % 24);
          window.setInt(3, (hour + 2) % 24);
          window.executeUpdate();
        }
        c.commit();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      GroupId id = GroupId.of(group.id());
      long started = System.nanoTime();
      Optional<MemberSweep> sweep = Optional.empty();
      while (sweep.flatMap(MemberSweep::finishedAt).isEmpty()) {
        Thread.sleep(500);
        sweep = it.server.component().database().sweeps().find(id, MemberSweep.Kind.ACTIVE);
        if (System.nanoTime() - started > Duration.ofHours(2).toNanos()) {
          throw new IllegalStateException("not finished after 2 h: " + sweep);
        }
      }
      MemberSweep done = sweep.orElseThrow();
      double seconds =
          Duration.between(done.startedAt().orElseThrow(), done.finishedAt().orElseThrow())
                  .toMillis()
              / 1000.0;
      double rate = done.checked() / seconds;
      long calls = it.sim.calls().of("getChatMember").size();
      System.out.printf(
          Locale.ROOT,
          "active verification, %s, %d members, GMBOT_SWEEP_CHECKS=%d: %d checked, %d restricted"
              + " in %.1f s = %.1f/s (getChatMember calls in all: %d); 100,000 members at this"
              + " rate: %.0f min%n",
          backend,
          members,
          checks,
          done.checked(),
          done.restricted(),
          seconds,
          rate,
          calls,
          100_000 / rate / 60);
    }
  }
}
