package dev.gmbot.port.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the /stats picture shows, decided by the domain: a title, the days (oldest first) and one
 * line per figure, already named in the group's language. How it is drawn is the renderer's
 * business.
 *
 * @param title the picture's heading
 * @param days the days along the horizontal axis, oldest first
 * @param series the lines, each with one value per day
 */
public record StatsChartData(String title, List<LocalDate> days, List<Series> series) {
  public StatsChartData {
    Objects.requireNonNull(title, "title");
    days = List.copyOf(days);
    series = List.copyOf(series);
    for (Series s : series) {
      if (s.values().size() != days.size()) {
        throw new IllegalArgumentException(
            "series " + s.label() + " has " + s.values().size() + " values for " + days.size());
      }
    }
  }

  /** One figure over the days. */
  public record Series(String label, List<Long> values) {
    public Series {
      Objects.requireNonNull(label, "label");
      values = List.copyOf(values);
    }
  }
}
