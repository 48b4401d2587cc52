package dev.gmbot.domain.commands;

import dev.gmbot.port.model.DailyCounter;
import dev.gmbot.port.model.DailyFigures;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;

/**
 * The figures /stats shows, from the group's daily counters: one entry per day (oldest first, the
 * last one today), today's figures and two rates over the whole period. What the figures are is
 * decided here; how they look is the renderer's business.
 */
record DailyReport(List<DailyFigures> days) {
  DailyReport {
    days = List.copyOf(days);
    if (days.isEmpty()) {
      throw new IllegalArgumentException("a report covers at least one day");
    }
  }

  DailyFigures today() {
    return days.get(days.size() - 1);
  }

  List<LocalDate> dates() {
    return days.stream().map(DailyFigures::day).toList();
  }

  /** The counter's value of each day, oldest first. */
  List<Long> series(DailyCounter counter) {
    return days.stream().map(d -> d.get(counter)).toList();
  }

  /** Verified either way on the day. */
  static long verified(DailyFigures day) {
    return day.get(DailyCounter.VERIFIED_BY_BUTTON) + day.get(DailyCounter.VERIFIED_AUTOMATICALLY);
  }

  long total(DailyCounter counter) {
    return days.stream().mapToLong(d -> d.get(counter)).sum();
  }

  /** The share of the period's checks that found the member subscribed, in percent. */
  OptionalLong successPercent() {
    return percent(total(DailyCounter.CHECKS_PASSED), total(DailyCounter.CHECKS));
  }

  /** The share of the period's channel answers that came from the cache, in percent. */
  OptionalLong cachePercent() {
    return percent(total(DailyCounter.CACHE_ANSWERS), total(DailyCounter.CHANNEL_ANSWERS));
  }

  private static OptionalLong percent(long part, long whole) {
    return whole == 0 ? OptionalLong.empty() : OptionalLong.of(Math.round(100.0 * part / whole));
  }
}
