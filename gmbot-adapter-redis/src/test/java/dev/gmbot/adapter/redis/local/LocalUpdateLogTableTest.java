package dev.gmbot.adapter.redis.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.out.UpdateLog.Claim;
import dev.gmbot.testkit.fake.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The arrays behind {@link LocalUpdateLog}: the ring's order and bound, the table's deletions, the
 * growth and compaction of both. The port's behaviour is {@link LocalUpdateLogTest}'s.
 */
class LocalUpdateLogTableTest {
  private static final Duration DAY = Duration.ofHours(25);
  private static final Duration LEASE = Duration.ofMinutes(1);

  private final MutableClock clock = MutableClock.atEpochOfTests();

  @Test
  void atItsBoundTheLogForgetsTheOldestClaimsFirst() {
    LocalUpdateLog log = new LocalUpdateLog(clock, 10);
    for (long id = 1; id <= 1_000; id++) {
      assertThat(log.claim(id, DAY)).isTrue();
    }

    assertThat(log.size()).isEqualTo(10);
    assertThat(log.capacity()).isEqualTo(10);
    for (long id = 991; id <= 1_000; id++) {
      assertThat(log.begin(id, LEASE)).as("update %d", id).isEqualTo(Claim.DONE);
    }
    assertThat(log.begin(990, LEASE)).isEqualTo(Claim.CLAIMED);
    assertThat(log.begin(991, LEASE)).as("990 pushed 991 out").isEqualTo(Claim.CLAIMED);
  }

  @Test
  void theRingGrowsUpToTheBoundAndNoFurther() {
    LocalUpdateLog log = new LocalUpdateLog(clock, 5_000);
    assertThat(log.capacity()).isEqualTo(1_024);

    for (long id = 0; id < 20_000; id++) {
      log.claim(id, DAY);
    }

    assertThat(log.capacity()).isEqualTo(5_000);
    assertThat(log.size()).isEqualTo(5_000);
    assertThat(log.completedHere(14_999)).isFalse();
    assertThat(log.completedHere(15_000)).isTrue();
    assertThat(log.completedHere(19_999)).isTrue();
  }

  @Test
  void releasedClaimsAreSqueezedOutInsteadOfGrowingTheRing() {
    LocalUpdateLog log = new LocalUpdateLog(clock, 100_000);
    for (int round = 0; round < 50; round++) {
      for (long id = round * 1_000L; id < round * 1_000L + 1_000; id++) {
        assertThat(log.begin(id, LEASE)).isEqualTo(Claim.CLAIMED);
        log.release(id);
      }
    }
    log.complete(7, DAY);

    assertThat(log.capacity()).isEqualTo(1_024);
    assertThat(log.size()).isEqualTo(1);
    assertThat(log.completedHere(7)).isTrue();
    assertThat(log.begin(49_999, LEASE)).isEqualTo(Claim.CLAIMED);
  }

  @Test
  void anExpiredClaimMadeAgainMovesToTheYoungEndOfTheRing() {
    LocalUpdateLog log = new LocalUpdateLog(clock, 3);
    log.begin(1, Duration.ofSeconds(1));
    log.claim(2, DAY);
    log.claim(3, DAY);
    clock.advance(Duration.ofSeconds(2));

    assertThat(log.begin(1, LEASE)).isEqualTo(Claim.CLAIMED);
    log.claim(4, DAY);

    assertThat(log.begin(1, LEASE)).as("1 is the youngest claim now").isEqualTo(Claim.IN_PROGRESS);
    assertThat(log.completedHere(2)).as("2 was the oldest").isFalse();
    assertThat(log.completedHere(3)).isTrue();
    assertThat(log.completedHere(4)).isTrue();
  }

  @Test
  void aCompletedLeaseKeepsItsPlaceAndTakesTheLongerTtl() {
    LocalUpdateLog log = new LocalUpdateLog(clock, 2);
    log.begin(1, Duration.ofSeconds(1));
    log.claim(2, DAY);
    log.complete(1, DAY);
    clock.advance(Duration.ofHours(1));

    assertThat(log.completedHere(1)).isTrue();
    log.claim(3, DAY);
    assertThat(log.completedHere(1)).as("1 was claimed first").isFalse();
    assertThat(log.completedHere(2)).isTrue();
  }

  @Test
  void aTtlBeyondAnyClockDoesNotOverflowIntoThePast() {
    LocalUpdateLog log = new LocalUpdateLog(clock, 10);
    assertThat(log.claim(1, Duration.ofSeconds(Long.MAX_VALUE))).isTrue();
    log.complete(2, Duration.ofDays(365L * 10_000));

    clock.advance(Duration.ofDays(365L * 100));

    assertThat(log.claim(1, DAY)).isFalse();
    assertThat(log.completedHere(2)).isTrue();
  }

  @Test
  void claimsBeforeTheEpochAndAtTheEndsOfLongAreKeptApart() {
    MutableClock early = new MutableClock(Instant.parse("1960-01-01T00:00:00Z"));
    LocalUpdateLog log = new LocalUpdateLog(early, 10);
    for (long id : new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}) {
      assertThat(log.claim(id, DAY)).as("update %d", id).isTrue();
    }
    for (long id : new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}) {
      assertThat(log.claim(id, DAY)).as("update %d", id).isFalse();
    }

    early.advance(DAY);

    assertThat(log.claim(0, DAY)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, LocalUpdateLog.LARGEST_MAXIMUM_SIZE + 1})
  void aBoundOutsideItsRangeIsRefused(long maximumSize) {
    assertThatThrownBy(() -> new LocalUpdateLog(clock, maximumSize))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maximumSize must be between 1 and 268435456");
  }

  @Test
  void aBoundOfOneKeepsTheLatestClaim() {
    LocalUpdateLog log = new LocalUpdateLog(clock, 1);
    log.claim(1, DAY);
    log.claim(2, DAY);

    assertThat(log.completedHere(1)).isFalse();
    assertThat(log.completedHere(2)).isTrue();
    assertThat(log.size()).isEqualTo(1);
  }

  /**
   * Thousands of random operations on a few hundred ids (so that probe runs collide and deletions
   * shift them), against a map that plays the same rules; the bound is far away, so the two must
   * agree on every answer.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void agreesWithASimpleModelOnEveryAnswer(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LocalUpdateLog log = new LocalUpdateLog(clock, 1_000_000);
    Map<Long, long[]> model = new HashMap<>(); // id -> {expiry in ms since start, done ? 1 : 0}
    long start = clock.millis();

    for (int step = 0; step < 60_000; step++) {
      long id = random.nextInt(600) - 300L + (random.nextInt(10) == 0 ? 1L << 40 : 0);
      long now = clock.millis() - start;
      Duration ttl = Duration.ofMillis(1 + random.nextInt(2_000));
      long[] known = model.get(id);
      boolean live = known != null && now < known[0];
      int operation = random.nextInt(6);
      if (known != null && !live && operation < 5) {
        model.remove(id); // the log drops an expired claim when its id is looked up
      }
      switch (operation) {
        case 0 -> {
          Claim expected = !live ? Claim.CLAIMED : known[1] == 1 ? Claim.DONE : Claim.IN_PROGRESS;
          assertThat(log.begin(id, ttl)).as("begin %d at step %d", id, step).isEqualTo(expected);
          if (!live) {
            model.put(id, new long[] {now + ttl.toMillis(), 0});
          }
        }
        case 1 -> {
          assertThat(log.claim(id, ttl)).as("claim %d at step %d", id, step).isEqualTo(!live);
          if (!live) {
            model.put(id, new long[] {now + ttl.toMillis(), 1});
          }
        }
        case 2 -> {
          log.complete(id, ttl);
          model.put(id, new long[] {now + ttl.toMillis(), 1});
        }
        case 3 -> {
          log.release(id);
          model.remove(id);
        }
        case 4 ->
            assertThat(log.completedHere(id))
                .as("completedHere %d at step %d", id, step)
                .isEqualTo(live && known[1] == 1);
        default -> clock.advance(Duration.ofMillis(random.nextInt(20)));
      }
    }
    assertThat(log.size()).isEqualTo(model.size());
  }
}
