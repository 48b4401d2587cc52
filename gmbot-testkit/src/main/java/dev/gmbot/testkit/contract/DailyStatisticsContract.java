package dev.gmbot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.model.DailyCounter;
import dev.gmbot.port.model.DailyFigures;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.out.DailyStatistics;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link DailyStatistics} must have (see the port's javadoc). */
public abstract class DailyStatisticsContract {
  private static final GroupId GROUP = GroupId.of(-1001000000001L);
  private static final GroupId OTHER = GroupId.of(-1001000000002L);
  private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

  /** A store without any rows. */
  protected abstract DailyStatistics newStatistics();

  protected DailyStatistics statistics;

  @BeforeEach
  void fresh() {
    statistics = newStatistics();
  }

  @Test
  void additionsToTheSameDayAddUp() {
    statistics.add(GROUP, MONDAY, Map.of(DailyCounter.JOINS, 1L));
    statistics.add(GROUP, MONDAY, Map.of(DailyCounter.JOINS, 2L, DailyCounter.RESTRICTED, 1L));

    DailyFigures monday = statistics.days(GROUP, MONDAY, MONDAY).get(0);
    assertThat(monday.day()).isEqualTo(MONDAY);
    assertThat(monday.get(DailyCounter.JOINS)).isEqualTo(3);
    assertThat(monday.get(DailyCounter.RESTRICTED)).isEqualTo(1);
    assertThat(monday.get(DailyCounter.CACHE_ANSWERS)).isZero();
  }

  @Test
  void everyCounterIsKept() {
    for (DailyCounter counter : DailyCounter.values()) {
      statistics.add(GROUP, MONDAY, Map.of(counter, (long) counter.ordinal() + 1));
    }

    DailyFigures monday = statistics.days(GROUP, MONDAY, MONDAY).get(0);
    for (DailyCounter counter : DailyCounter.values()) {
      assertThat(monday.get(counter)).as(counter.name()).isEqualTo(counter.ordinal() + 1);
    }
  }

  @Test
  void daysAreReadOldestFirstWithQuietDaysAsZeros() {
    statistics.add(GROUP, MONDAY, Map.of(DailyCounter.MESSAGES_DELETED, 4L));
    statistics.add(GROUP, MONDAY.plusDays(2), Map.of(DailyCounter.MESSAGES_DELETED, 1L));
    statistics.add(GROUP, MONDAY.plusDays(5), Map.of(DailyCounter.MESSAGES_DELETED, 9L));

    List<DailyFigures> days = statistics.days(GROUP, MONDAY, MONDAY.plusDays(3));

    assertThat(days)
        .extracting(DailyFigures::day)
        .containsExactly(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(2), MONDAY.plusDays(3));
    assertThat(days)
        .extracting(d -> d.get(DailyCounter.MESSAGES_DELETED))
        .containsExactly(4L, 0L, 1L, 0L);
  }

  @Test
  void groupsAreKeptApart() {
    statistics.add(GROUP, MONDAY, Map.of(DailyCounter.JOINS, 1L));
    statistics.add(OTHER, MONDAY, Map.of(DailyCounter.JOINS, 5L));

    assertThat(statistics.days(GROUP, MONDAY, MONDAY).get(0).get(DailyCounter.JOINS)).isEqualTo(1);
    assertThat(statistics.days(OTHER, MONDAY, MONDAY).get(0).get(DailyCounter.JOINS)).isEqualTo(5);
  }

  @Test
  void zeroAmountsChangeNothingAndNegativeOnesAreRefused() {
    statistics.add(GROUP, MONDAY, Map.of(DailyCounter.CHECKS, 0L));

    assertThat(statistics.days(GROUP, MONDAY, MONDAY).get(0)).isEqualTo(DailyFigures.empty(MONDAY));
    assertThatThrownBy(() -> statistics.add(GROUP, MONDAY, Map.of(DailyCounter.CHECKS, -1L)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentAdditionsToANewDayLoseNothing() throws Exception {
    int writers = 4;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done =
          java.util.stream.IntStream.range(0, writers)
              .<Future<?>>mapToObj(
                  w ->
                      pool.submit(
                          () -> {
                            for (int i = 0; i < each; i++) {
                              statistics.add(GROUP, MONDAY, Map.of(DailyCounter.CHECKS, 1L));
                            }
                          }))
              .toList();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(statistics.days(GROUP, MONDAY, MONDAY).get(0).get(DailyCounter.CHECKS))
        .isEqualTo(writers * each);
  }

  @Test
  void purgingDeletesTheDaysBeforeTheCutOffOfEveryGroupAndKeepsTheRest() {
    statistics.add(GROUP, MONDAY.minusDays(2), Map.of(DailyCounter.JOINS, 1L));
    statistics.add(OTHER, MONDAY.minusDays(1), Map.of(DailyCounter.JOINS, 2L));
    statistics.add(GROUP, MONDAY, Map.of(DailyCounter.JOINS, 3L));
    statistics.add(OTHER, MONDAY.plusDays(1), Map.of(DailyCounter.JOINS, 4L));

    int deleted = statistics.purgeBefore(MONDAY);

    assertThat(deleted).isEqualTo(2);
    assertThat(statistics.days(GROUP, MONDAY.minusDays(2), MONDAY))
        .extracting(f -> f.get(DailyCounter.JOINS))
        .containsExactly(0L, 0L, 3L);
    assertThat(statistics.days(OTHER, MONDAY.minusDays(1), MONDAY.plusDays(1)))
        .extracting(f -> f.get(DailyCounter.JOINS))
        .containsExactly(0L, 0L, 4L);
    assertThat(statistics.purgeBefore(MONDAY)).isZero();
  }
}
