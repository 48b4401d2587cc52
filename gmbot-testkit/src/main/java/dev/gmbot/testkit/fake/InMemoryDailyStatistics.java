package dev.gmbot.testkit.fake;

import dev.gmbot.port.model.DailyCounter;
import dev.gmbot.port.model.DailyFigures;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.out.DailyStatistics;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** {@link DailyStatistics} in memory: one counter map per (group, day), added to atomically. */
public final class InMemoryDailyStatistics implements DailyStatistics {
  private record Key(GroupId group, LocalDate day) {}

  private final Map<Key, Map<DailyCounter, Long>> rows = new ConcurrentHashMap<>();

  @Override
  public void add(GroupId group, LocalDate day, Map<DailyCounter, Long> amounts) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(day, "day");
    amounts.values().forEach(InMemoryDailyStatistics::requireNotNegative);
    rows.compute(
        new Key(group, day),
        (key, row) -> {
          Map<DailyCounter, Long> next =
              row == null ? new EnumMap<>(DailyCounter.class) : new EnumMap<>(row);
          amounts.forEach((counter, amount) -> next.merge(counter, amount, Long::sum));
          return next;
        });
  }

  @Override
  public List<DailyFigures> days(GroupId group, LocalDate from, LocalDate to) {
    List<DailyFigures> out = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      out.add(new DailyFigures(day, rows.getOrDefault(new Key(group, day), Map.of())));
    }
    return out;
  }

  @Override
  public int purgeBefore(LocalDate day) {
    int before = rows.size();
    rows.keySet().removeIf(k -> k.day().isBefore(day));
    return before - rows.size();
  }

  private static void requireNotNegative(long amount) {
    if (amount < 0) {
      throw new IllegalArgumentException("a daily counter only grows: " + amount);
    }
  }
}
