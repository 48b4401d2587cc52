package dev.gmbot.app.server.bench;

import dev.gmbot.adapter.postgres.CachingGroupRepository;
import dev.gmbot.adapter.postgres.Database;
import dev.gmbot.adapter.postgres.PersistenceConfig;
import dev.gmbot.adapter.postgres.WriteBehindMemberRepository;
import dev.gmbot.adapter.redis.RedisConfig;
import dev.gmbot.adapter.redis.SharedState;
import dev.gmbot.adapter.redis.local.LocalMembershipCache;
import dev.gmbot.domain.scheduling.LocalRateLimitStore;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.ChangeNotices;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.MembershipCache;
import io.lettuce.core.RedisClient;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What one cached entry costs: heap per membership answer in process, per cached member and per
 * cached group (the hot-path caches, ADR 0044), and Redis memory per membership answer. Prints a
 * table; run it with a heap large enough for the sizes asked (see docs/performance.md).
 *
 * <p>Arguments: {@code [members (200000)] [groups (10000)]}; Redis at {@code REDIS_URL} (default
 * redis://127.0.0.1:6379) when it answers.
 */
public final class CacheFootprint {
  private CacheFootprint() {}

  public static void main(String[] args) throws Exception {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int groups = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Clock clock = Clock.systemUTC();
    ChannelId channel = ChannelId.of(-1002000000001L);
    GroupId group = GroupId.of(-1001000000001L);
    List<Object> keep = new ArrayList<>();

    long before = heap();
    LocalMembershipCache answers = new LocalMembershipCache(clock, members * 2L);
    for (int u = 0; u < members; u++) {
      answers.put(UserId.of(1_000_000 + u), channel, true, Duration.ofMinutes(10));
    }
    keep.add(answers);
    report("in-process membership answer (LocalMembershipCache)", heap() - before, members);

    PersistenceConfig h2 =
        PersistenceConfig.parse("jdbc:h2:mem:footprint" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Database db = Database.connect(h2)) {
      db.migrate();
      try (WriteBehindMemberRepository writer =
          db.writeBehindMembers(ChangeNotices.NONE, clock, Duration.ofHours(1))) {
        Instant now = clock.instant();
        for (int u = 0; u < members; u++) {
          writer.recordActivity(group, UserId.of(1_000_000 + u), now);
        }
        writer.flush();
      }
      WriteBehindMemberRepository cached =
          db.writeBehindMembers(ChangeNotices.NONE, clock, Duration.ofHours(1));
      before = heap();
      for (int u = 0; u < members; u++) {
        cached.find(group, UserId.of(1_000_000 + u));
      }
      report("in-process member (WriteBehindMemberRepository)", heap() - before, members);
      keep.add(cached);

      CachingGroupRepository groupCache = db.cachedGroups(ChangeNotices.NONE, clock);
      Owner owner = new Owner(UserId.of(1), Optional.of("owner"), true);
      EnforcedChannel news =
          new EnforcedChannel(channel, "News", Optional.of("news"), Optional.empty());
      for (int g = 0; g < groups; g++) {
        db.groups()
            .protect(
                GroupId.of(-1001100000000L - g),
                "Group " + g,
                owner,
                List.of(news),
                clock.instant());
      }
      before = heap();
      for (int g = 0; g < groups; g++) {
        groupCache.find(GroupId.of(-1001100000000L - g));
      }
      report("in-process group, one channel (CachingGroupRepository)", heap() - before, groups);
      keep.add(groupCache);
      cached.close();
    }

    String url = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
    String prefix = "gmfootprint" + UUID.randomUUID().toString().substring(0, 8) + ":";
    RedisClient client = RedisClient.create(url);
    try (var inspect = client.connect();
        SharedState state =
            SharedState.redis(
                RedisConfig.parse(url)
                    .withKeyPrefix(prefix)
                    .withCommandTimeout(Duration.ofSeconds(5)),
                clock,
                GuardMetrics.NONE,
                new LocalRateLimitStore())) {
      MembershipCache redis = state.membershipCache();
      long used = usedMemory(inspect.sync().info("memory"));
      for (int u = 0; u < members; u++) {
        redis.put(UserId.of(1_000_000 + u), channel, true, Duration.ofMinutes(10));
      }
      report(
          "Redis membership answer (verify key, PX)",
          usedMemory(inspect.sync().info("memory")) - used,
          members);
      List<String> keys = inspect.sync().keys(prefix + "*");
      for (int i = 0; i < keys.size(); i += 1000) {
        inspect.sync().del(keys.subList(i, Math.min(keys.size(), i + 1000)).toArray(String[]::new));
      }
    } finally {
      client.shutdown();
    }
    if (keep.isEmpty()) {
      System.out.println("nothing kept");
    }
  }

  private static long usedMemory(String info) {
    for (String line : info.split("\r?\n")) {
      if (line.startsWith("used_memory:")) {
        return Long.parseLong(line.substring("used_memory:".length()).strip());
      }
    }
    throw new IllegalStateException("no used_memory in INFO");
  }

  private static long heap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void report(String what, long bytes, int entries) {
    System.out.printf("| %s | %,d | %.0f B |%n", what, entries, (double) bytes / entries);
  }
}
