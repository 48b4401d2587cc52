package dev.gmbot.port.out;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The cached administrator list (creator included) of each group, so exemptions never need a lookup
 * per message. Same failure rule as {@link MembershipCache}.
 */
public interface AdministratorCache {
  Optional<Set<UserId>> get(GroupId group);

  void put(GroupId group, Set<UserId> administrators, Duration ttl);

  void invalidate(GroupId group);
}
