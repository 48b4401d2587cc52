package dev.gmbot.app.server.e2e;

import dev.gmbot.adapter.telegram.webhook.UpdateOutcome;
import dev.gmbot.app.server.logging.ServerLogging;
import dev.gmbot.testkit.simulator.AdminRights;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Server load run (not a test): the real server in webhook mode, fed by the Bot API simulator's
 * delivery emulator over loopback HTTP (one update in flight per chat or user, at most
 * max_connections in flight, as Telegram does). Two workloads:
 *
 * <ol>
 *   <li>a stream of group messages from already-verified users (many groups, so that deliveries run
 *       in parallel as they do on Telegram);
 *   <li>a join wave: many unsubscribed users join one protected group (restrict + merged prompts).
 * </ol>
 *
 * Prints sustained updates/s (all updates delivered and acknowledged) and p50/p99 of the server's
 * handling time per update (decode + domain + Bot API calls to the simulator). Arguments: {@code
 * [h2|pg] [groups] [usersPerGroup] [messagesPerUser] [joiners]}. See docs/performance.md.
 */
public final class ServerLoadRun {
  private ServerLoadRun() {}

  public static void main(String[] args) {
    ServerLogging.useForConsole(); // no line per update: the run prints its own figures
    ServerUnderTest.Backend backend =
        args.length > 0 && args[0].equals("pg")
            ? ServerUnderTest.Backend.POSTGRES_REDIS
            : ServerUnderTest.Backend.H2_IN_PROCESS;
    int groups = arg(args, 1, 20);
    int usersPerGroup = arg(args, 2, 10);
    int messagesPerUser = arg(args, 3, 10);
    int joiners = arg(args, 4, 300);
    System.out.printf(
        "backend %s, %d groups x %d verified users x %d messages; join wave of %d%n",
        backend, groups, usersPerGroup, messagesPerUser, joiners);
    try (ServerUnderTest it = ServerUnderTest.start(ServerUnderTest.Mode.WEBHOOK, backend)) {
      ConcurrentLinkedQueue<UpdateOutcome> outcomes = new ConcurrentLinkedQueue<>();
      it.server.component().outcomes().addListener(outcomes::add);
      SimUser owner = it.sim.newUser("Owner", "owner");
      owner.startsBot();
      SimChat channel = it.sim.newChannel("Load News", owner).withUsername("load_news");
      channel.withBotAsAdmin(AdminRights.guard());

      // 1. Messages from verified users.
      List<SimChat> chats = new ArrayList<>();
      List<List<SimUser>> members = new ArrayList<>();
      for (int g = 0; g < groups; g++) {
        SimChat group = it.sim.newSupergroup("Load Group " + g, owner);
        group.withBotAsAdmin(AdminRights.guard());
        List<SimUser> users = new ArrayList<>();
        for (int u = 0; u < usersPerGroup; u++) {
          users.add(it.sim.newUser("U" + g + "_" + u, "u" + g + "_" + u));
        }
        channel.withMembers(users.toArray(SimUser[]::new));
        group.withMembers(users.toArray(SimUser[]::new));
        owner.says(group, "/protect @load_news");
        chats.add(group);
        members.add(users);
      }
      it.awaitUpdatesTaken();
      for (int g = 0; g < groups; g++) {
        for (SimUser user : members.get(g)) {
          user.says(chats.get(g), "warm-up"); // first message: verified once, then cached
        }
      }
      it.awaitUpdatesTaken();
      outcomes.clear();
      long start = System.nanoTime();
      for (int m = 0; m < messagesPerUser; m++) {
        for (int g = 0; g < groups; g++) {
          for (SimUser user : members.get(g)) {
            user.says(chats.get(g), "message " + m);
          }
        }
      }
      it.awaitUpdatesTaken();
      report("verified users' messages", outcomes, System.nanoTime() - start);

      // 2. A join wave into one protected group.
      SimChat target = it.sim.newSupergroup("Raid Target", owner);
      target.withBotAsAdmin(AdminRights.guard());
      owner.says(target, "/protect @load_news");
      it.awaitUpdatesTaken();
      List<SimUser> raiders = new ArrayList<>();
      for (int j = 0; j < joiners; j++) {
        raiders.add(it.sim.newUser("R" + j, "r" + j));
      }
      outcomes.clear();
      start = System.nanoTime();
      for (SimUser raider : raiders) {
        raider.joins(target);
      }
      it.awaitUpdatesTaken();
      long elapsed = System.nanoTime() - start;
      long muted = raiders.stream().filter(target::isMuted).count();
      report("join wave", outcomes, elapsed);
      System.out.printf(
          "  %d of %d joiners muted; %d prompt message(s) posted%n",
          muted, joiners, target.botMessages().size() - 1);
    }
  }

  private static void report(
      String name, ConcurrentLinkedQueue<UpdateOutcome> outcomes, long nanos) {
    List<Duration> times = new ArrayList<>();
    int acknowledged = 0;
    for (UpdateOutcome o : outcomes) {
      times.add(o.took());
      if (o.acknowledged()) {
        acknowledged++;
      }
    }
    Collections.sort(times);
    double seconds = nanos / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%s: %d updates (%d acknowledged) in %.2f s = %.0f updates/s; handling p50 %.2f ms, p99"
            + " %.2f ms, max %.2f ms%n",
        name,
        times.size(),
        acknowledged,
        seconds,
        times.size() / seconds,
        millis(percentile(times, 0.50)),
        millis(percentile(times, 0.99)),
        millis(times.isEmpty() ? Duration.ZERO : times.get(times.size() - 1)));
  }

  private static Duration percentile(List<Duration> sorted, double p) {
    if (sorted.isEmpty()) {
      return Duration.ZERO;
    }
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static double millis(Duration d) {
    return d.toNanos() / 1e6;
  }

  private static int arg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }
}
