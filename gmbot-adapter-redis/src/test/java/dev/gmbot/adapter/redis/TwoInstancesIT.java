package dev.gmbot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.out.Acquisition;
import dev.gmbot.port.out.Meter;
import dev.gmbot.port.out.Rate;
import dev.gmbot.port.out.RateLimitStore;
import dev.gmbot.port.out.UpdateLog;
import dev.gmbot.testkit.fake.MutableClock;
import dev.gmbot.testkit.fake.RecordingMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the adapter, each with its own connection, share one Redis: together they never
 * exceed one budget, and exactly one of them wins each update.
 */
class TwoInstancesIT {
  private static final Rate GLOBAL = Rate.perSecond(25);
  private static final Rate GROUP = new Rate(20, Duration.ofSeconds(2), 5);
  private static final Rate PRIVATE = Rate.perSecond(1);

  private final MutableClock clock = MutableClock.atEpochOfTests();
  private final RecordingMetrics metrics = new RecordingMetrics();
  private RedisConfig config;
  private SharedState first;
  private SharedState second;

  @BeforeEach
  void open() {
    config = TestRedis.config();
    first = SharedState.redis(config, clock, metrics, new RefusingRateLimitStore());
    second = SharedState.redis(config, clock, metrics, new RefusingRateLimitStore());
  }

  @AfterEach
  void close() {
    if (second != null) {
      first.close();
      second.close();
      TestRedis.cleanUp(config);
    }
  }

  private record Grant(List<Meter> meters, long micros) {}

  @RepeatedTest(5)
  void twoInstancesUnderRandomTrafficNeverExceedTheSharedBudget(RepetitionInfo repetition)
      throws Exception {
    long start = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
    AtomicLong controlledMicros = new AtomicLong(start);
    List<RateLimitStore> stores = List.of(first.rateLimitStore(), second.rateLimitStore());
    List<Grant> grants = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger refusals = new AtomicInteger();
    int threadsPerInstance = 3;
    int attemptsPerThread = 700;
    ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerInstance);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < 2 * threadsPerInstance; t++) {
      RateLimitStore store = stores.get(t % 2);
      SplittableRandom random =
          new SplittableRandom(1_000L * repetition.getCurrentRepetition() + t);
      running.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < attemptsPerThread; i++) {
                  long now = controlledMicros.addAndGet(random.nextLong(0, 3_000));
                  List<Meter> meters =
                      random.nextInt(4) == 0
                          ? List.of(
                              new Meter("global", GLOBAL),
                              new Meter("private:" + (1 + random.nextInt(3)), PRIVATE))
                          : List.of(
                              new Meter("global", GLOBAL),
                              new Meter("group:-10" + random.nextInt(3), GROUP));
                  Acquisition a =
                      store.tryAcquire(meters, Instant.EPOCH.plus(now, ChronoUnit.MICROS));
                  if (a.granted()) {
                    grants.add(new Grant(meters, now));
                  } else {
                    refusals.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : running) {
      f.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();

    Map<String, List<Long>> byMeter = new ConcurrentHashMap<>();
    Map<String, Rate> rates = new ConcurrentHashMap<>();
    for (Grant g : grants) {
      for (Meter m : g.meters()) {
        byMeter.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(g.micros());
        rates.put(m.key(), m.rate());
      }
    }
    assertThat(metrics.count("fallback.rate_limits")).as("fallbacks").isZero();
    assertThat(refusals.get()).as("refusals").isPositive();
    long elapsedSeconds = (controlledMicros.get() - start) / 1_000_000;
    assertThat(byMeter.get("global"))
        .as("the global meter is used near its budget")
        .hasSizeGreaterThan((int) (GLOBAL.permits() * elapsedSeconds * 9 / 10));
    byMeter.forEach((key, times) -> assertEveryWindowWithinBudget(key, times, rates.get(key)));
  }

  /**
   * GCRA with burst b: any half-open window of one period holds at most permits + b - 1 grants
   * (exactly permits when b = 1). Checked at every grant: the grant that many places later lies a
   * full period or more after it.
   */
  private static void assertEveryWindowWithinBudget(String key, List<Long> times, Rate rate) {
    List<Long> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    int allowed = rate.permits() + rate.burst() - 1;
    long period = rate.period().toNanos() / 1000;
    for (int i = 0; i + allowed < sorted.size(); i++) {
      assertThat(sorted.get(i + allowed) - sorted.get(i))
          .as("meter %s: grant %d and grant %d are within one period", key, i, i + allowed)
          .isGreaterThanOrEqualTo(period);
    }
  }

  @Test
  void exactlyOneClaimantWinsEachUpdateAcrossThreadsAndInstances() throws Exception {
    List<UpdateLog> logs = List.of(first.updateLog(), second.updateLog());
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (long updateId = 500_000; updateId < 500_050; updateId++) {
        long id = updateId;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          UpdateLog log = logs.get(t % 2);
          claims.add(
              pool.submit(
                  () -> {
                    go.await();
                    return log.claim(id, Duration.ofHours(25));
                  }));
        }
        go.countDown();
        int winners = 0;
        for (Future<Boolean> f : claims) {
          winners += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(winners).as("winners of update %d", id).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(metrics.count("fallback.update_log")).isZero();
  }
}
