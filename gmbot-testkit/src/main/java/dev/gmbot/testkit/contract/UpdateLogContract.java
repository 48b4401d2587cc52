package dev.gmbot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.out.UpdateLog;
import dev.gmbot.testkit.fake.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link UpdateLog} does. */
public abstract class UpdateLogContract {
  protected static final Duration DAY = Duration.ofHours(25);

  protected final MutableClock clock = MutableClock.atEpochOfTests();
  private UpdateLog log;

  protected abstract UpdateLog createLog(MutableClock clock);

  @BeforeEach
  void setUpLog() {
    log = createLog(clock);
  }

  @Test
  void theFirstClaimWinsAndLaterOnesAreDuplicates() {
    assertThat(log.claim(100, DAY)).isTrue();
    assertThat(log.claim(100, DAY)).isFalse();
    assertThat(log.claim(100, DAY)).isFalse();
  }

  @Test
  void updatesAreClaimedIndependently() {
    assertThat(log.claim(100, DAY)).isTrue();
    assertThat(log.claim(101, DAY)).isTrue();
    assertThat(log.claim(99, DAY)).isTrue();
  }

  @Test
  void aReleasedUpdateCanBeClaimedAgain() {
    assertThat(log.claim(100, DAY)).isTrue();

    log.release(100);

    assertThat(log.claim(100, DAY)).isTrue();
    assertThat(log.claim(100, DAY)).isFalse();
  }

  @Test
  void releasingAnUnclaimedUpdateChangesNothing() {
    log.release(555);

    assertThat(log.claim(555, DAY)).isTrue();
  }

  @Test
  void aClaimLastsForItsTtl() {
    Duration shortTtl = Duration.ofMillis(300);
    assertThat(log.claim(100, shortTtl)).isTrue();
    assertThat(log.claim(101, DAY)).isTrue();

    Elapse.past(clock, shortTtl, () -> log.claim(100, shortTtl));

    assertThat(log.claim(101, DAY)).isFalse();
  }

  @Test
  void exactlyOneOfManyConcurrentClaimsWins() throws Exception {
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (long id = 1; id <= 20; id++) {
        long updateId = id;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          claims.add(
              pool.submit(
                  () -> {
                    start.await();
                    return log.claim(updateId, DAY);
                  }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> f : claims) {
          winners += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(winners).as("winners of update %d", updateId).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- two-phase handling: begin (a lease), complete, release ---------------------------------

  private static final Duration LEASE = Duration.ofMinutes(15);

  @Test
  void aBegunUpdateIsInProgressForOthersUntilCompleted() {
    assertThat(log.begin(200, LEASE)).isEqualTo(UpdateLog.Claim.CLAIMED);
    assertThat(log.begin(200, LEASE)).isEqualTo(UpdateLog.Claim.IN_PROGRESS);

    log.complete(200, DAY);

    assertThat(log.begin(200, LEASE)).isEqualTo(UpdateLog.Claim.DONE);
    assertThat(log.claim(200, DAY)).isFalse();
  }

  @Test
  void aReleasedBeginCanBeClaimedAgain() {
    assertThat(log.begin(201, LEASE)).isEqualTo(UpdateLog.Claim.CLAIMED);

    log.release(201);

    assertThat(log.begin(201, LEASE)).isEqualTo(UpdateLog.Claim.CLAIMED);
  }

  @Test
  void theLeaseOfAHandlerThatDiedRunsOutAndTheUpdateIsHandledAgain() {
    Duration shortLease = Duration.ofMillis(300);
    assertThat(log.begin(202, shortLease)).isEqualTo(UpdateLog.Claim.CLAIMED);

    Elapse.past(clock, shortLease, () -> log.begin(202, LEASE) == UpdateLog.Claim.CLAIMED);

    assertThat(log.begin(202, LEASE)).isEqualTo(UpdateLog.Claim.IN_PROGRESS);
  }

  @Test
  void aCompletedUpdateStaysDoneForItsTtlNotForItsLease() {
    Duration shortLease = Duration.ofMillis(300);
    assertThat(log.begin(203, shortLease)).isEqualTo(UpdateLog.Claim.CLAIMED);
    log.complete(203, DAY);

    clock.advance(shortLease.multipliedBy(3));

    assertThat(log.begin(203, LEASE)).isEqualTo(UpdateLog.Claim.DONE);
  }

  @Test
  void aOneStepClaimCountsAsDone() {
    assertThat(log.claim(204, DAY)).isTrue();

    assertThat(log.begin(204, LEASE)).isEqualTo(UpdateLog.Claim.DONE);
  }

  @Test
  void exactlyOneOfManyConcurrentBeginsClaims() throws Exception {
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (long id = 300; id < 310; id++) {
        long updateId = id;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<UpdateLog.Claim>> begins = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          begins.add(
              pool.submit(
                  () -> {
                    start.await();
                    return log.begin(updateId, LEASE);
                  }));
        }
        start.countDown();
        int claimed = 0;
        for (Future<UpdateLog.Claim> f : begins) {
          UpdateLog.Claim c = f.get(10, TimeUnit.SECONDS);
          assertThat(c).isNotEqualTo(UpdateLog.Claim.DONE);
          claimed += c == UpdateLog.Claim.CLAIMED ? 1 : 0;
        }
        assertThat(claimed).as("claims of update %d", updateId).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
