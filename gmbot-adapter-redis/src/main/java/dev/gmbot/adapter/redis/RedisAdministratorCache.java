package dev.gmbot.adapter.redis;

import dev.gmbot.adapter.redis.local.LocalAdministratorCache;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.AdministratorCache;
import dev.gmbot.port.out.GuardMetrics;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Administrator lists under {@code {prefix}admins:{group_id}} = comma-separated user ids (empty
 * string for "no administrators"), one GET/SET each. While Redis is unreachable, a bounded
 * in-process copy serves instead, emptied when Redis answers again (ADR 0055).
 */
public final class RedisAdministratorCache implements AdministratorCache {
  private final RedisLink link;
  private final String prefix;
  private final Outage outage;
  private final ClearedSenders cleared;
  private final RedisChangeNotices notices;
  private final LocalAdministratorCache outageCopy;

  RedisAdministratorCache(
      RedisLink link,
      GuardMetrics metrics,
      Clock clock,
      ClearedSenders cleared,
      RedisChangeNotices notices) {
    this.link = link;
    this.cleared = cleared;
    this.notices = notices;
    this.outageCopy = new LocalAdministratorCache(clock);
    this.prefix = link.config().keyPrefix() + "admins:";
    this.outage =
        new Outage(
            link.config().reconnectDelay(),
            "administrator_cache",
            metrics,
            "administrator lists are cached in process");
  }

  @Override
  public Optional<Set<UserId>> get(GroupId group) {
    try {
      outage.check();
      String v = link.commands().get(prefix + group.value());
      succeeded();
      return Optional.ofNullable(v).map(RedisAdministratorCache::decode);
    } catch (RedisException e) {
      outage.fellBack(e);
      return outageCopy.get(group);
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
    cleared.forget(group);
    String v =
        administrators.stream().map(u -> Long.toString(u.value())).collect(Collectors.joining(","));
    try {
      outage.check();
      link.commands().set(prefix + group.value(), v, SetArgs.Builder.px(px));
      succeeded();
      notices.announceAdministrators(group);
    } catch (RedisException e) {
      outage.fellBack(e);
      outageCopy.put(group, administrators, ttl);
    }
  }

  @Override
  public void invalidate(GroupId group) {
    cleared.forget(group);
    try {
      outage.check();
      link.commands().del(prefix + group.value());
      succeeded();
      notices.announceAdministrators(group);
    } catch (RedisException e) {
      outage.fellBack(e);
      outageCopy.invalidate(group);
    }
  }

  /** Redis answered: after an outage, the copy made meanwhile is forgotten. */
  private void succeeded() {
    if (outage.succeeded()) {
      outageCopy.clear();
    }
  }

  /** The copy made during an outage, as the gate's fallback reads it. */
  Optional<Set<UserId>> outageList(GroupId group) {
    return outageCopy.get(group);
  }

  Outage outage() {
    return outage;
  }
}
