package dev.gmbot.adapter.postgres;

import dev.gmbot.port.model.DailyCounter;
import dev.gmbot.port.model.DailyFigures;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.out.DailyStatistics;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link DailyStatistics} on the {@code daily_statistics} table: one column per {@link
 * DailyCounter} (its name in lower case), one row per group and UTC day. An addition is one
 * transaction: add to the row, or insert it (a concurrent insert that won is added to again).
 */
public final class JdbiDailyStatistics implements DailyStatistics {
  private final Jdbi jdbi;

  JdbiDailyStatistics(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  @Override
  public void add(GroupId group, LocalDate day, Map<DailyCounter, Long> amounts) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(day, "day");
    List<DailyCounter> counters =
        Stream.of(DailyCounter.values()).filter(c -> amounts.getOrDefault(c, 0L) != 0).toList();
    amounts.forEach(
        (counter, amount) -> {
          if (amount < 0) {
            throw new IllegalArgumentException("a daily counter only grows: " + counter);
          }
        });
    if (counters.isEmpty()) {
      return;
    }
    String increments =
        counters.stream()
            .map(c -> column(c) + " = " + column(c) + " + :" + column(c))
            .collect(Collectors.joining(", "));
    String columns = counters.stream().map(JdbiDailyStatistics::column).collect(joining());
    String values = counters.stream().map(c -> ":" + column(c)).collect(joining());
    Sql.txRun(
        jdbi,
        "add to the daily statistics",
        h -> {
          Map<String, Object> binds = new HashMap<>();
          binds.put("group", group.value());
          binds.put("day", day);
          counters.forEach(c -> binds.put(column(c), amounts.get(c)));
          Sql.upsert(
              () ->
                  h.createUpdate(
                          "UPDATE daily_statistics SET "
                              + increments
                              + " WHERE group_id = :group AND stats_day = :day")
                      .bindMap(binds)
                      .execute(),
              () ->
                  h.createUpdate(
                          "INSERT INTO daily_statistics (group_id, stats_day, "
                              + columns
                              + ") VALUES (:group, :day, "
                              + values
                              + ") ON CONFLICT DO NOTHING")
                      .bindMap(binds)
                      .execute());
        });
  }

  @Override
  public List<DailyFigures> days(GroupId group, LocalDate from, LocalDate to) {
    Map<LocalDate, DailyFigures> rows =
        Sql.tx(
                jdbi,
                "read the daily statistics",
                h ->
                    h.createQuery(
                            "SELECT * FROM daily_statistics WHERE group_id = :group"
                                + " AND stats_day BETWEEN :from AND :to")
                        .bind("group", group.value())
                        .bind("from", from)
                        .bind("to", to)
                        .map((rs, ctx) -> figures(rs))
                        .list())
            .stream()
            .collect(Collectors.toMap(DailyFigures::day, f -> f));
    List<DailyFigures> out = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      out.add(rows.getOrDefault(day, DailyFigures.empty(day)));
    }
    return out;
  }

  @Override
  public int purgeBefore(LocalDate day) {
    return Sql.tx(
        jdbi,
        "purge the daily statistics",
        h ->
            h.createUpdate("DELETE FROM daily_statistics WHERE stats_day < :day")
                .bind("day", day)
                .execute());
  }

  private static DailyFigures figures(ResultSet rs) throws SQLException {
    Map<DailyCounter, Long> counts = new EnumMap<>(DailyCounter.class);
    for (DailyCounter counter : DailyCounter.values()) {
      counts.put(counter, rs.getLong(column(counter)));
    }
    return new DailyFigures(rs.getObject("stats_day", LocalDate.class), counts);
  }

  private static String column(DailyCounter counter) {
    return counter.name().toLowerCase(Locale.ROOT);
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining() {
    return Collectors.joining(", ");
  }
}
