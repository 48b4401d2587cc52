package dev.gmbot.adapter.postgres;

import dev.gmbot.port.model.DailyCounter;
import dev.gmbot.port.model.DailyFigures;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.out.DailyStatistics;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DailyStatistics} for the per-update path (ADR 0056): the counters the guard adds on every
 * check are summed in memory and written by a periodic flush, one upsert per group and day that
 * changed, instead of one statement per message. Reading ({@code /stats}) flushes first, so it sees
 * every count of this instance; {@link #close} flushes what is pending. A flush that fails keeps
 * its counts for the next one: a database outage loses no count while the process lives.
 */
public final class WriteBehindDailyStatistics implements DailyStatistics, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WriteBehindDailyStatistics.class);
  private static final DailyCounter[] COUNTERS = DailyCounter.values();

  private record Key(GroupId group, LocalDate day) {}

  /** The not yet written amounts of one group and day; guarded by itself. */
  private static final class Pending {
    private final long[] amounts = new long[COUNTERS.length];
  }

  private final DailyStatistics database;
  private final Clock clock;
  private final Map<Key, Pending> pending = new ConcurrentHashMap<>();
  private final ScheduledExecutorService flusher;

  WriteBehindDailyStatistics(DailyStatistics database, Clock clock, Duration interval) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.flusher =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("gmbot-statistics-flush").factory());
    long millis = interval.toMillis();
    flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void add(GroupId group, LocalDate day, Map<DailyCounter, Long> amounts) {
    Pending entry = pending.computeIfAbsent(new Key(group, day), k -> new Pending());
    synchronized (entry) {
      amounts.forEach((counter, amount) -> entry.amounts[counter.ordinal()] += amount);
    }
  }

  @Override
  public List<DailyFigures> days(GroupId group, LocalDate from, LocalDate to) {
    flush();
    return database.days(group, from, to);
  }

  /** Flushes first, so that no later flush writes a deleted day back. */
  @Override
  public int purgeBefore(LocalDate day) {
    flush();
    return database.purgeBefore(day);
  }

  /**
   * Writes the pending amounts, one upsert per group and day.
   *
   * @return the number of group-days written
   */
  public synchronized int flush() {
    int written = 0;
    LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
    for (Map.Entry<Key, Pending> e : pending.entrySet()) {
      Map<DailyCounter, Long> amounts = new EnumMap<>(DailyCounter.class);
      Pending entry = e.getValue();
      synchronized (entry) {
        for (DailyCounter counter : COUNTERS) {
          long amount = entry.amounts[counter.ordinal()];
          if (amount != 0) {
            amounts.put(counter, amount);
            entry.amounts[counter.ordinal()] = 0;
          }
        }
      }
      if (!amounts.isEmpty()) {
        try {
          database.add(e.getKey().group(), e.getKey().day(), amounts);
          written++;
        } catch (RuntimeException failure) {
          synchronized (entry) {
            amounts.forEach((counter, amount) -> entry.amounts[counter.ordinal()] += amount);
          }
          throw failure;
        }
      } else if (e.getKey().day().isBefore(yesterday)) {
        pending.remove(e.getKey(), entry); // an old day nobody adds to any more
      }
    }
    return written;
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.warn("Daily statistics not written yet (kept for the next flush): {}", e.toString());
    }
  }

  /** Stops the periodic flush and writes what is pending. */
  @Override
  public void close() {
    flusher.shutdown();
    try {
      flusher.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flushQuietly();
  }
}
