package dev.gmbot.adapter.redis;

import dev.gmbot.adapter.redis.local.LocalMembershipCache;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.MembershipCache;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Membership answers under {@code {prefix}verify:{user_id}:{channel_id}} = {@code 1} (subscribed)
 * or {@code 0}, with the TTL the domain chose (PX). {@link #getAll} is one MGET. While Redis is
 * unreachable, reads and writes go to a bounded in-process copy instead, so that an outage does not
 * turn every check into a Bot API call; the copy is emptied as soon as Redis answers again (its
 * answers may be stale by then: another instance may have seen a channel leave), ADR 0055. Every
 * write is announced to the other instances, whose {@link ClearedSenders} stop serving the user's
 * earlier answers (ADR 0102).
 */
public final class RedisMembershipCache implements MembershipCache {
  private final RedisLink link;
  private final String prefix;
  private final Outage outage;
  private final ClearedSenders cleared;
  private final RedisChangeNotices notices;
  private final LocalMembershipCache outageCopy;

  RedisMembershipCache(
      RedisLink link,
      GuardMetrics metrics,
      Clock clock,
      ClearedSenders cleared,
      RedisChangeNotices notices) {
    this.link = link;
    this.cleared = cleared;
    this.notices = notices;
    this.outageCopy = new LocalMembershipCache(clock);
    this.prefix = link.config().keyPrefix() + "verify:";
    this.outage =
        new Outage(
            link.config().reconnectDelay(),
            "membership_cache",
            metrics,
            "membership checks skip the cache");
  }

  String key(UserId user, ChannelId channel) {
    return prefix + user.value() + ":" + channel.value();
  }

  @Override
  public Optional<Boolean> get(UserId user, ChannelId channel) {
    try {
      outage.check();
      String v = link.commands().get(key(user, channel));
      succeeded();
      return Optional.ofNullable(v).map("1"::equals);
    } catch (RedisException e) {
      outage.fellBack(e);
      return outageCopy.get(user, channel);
    }
  }

  @Override
  public Map<ChannelId, Boolean> getAll(UserId user, Collection<ChannelId> channels) {
    List<ChannelId> asked = List.copyOf(channels);
    if (asked.isEmpty()) {
      return Map.of();
    }
    String[] keys = new String[asked.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = key(user, asked.get(i));
    }
    try {
      outage.check();
      List<KeyValue<String, String>> values = link.commands().mget(keys);
      succeeded();
      Map<ChannelId, Boolean> found = new LinkedHashMap<>();
      for (int i = 0; i < asked.size(); i++) {
        KeyValue<String, String> kv = values.get(i);
        if (kv.hasValue()) {
          found.put(asked.get(i), "1".equals(kv.getValue()));
        }
      }
      return found;
    } catch (RedisException e) {
      outage.fellBack(e);
      return outageCopy.getAll(user, asked);
    }
  }

  @Override
  public void put(UserId user, ChannelId channel, boolean subscribed, Duration ttl) {
    long px = TtlMillis.of(ttl);
    cleared.forget(user);
    try {
      outage.check();
      link.commands().set(key(user, channel), subscribed ? "1" : "0", SetArgs.Builder.px(px));
      succeeded();
      notices.announceMemberships(user);
    } catch (RedisException e) {
      outage.fellBack(e);
      outageCopy.put(user, channel, subscribed, ttl);
    }
  }

  @Override
  public void invalidate(UserId user, ChannelId channel) {
    cleared.forget(user);
    try {
      outage.check();
      link.commands().del(key(user, channel));
      succeeded();
      notices.announceMemberships(user);
    } catch (RedisException e) {
      outage.fellBack(e);
      outageCopy.invalidate(user, channel);
    }
  }

  /** Redis answered: after an outage, the copy made meanwhile is forgotten. */
  private void succeeded() {
    if (outage.succeeded()) {
      outageCopy.clear();
    }
  }

  /** The answers of the copy made during an outage, as the gate's fallback reads them. */
  Map<ChannelId, Boolean> outageAnswers(UserId user, Collection<ChannelId> channels) {
    return outageCopy.getAll(user, channels);
  }

  Outage outage() {
    return outage;
  }
}
