package dev.gmbot.port.out;

import dev.gmbot.port.model.DailyCounter;
import dev.gmbot.port.model.DailyFigures;
import dev.gmbot.port.model.GroupId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The per-day counters of each group (one row per group and UTC day), added to when the guard acts
 * and read by {@code /stats}. Adding is an upsert: concurrent instances add to the same row without
 * losing counts.
 */
public interface DailyStatistics {
  /** Keeps nothing and reads nothing: {@code /stats} then answers with the audit figures only. */
  DailyStatistics NONE =
      new DailyStatistics() {
        @Override
        public void add(GroupId group, LocalDate day, Map<DailyCounter, Long> amounts) {}

        @Override
        public List<DailyFigures> days(GroupId group, LocalDate from, LocalDate to) {
          return List.of();
        }

        @Override
        public int purgeBefore(LocalDate day) {
          return 0;
        }

        @Override
        public boolean keeps() {
          return false;
        }
      };

  /**
   * Adds the amounts (each at least 0; zeros may be skipped) to the group's counters of the day.
   */
  void add(GroupId group, LocalDate day, Map<DailyCounter, Long> amounts);

  /**
   * The group's days from {@code from} to {@code to} (both included), oldest first, one entry per
   * day: a day without a row reads as {@link DailyFigures#empty}.
   */
  List<DailyFigures> days(GroupId group, LocalDate from, LocalDate to);

  /**
   * Deletes every group's days before {@code day} (the retention clean-up).
   *
   * @return the number of group-days deleted
   */
  int purgeBefore(LocalDate day);

  /** Whether this store keeps figures at all ({@link #NONE} does not). */
  default boolean keeps() {
    return true;
  }
}
