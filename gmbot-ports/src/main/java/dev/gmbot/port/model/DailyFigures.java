package dev.gmbot.port.model;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One group's counters of one UTC day (a counter never added to reads zero; zeros are not kept, so
 * two days with the same figures are equal).
 *
 * @param day the UTC day
 * @param counts the counters of that day
 */
public record DailyFigures(LocalDate day, Map<DailyCounter, Long> counts) {
  public DailyFigures {
    Objects.requireNonNull(day, "day");
    EnumMap<DailyCounter, Long> copy = new EnumMap<>(DailyCounter.class);
    counts.forEach(
        (counter, value) -> {
          if (value < 0) {
            throw new IllegalArgumentException("a daily counter is never negative: " + counter);
          }
          if (value > 0) {
            copy.put(counter, value);
          }
        });
    counts = Map.copyOf(copy);
  }

  /** A day nothing was counted on. */
  public static DailyFigures empty(LocalDate day) {
    return new DailyFigures(day, Map.of());
  }

  public long get(DailyCounter counter) {
    return counts.getOrDefault(counter, 0L);
  }
}
