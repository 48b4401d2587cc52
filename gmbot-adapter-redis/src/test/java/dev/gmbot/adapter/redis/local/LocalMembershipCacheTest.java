package dev.gmbot.adapter.redis.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.out.MembershipCache;
import dev.gmbot.testkit.contract.MembershipCacheContract;
import dev.gmbot.testkit.fake.MutableClock;
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
}
