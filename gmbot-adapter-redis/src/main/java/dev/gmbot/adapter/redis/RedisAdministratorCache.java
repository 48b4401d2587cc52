package dev.gmbot.adapter.redis;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.AdministratorCache;
import dev.gmbot.port.out.GuardMetrics;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Administrator lists under {@code {prefix}admins:{group_id}} = comma-separated user ids (empty
 * string for "no administrators"), one GET/SET each. Skipped while Redis is unreachable.
 */
public final class RedisAdministratorCache implements AdministratorCache {
  private final RedisLink link;
  private final String prefix;
  private final Outage outage;

  RedisAdministratorCache(RedisLink link, GuardMetrics metrics) {
    this.link = link;
    this.prefix = link.config().keyPrefix() + "admins:";
    this.outage =
        new Outage(
            link.config().reconnectDelay(),
            "administrator_cache",
            metrics,
            "administrator lists are not cached");
  }

  @Override
  public Optional<Set<UserId>> get(GroupId group) {
    try {
      outage.check();
      String v = link.commands().get(prefix + group.value());
      outage.succeeded();
      return Optional.ofNullable(v).map(RedisAdministratorCache::decode);
    } catch (RedisException e) {
      outage.fellBack(e);
      return Optional.empty();
    }
  }

  private static Set<UserId> decode(String v) {
    if (v.isEmpty()) {
      return Set.of();
    }
    return Arrays.stream(v.split(","))
        .map(s -> UserId.of(Long.parseLong(s)))
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public void put(GroupId group, Set<UserId> administrators, Duration ttl) {
    long px = TtlMillis.of(ttl);
    String v =
        administrators.stream().map(u -> Long.toString(u.value())).collect(Collectors.joining(","));
    try {
      outage.check();
      link.commands().set(prefix + group.value(), v, SetArgs.Builder.px(px));
      outage.succeeded();
    } catch (RedisException e) {
      outage.fellBack(e);
    }
  }

  @Override
  public void invalidate(GroupId group) {
    try {
      outage.check();
      link.commands().del(prefix + group.value());
      outage.succeeded();
    } catch (RedisException e) {
      outage.fellBack(e);
    }
  }

  Outage outage() {
    return outage;
  }
}
