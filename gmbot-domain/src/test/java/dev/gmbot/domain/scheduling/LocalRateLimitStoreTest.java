package dev.gmbot.domain.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.out.Meter;
import dev.gmbot.port.out.Rate;
import dev.gmbot.port.out.RateLimitStore;
import dev.gmbot.testkit.contract.RateLimitStoreContract;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalRateLimitStoreTest extends RateLimitStoreContract {
  @Override
  protected RateLimitStore newStore() {
    return new LocalRateLimitStore();
  }

  @Test
  void forgetsIdleKeysSoMemoryStaysBounded() {
    LocalRateLimitStore store = new LocalRateLimitStore();
    Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
    for (int i = 0; i < 100_000; i++) {
      // Each key is busy for one second; a key's second is over ten seconds later.
      store.tryAcquire(List.of(new Meter("chat:" + i, Rate.perSecond(1))), t0.plusMillis(i));
    }
    assertThat(store.meterKeys()).isLessThan(4_096);
  }

  @Test
  void anEvictedKeyBehavesLikeAFreshOne() {
    LocalRateLimitStore store = new LocalRateLimitStore();
    Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
    Meter meter = new Meter("k", Rate.perSecond(1));
    store.tryAcquire(List.of(meter), t0);
    for (int i = 0; i < 5_000; i++) {
      store.tryAcquire(List.of(new Meter("other:" + i, Rate.perSecond(1))), t0.plusSeconds(5));
    }
    assertThat(store.tryAcquire(List.of(meter), t0.plusSeconds(5)).granted()).isTrue();
    assertThat(store.tryAcquire(List.of(meter), t0.plusSeconds(5)).granted()).isFalse();
  }
}
