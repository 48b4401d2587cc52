package dev.gmbot.adapter.redis.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.out.MembershipCache;
import dev.gmbot.testkit.contract.MembershipCacheContract;
import dev.gmbot.testkit.fake.MutableClock;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalMembershipCacheTest extends MembershipCacheContract {
  private static final long MIB = 1024 * 1024;

  @Override
  protected MembershipCache createCache(MutableClock clock) {
    return new LocalMembershipCache(clock);
  }

  @Test
  void theDefaultBoundGrowsWithTheHeapWithinItsLimits() {
    assertThat(LocalMembershipCache.sizeFor(64 * MIB))
        .isEqualTo(LocalMembershipCache.DEFAULT_MAXIMUM_SIZE);
    assertThat(LocalMembershipCache.sizeFor(128 * MIB)).isEqualTo(131_072);
    assertThat(LocalMembershipCache.sizeFor(256 * MIB)).isEqualTo(262_144);
    assertThat(LocalMembershipCache.sizeFor(64 * 1024 * MIB))
        .isEqualTo(LocalMembershipCache.LARGEST_DEFAULT_SIZE);
    assertThat(LocalMembershipCache.defaultSize())
        .isBetween(
            LocalMembershipCache.DEFAULT_MAXIMUM_SIZE, LocalMembershipCache.LARGEST_DEFAULT_SIZE);
  }

  @Test
  void keysOfDenseRunsOfIdsSpreadOverDistinctHashes() {
    // 20,000 consecutive user ids (a wave of new accounts) checked against 10 of a bot's channels.
    Set<Integer> hashes = new HashSet<>();
    for (long channel = -1_001_000_000_001L; channel > -1_001_000_000_011L; channel--) {
      for (long user = 7_000_000_000L; user < 7_000_020_000L; user++) {
        hashes.add(new LocalMembershipCache.Key(user, channel).hashCode());
      }
    }

    assertThat(hashes).hasSizeGreaterThan(199_900); // of 200,000 keys
    assertThat(new LocalMembershipCache.Key(7L, -1L))
        .isEqualTo(new LocalMembershipCache.Key(7L, -1L))
        .hasSameHashCodeAs(new LocalMembershipCache.Key(7L, -1L))
        .isNotEqualTo(new LocalMembershipCache.Key(-1L, 7L));
  }
}
