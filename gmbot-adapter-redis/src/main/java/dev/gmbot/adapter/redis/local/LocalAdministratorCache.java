package dev.gmbot.adapter.redis.local;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.AdministratorCache;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Administrator lists in process: bounded in size, each entry with its own TTL. */
public final class LocalAdministratorCache implements AdministratorCache {
  public static final long DEFAULT_MAXIMUM_SIZE = 20_000;

  private record Admins(Set<UserId> users, Duration ttl) {}

  private final Cache<Long, Admins> cache;

  public LocalAdministratorCache(Clock clock) {
    this(clock, DEFAULT_MAXIMUM_SIZE);
  }

  public LocalAdministratorCache(Clock clock, long maximumSize) {
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .ticker(new ClockTicker(clock))
            .expireAfter(new TtlExpiry<Long, Admins>(Admins::ttl))
            .executor(Runnable::run)
            .build();
  }

  @Override
  public Optional<Set<UserId>> get(GroupId group) {
    Admins a = cache.getIfPresent(group.value());
    return a == null ? Optional.empty() : Optional.of(a.users());
  }

  @Override
  public void put(GroupId group, Set<UserId> administrators, Duration ttl) {
    TtlExpiry.requirePositive(ttl);
    cache.put(group.value(), new Admins(Set.copyOf(administrators), ttl));
  }

  @Override
  public void invalidate(GroupId group) {
    cache.invalidate(group.value());
  }

  /** Forgets every entry (a fallback copy whose source of truth is back). */
  public void clear() {
    cache.invalidateAll();
  }
}
