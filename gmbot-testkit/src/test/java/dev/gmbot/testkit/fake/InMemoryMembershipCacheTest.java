package dev.gmbot.testkit.fake;

import dev.gmbot.port.out.MembershipCache;
import dev.gmbot.testkit.contract.MembershipCacheContract;

class InMemoryMembershipCacheTest extends MembershipCacheContract {
  @Override
  protected MembershipCache createCache(MutableClock clock) {
    return new InMemoryMembershipCache(clock);
  }
}
