package dev.gmbot.app.server.e2e;

import dev.gmbot.app.server.logging.ServerLogging;
import dev.gmbot.testkit.simulator.AdminRights;
import dev.gmbot.testkit.simulator.ApiCall;
import dev.gmbot.testkit.simulator.FloodRules;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Raid benchmark (a main, not a test: its figures depend on the machine): N users who are not
 * subscribed join one protected group within S seconds, paced evenly, on PostgreSQL + Redis (or H2)
 * in webhook mode, with the simulator enforcing Telegram's flood limits (1 message/s per private
 * chat, 20/min per group, 30/s per bot: any excess is answered 429). Prints the figures of the raid
 * target and whether each is met: every joiner muted, the 95th percentile from the join to the
 * joiner's restriction under a second, at most 20 messages to the group in any minute (the joiners
 * share one standing prompt), no 429 answer. Arguments: {@code [pg|h2] [joiners] [seconds]}
 * (default {@code pg 2000 60}). See docs/performance.md.
 */
public final class RaidRun {
  private RaidRun() {}

  public static void main(String[] args) {
    ServerLogging.useForConsole();
    ServerUnderTest.Backend backend =
        args.length > 0 && args[0].equals("h2")
            ? ServerUnderTest.Backend.H2_IN_PROCESS
            : ServerUnderTest.Backend.POSTGRES_REDIS;
    int joiners = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    Duration wave = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 60);
    run(backend, joiners, wave);
  }

  private static void run(ServerUnderTest.Backend backend, int joiners, Duration wave) {
    try (ServerUnderTest it = ServerUnderTest.start(ServerUnderTest.Mode.WEBHOOK, backend)) {
      it.sim.flood(FloodRules.telegram());
      SimUser owner = it.sim.newUser("Owner", "raid_owner");
      owner.startsBot();
      SimChat channel = it.sim.newChannel("Raid News", owner).withUsername("raid_news");
      channel.withBotAsAdmin(AdminRights.guard());
      SimChat group = it.sim.newSupergroup("Raided Group", owner);
      group.withBotAsAdmin(AdminRights.guard());
      owner.says(group, "/protect @raid_news");
      it.settle();

      List<SimUser> raiders = new ArrayList<>(joiners);
      for (int i = 0; i < joiners; i++) {
        raiders.add(it.sim.newUser("Raider " + i, "raider_" + i));
      }
      Instant waveStart = Instant.now();
      Map<Long, Instant> joined = new HashMap<>(joiners * 2);
      long start = System.nanoTime();
      long step = wave.toNanos() / joiners;
      for (int i = 0; i < joiners; i++) {
        long due = start + i * step;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        SimUser raider = raiders.get(i);
        joined.put(raider.id(), Instant.now());
        raider.joins(group);
      }
      Duration scripted = Duration.ofNanos(System.nanoTime() - start);
      // Until every joiner is muted, or nothing moved for 30 s.
      long last = -1;
      long stillSince = System.nanoTime();
      while (true) {
        long now = raiders.stream().filter(group::isMuted).count();
        if (now == joiners || System.nanoTime() - stillSince > Duration.ofSeconds(30).toNanos()) {
          break;
        }
        if (now != last) {
          last = now;
          stillSince = System.nanoTime();
        }
        LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
      }
      Duration drained = Duration.ofNanos(System.nanoTime() - start);

      long muted = raiders.stream().filter(group::isMuted).count();
      List<Duration> latencies = new ArrayList<>(joiners);
      for (SimUser raider : raiders) {
        it.sim.calls().of("restrictChatMember", raider.id()).stream()
            .filter(ApiCall::ok)
            .map(ApiCall::time)
            .min(Instant::compareTo)
            .ifPresent(t -> latencies.add(Duration.between(joined.get(raider.id()), t)));
      }
      // The wave in tenths, in join order: where the slow restrictions were.
      StringBuilder slices = new StringBuilder("  p95 per tenth of the wave (ms):");
      for (int part = 0; part < 10; part++) {
        List<Duration> slice = new ArrayList<>();
        for (int i = part * joiners / 10; i < (part + 1) * joiners / 10; i++) {
          SimUser raider = raiders.get(i);
          it.sim.calls().of("restrictChatMember", raider.id()).stream()
              .filter(ApiCall::ok)
              .map(ApiCall::time)
              .min(Instant::compareTo)
              .ifPresent(t -> slice.add(Duration.between(joined.get(raider.id()), t)));
        }
        Collections.sort(slice);
        slices.append(' ').append(percentile(slice, 0.95).toMillis());
      }
      Collections.sort(latencies);
      List<ApiCall> groupMessages =
          it.sim
              .calls()
              .where(
                  c ->
                      c.chatId().equals(Optional.of(group.id()))
                          && isMessageMethod(c.method())
                          && !c.time().isBefore(waveStart));
      int busiestMinute = busiestMinute(groupMessages);
      long tooManyRequests = it.sim.calls().where(c -> c.httpStatus() == 429).size();
      Duration p95 = percentile(latencies, 0.95);

      System.out.printf(
          Locale.ROOT,
          "RAID | %s | %d joins scripted in %.1f s, all handled after %.1f s | %d muted | join ->"
              + " restriction p50 %d ms, p95 %d ms, p99 %d ms, max %d ms | %d messages to the"
              + " group, at most %d in a minute | %d x 429%n",
          backend,
          joiners,
          scripted.toMillis() / 1000.0,
          drained.toMillis() / 1000.0,
          muted,
          percentile(latencies, 0.50).toMillis(),
          p95.toMillis(),
          percentile(latencies, 0.99).toMillis(),
          latencies.isEmpty() ? 0 : latencies.getLast().toMillis(),
          groupMessages.size(),
          busiestMinute,
          tooManyRequests);

      System.out.println(slices);
      verdict("every joiner muted", muted == joiners && latencies.size() == joiners);
      verdict("p95 join -> restriction < 1 s", p95.compareTo(Duration.ofSeconds(1)) < 0);
      verdict("<= 20 messages to the group per minute", busiestMinute <= 20);
      verdict("0 x 429", tooManyRequests == 0);
    }
  }

  private static void verdict(String target, boolean met) {
    System.out.printf("  %-40s %s%n", target, met ? "met" : "NOT met");
  }

  private static boolean isMessageMethod(String method) {
    String m = method.toLowerCase(Locale.ROOT);
    return m.startsWith("send")
        || m.startsWith("edit")
        || m.startsWith("copy")
        || m.startsWith("forward");
  }

  /** The most calls in any window of 60 s (sliding, starting at each call). */
  private static int busiestMinute(List<ApiCall> calls) {
    List<Instant> times = calls.stream().map(ApiCall::time).sorted().toList();
    int most = 0;
    int from = 0;
    for (int to = 0; to < times.size(); to++) {
      while (Duration.between(times.get(from), times.get(to)).compareTo(Duration.ofMinutes(1))
          >= 0) {
        from++;
      }
      most = Math.max(most, to - from + 1);
    }
    return most;
  }

  private static Duration percentile(List<Duration> sorted, double p) {
    if (sorted.isEmpty()) {
      return Duration.ZERO;
    }
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
