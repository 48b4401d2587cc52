package dev.gmbot.testkit.fake;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.AdministratorCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An administrator cache whose entries expire on the given clock. */
public final class InMemoryAdministratorCache implements AdministratorCache {
  private record Entry(Set<UserId> admins, Instant expiresAt) {}

  private final Clock clock;
  private final Map<GroupId, Entry> entries = new ConcurrentHashMap<>();

  public InMemoryAdministratorCache(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Optional<Set<UserId>> get(GroupId group) {
    Entry e = entries.get(group);
    if (e == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(e.expiresAt())) {
      entries.remove(group, e);
      return Optional.empty();
    }
    return Optional.of(e.admins());
  }

  @Override
  public void put(GroupId group, Set<UserId> administrators, Duration ttl) {
    entries.put(group, new Entry(Set.copyOf(administrators), clock.instant().plus(ttl)));
  }

  @Override
  public void invalidate(GroupId group) {
    entries.remove(group);
  }
}
