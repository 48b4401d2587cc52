package dev.gmbot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.out.LeaseStore;
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

/** What every {@link LeaseStore} does. */
public abstract class LeaseStoreContract {
  protected static final String POLLER = "poller";
  protected static final Duration LONG = Duration.ofMinutes(1);
  protected static final Duration SHORT = Duration.ofMillis(300);

  protected final MutableClock clock = MutableClock.atEpochOfTests();
  private LeaseStore leases;

  protected abstract LeaseStore createStore(MutableClock clock);

  @BeforeEach
  void setUpStore() {
    leases = createStore(clock);
  }

  @Test
  void aFreeLeaseIsAcquired() {
    assertThat(leases.tryAcquire(POLLER, "a", LONG)).isTrue();
  }

  @Test
  void aHeldLeaseIsRefusedToOthersButNotToItsHolder() {
    assertThat(leases.tryAcquire(POLLER, "a", LONG)).isTrue();

    assertThat(leases.tryAcquire(POLLER, "b", LONG)).isFalse();
    assertThat(leases.tryAcquire(POLLER, "a", LONG)).isTrue();
  }

  @Test
  void leasesAreNamedIndependently() {
    assertThat(leases.tryAcquire(POLLER, "a", LONG)).isTrue();

    assertThat(leases.tryAcquire("sweeper", "b", LONG)).isTrue();
  }

  @Test
  void onlyTheHolderRenews() {
    assertThat(leases.tryAcquire(POLLER, "a", LONG)).isTrue();

    assertThat(leases.renew(POLLER, "a", LONG)).isTrue();
    assertThat(leases.renew(POLLER, "b", LONG)).isFalse();
    assertThat(leases.renew("never-taken", "a", LONG)).isFalse();
  }

  @Test
  void onlyTheHolderReleases() {
    assertThat(leases.tryAcquire(POLLER, "a", LONG)).isTrue();

    leases.release(POLLER, "b");
    assertThat(leases.tryAcquire(POLLER, "b", LONG)).isFalse();

    leases.release(POLLER, "a");
    assertThat(leases.tryAcquire(POLLER, "b", LONG)).isTrue();
    assertThat(leases.renew(POLLER, "a", LONG)).isFalse();
  }

  @Test
  void anExpiredLeaseGoesToTheNextAndCannotBeRenewedByTheOldHolder() {
    assertThat(leases.tryAcquire(POLLER, "a", SHORT)).isTrue();

    Elapse.past(clock, SHORT, () -> leases.tryAcquire(POLLER, "b", LONG));

    assertThat(leases.renew(POLLER, "a", LONG)).isFalse();
    assertThat(leases.renew(POLLER, "b", LONG)).isTrue();
  }

  @Test
  void aRenewedLeaseOutlivesItsFirstDuration() {
    assertThat(leases.tryAcquire(POLLER, "a", SHORT)).isTrue();
    assertThat(leases.renew(POLLER, "a", LONG)).isTrue();

    clock.advance(SHORT.multipliedBy(2));

    assertThat(leases.tryAcquire(POLLER, "b", LONG)).isFalse();
  }

  @Test
  void exactlyOneOfManyConcurrentAcquirersWins() throws Exception {
    int threads = 12;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 10; round++) {
        String name = "lease-" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> tries = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          String holder = "holder-" + t;
          tries.add(
              pool.submit(
                  () -> {
                    start.await();
                    return leases.tryAcquire(name, holder, LONG);
                  }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> f : tries) {
          winners += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(winners).as("winners of %s", name).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
