package dev.gmbot.adapter.redis.local;

import dev.gmbot.port.out.MembershipCache;
import dev.gmbot.testkit.contract.MembershipCacheContract;
import dev.gmbot.testkit.fake.MutableClock;

class LocalMembershipCacheTest extends MembershipCacheContract {
  @Override
  protected MembershipCache createCache(MutableClock clock) {
    return new LocalMembershipCache(clock);
  }
}
