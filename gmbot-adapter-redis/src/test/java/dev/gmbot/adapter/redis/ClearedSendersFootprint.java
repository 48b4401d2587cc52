package dev.gmbot.adapter.redis;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one answer held by {@link ClearedSenders} costs on the heap: {@code answers} senders spread
 * over {@code groups} groups of one channel each, as the gate would keep them; heap after a full GC
 * before and after (docs/performance.md). Run with the test classpath:
 *
 * <pre>{@code
 * java -Xmx1g -XX:+UseSerialGC -cp ... dev.gmbot.adapter.redis.ClearedSendersFootprint 200000 100
 * }</pre>
 */
public final class ClearedSendersFootprint {
  private ClearedSendersFootprint() {}

  public static void main(String[] args) {
    int answers = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int groups = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    List<ChannelId> channels = List.of(ChannelId.of(-1002));
    ClearedSenders cleared = new ClearedSenders(Clock.systemUTC());
    cleared.noticesResumed();
    long before = usedAfterGc();
    int perGroup = Math.max(1, answers / groups);
    for (int i = 0; i < answers; i++) {
      UserId user = UserId.of(1_000_000L + i % perGroup);
      GroupId group = GroupId.of(-1001L - i / perGroup);
      cleared.remember(
          cleared.stamp(user, group),
          user,
          group,
          channels,
          Map.of(channels.get(0), true),
          Optional.of(false),
          600_000);
    }
    long after = usedAfterGc();
    System.out.printf(
        "cleared senders: %d answers held, %.0f bytes each (heap %d -> %d KiB)%n",
        cleared.size(), (after - before) / (double) cleared.size(), before / 1024, after / 1024);
  }

  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
