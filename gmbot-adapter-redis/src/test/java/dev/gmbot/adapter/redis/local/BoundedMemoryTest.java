package dev.gmbot.adapter.redis.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.testkit.fake.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The in-process stores keep at most about their size limit, however much is written. */
class BoundedMemoryTest {
  private final MutableClock clock = MutableClock.atEpochOfTests();

  @Test
  void theUpdateLogForgetsClaimsBeyondItsLimit() {
    LocalUpdateLog log = new LocalUpdateLog(clock, 10);
    for (long id = 1; id <= 1_000; id++) {
      assertThat(log.claim(id, Duration.ofHours(25))).isTrue();
    }

    int stillKnown = 0;
    for (long id = 1; id <= 1_000; id++) {
      stillKnown += log.completedHere(id) ? 1 : 0;
    }

    assertThat(stillKnown).isBetween(1, 20);
  }

  @Test
  void theMembershipCacheKeepsAtMostAboutItsLimit() {
    LocalMembershipCache cache = new LocalMembershipCache(clock, 50);
    ChannelId channel = ChannelId.of(-1001);
    for (long user = 1; user <= 5_000; user++) {
      cache.put(UserId.of(user), channel, true, Duration.ofMinutes(10));
    }

    int cached = 0;
    for (long user = 1; user <= 5_000; user++) {
      cached += cache.get(UserId.of(user), channel).isPresent() ? 1 : 0;
    }

    assertThat(cached).isBetween(1, 100);
  }
}
