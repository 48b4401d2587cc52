package dev.gmbot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.out.EffectOutbox;
import dev.gmbot.port.out.EffectOutbox.ClaimedEffect;
import dev.gmbot.port.out.EffectOutbox.DeferredEffect;
import dev.gmbot.testkit.fake.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link EffectOutbox} must have (ADR 0014): idempotent keys, lanes claimed in
 * order one at a time, leases taken over when they run out, progress only by the lease holder.
 */
public abstract class EffectOutboxContract {
  protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(60);

  /** The clock the outbox under test reads (for its own "now" in progress and finish). */
  protected final MutableClock clock = new MutableClock(T0);

  protected EffectOutbox outbox;

  /** A fresh, empty outbox reading {@link #clock}. */
  protected abstract EffectOutbox newOutbox();

  @BeforeEach
  final void openOutbox() {
    outbox = newOutbox();
  }

  private static DeferredEffect effect(String key, String lane, int priority, Instant notBefore) {
    return new DeferredEffect(key, lane, priority, "payload of " + key, T0, notBefore);
  }

  @Test
  void aKeyIsRecordedOnceEvenAfterItIsDone() {
    assertThat(outbox.record(effect("u1:0", "chat:1", 1, T0))).isTrue();
    assertThat(outbox.record(effect("u1:0", "chat:1", 1, T0))).isFalse();
    ClaimedEffect c = outbox.claim("a", 10, LEASE, T0).getFirst();
    outbox.complete(c);
    assertThat(outbox.record(effect("u1:0", "chat:1", 1, T0))).isFalse();
    assertThat(outbox.hasPending("chat:1")).isFalse();
    assertThat(outbox.claim("a", 10, LEASE, T0)).isEmpty();
  }

  @Test
  void aLaneIsClaimedInOrderOneAtATime() {
    outbox.record(effect("u1:0", "chat:1", 1, T0));
    outbox.record(effect("u2:0", "chat:1", 0, T0));
    outbox.record(effect("u3:0", "chat:2", 2, T0));
    assertThat(outbox.hasPending("chat:1")).isTrue();
    assertThat(outbox.hasPending("chat:9")).isFalse();

    List<ClaimedEffect> first = outbox.claim("a", 10, LEASE, T0);
    assertThat(first).extracting(c -> c.effect().key()).containsExactly("u1:0", "u3:0");
    assertThat(first.getFirst().effect().payload()).isEqualTo("payload of u1:0");
    assertThat(first.getFirst().takenOver()).isFalse();
    assertThat(outbox.claim("b", 10, LEASE, T0)).as("heads are leased").isEmpty();

    outbox.complete(first.getFirst());
    assertThat(outbox.claim("b", 10, LEASE, T0))
        .extracting(c -> c.effect().key())
        .containsExactly("u2:0");
  }

  @Test
  void aReleasedEffectWaitsUntilDueAndKeepsItsLaneBehindIt() {
    outbox.record(effect("u1:0", "chat:1", 1, T0));
    outbox.record(effect("u2:0", "chat:1", 1, T0));
    ClaimedEffect c = outbox.claim("a", 10, LEASE, T0).getFirst();
    outbox.release(c, "rest", T0.plusSeconds(5));

    assertThat(outbox.claim("a", 10, LEASE, T0.plusSeconds(4))).isEmpty();
    ClaimedEffect again = outbox.claim("a", 10, LEASE, T0.plusSeconds(5)).getFirst();
    assertThat(again.effect().key()).isEqualTo("u1:0");
    assertThat(again.effect().payload()).isEqualTo("rest");
    assertThat(again.effect().notBefore()).isEqualTo(T0.plusSeconds(5));
  }

  @Test
  void anExpiredLeaseIsTakenOverWithItsProgress() {
    outbox.record(effect("u1:0", "chat:1", 1, T0));
    ClaimedEffect a = outbox.claim("a", 10, LEASE, T0).getFirst();
    assertThat(outbox.progress(a, "second step", true)).isTrue();

    Instant later = T0.plus(LEASE).plusSeconds(1);
    clock.set(later);
    ClaimedEffect b = outbox.claim("b", 10, LEASE, later).getFirst();
    assertThat(b.takenOver()).isTrue();
    assertThat(b.headStarted()).isTrue();
    assertThat(b.effect().payload()).isEqualTo("second step");

    assertThat(outbox.progress(a, "stale", false)).as("a lost its lease").isFalse();
    outbox.complete(a);
    assertThat(outbox.hasPending("chat:1")).as("only the holder completes").isTrue();
    outbox.complete(b);
    assertThat(outbox.hasPending("chat:1")).isFalse();
  }

  @Test
  void nextDueIsTheEarliestHeadOfALaneOrTheEndOfItsLease() {
    assertThat(outbox.nextDue(T0)).as("nothing pending").isEmpty();
    outbox.record(effect("u1:0", "chat:1", 1, T0.plusSeconds(30)));
    outbox.record(effect("u2:0", "chat:1", 1, T0.plusSeconds(2)));
    outbox.record(effect("u3:0", "chat:2", 1, T0.plusSeconds(10)));
    assertThat(outbox.nextDue(T0))
        .as("u2 waits behind u1, so chat:2's head is next")
        .contains(T0.plusSeconds(10));

    ClaimedEffect c = outbox.claim("a", 10, LEASE, T0.plusSeconds(10)).getFirst();
    assertThat(c.effect().key()).isEqualTo("u3:0");
    assertThat(outbox.nextDue(T0.plusSeconds(10)))
        .as("chat:1's head is next; chat:2's is leased until the lease ends")
        .contains(T0.plusSeconds(30));
    outbox.release(c, "rest", T0.plusSeconds(11));
    assertThat(outbox.nextDue(T0.plusSeconds(10))).contains(T0.plusSeconds(11));
    assertThat(outbox.nextDue(T0.plusSeconds(20)))
        .as("never before now")
        .contains(T0.plusSeconds(20));

    ClaimedEffect again = outbox.claim("a", 10, LEASE, T0.plusSeconds(20)).getFirst();
    assertThat(outbox.nextDue(T0.plusSeconds(20)))
        .as("chat:2's head is leased until the lease ends, after chat:1's head")
        .contains(T0.plusSeconds(30));
    outbox.complete(again);
    for (ClaimedEffect head : outbox.claim("a", 10, LEASE, T0.plusSeconds(30))) {
      outbox.complete(head);
    }
    assertThat(outbox.nextDue(T0.plusSeconds(30))).contains(T0.plusSeconds(30));
    outbox.complete(outbox.claim("a", 10, LEASE, T0.plusSeconds(30)).getFirst());
    assertThat(outbox.nextDue(T0.plusSeconds(30))).isEmpty();
  }

  @Test
  void aFailedEffectNoLongerHoldsItsLaneAndIsCounted() {
    outbox.record(effect("u1:0", "chat:1", 1, T0));
    outbox.record(effect("u2:0", "chat:1", 1, T0));
    outbox.fail(outbox.claim("a", 10, LEASE, T0).getFirst(), "gave up");

    assertThat(outbox.depth(T0.plusSeconds(30)))
        .isEqualTo(new EffectOutbox.Depth(1, 1, java.util.Optional.of(Duration.ofSeconds(30))));
    assertThat(outbox.claim("a", 10, LEASE, T0))
        .extracting(c -> c.effect().key())
        .containsExactly("u2:0");
  }

  @Test
  void purgeForgetsFinishedEffectsOnly() {
    outbox.record(effect("u1:0", "chat:1", 1, T0));
    outbox.record(effect("u2:0", "chat:2", 1, T0));
    outbox.complete(outbox.claim("a", 1, LEASE, T0).getFirst());
    clock.set(T0.plusSeconds(100));

    assertThat(outbox.purge(T0.plusSeconds(101))).isEqualTo(1);
    assertThat(outbox.depth(T0.plusSeconds(100)).pending()).isEqualTo(1);
    assertThat(outbox.record(effect("u1:0", "chat:1", 1, T0))).as("forgotten key").isTrue();
  }

  @Test
  void concurrentWorkersNeverClaimOneEffectTwice() throws Exception {
    for (int i = 0; i < 40; i++) {
      outbox.record(effect("u" + i + ":0", "chat:" + i, 1, T0));
    }
    ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
    try (ExecutorService workers = Executors.newFixedThreadPool(4)) {
      for (int w = 0; w < 4; w++) {
        String holder = "w" + w;
        workers.submit(
            () -> {
              for (int round = 0; round < 20; round++) {
                outbox.claim(holder, 5, LEASE, T0).forEach(c -> claimed.add(c.id()));
              }
            });
      }
    }
    assertThat(claimed).hasSize(40).doesNotHaveDuplicates();
  }
}
