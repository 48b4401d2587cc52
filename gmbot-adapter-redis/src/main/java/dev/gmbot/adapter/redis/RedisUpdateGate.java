package dev.gmbot.adapter.redis;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.NonBlocking;
import dev.gmbot.port.out.UpdateGate;
import dev.gmbot.port.out.UpdateLog;
import dev.gmbot.port.out.UpdateLog.Claim;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@link UpdateGate} in one round trip: a Lua script claims {@code {prefix}update:{id}} as {@link
 * RedisUpdateLog#begin} does (SET NX PX, the holder's state when taken) and, when claimed, reads
 * the group's administrator list ({@code {prefix}admins:{group}}, looking the user up in it on the
 * server) and the user's membership answers ({@code {prefix}verify:{user}:{channel}}), the keys
 * {@link RedisAdministratorCache} and {@link RedisMembershipCache} write. A won claim is also
 * recorded in the in-process log, as the update log does. While Redis is unreachable the claim is
 * decided in process and nothing is cached (the three ports' fallbacks).
 *
 * <p>Inside a {@link NonBlocking} attempt the script is sent without waiting and the attempt trips
 * with its reply still to come; the attempt that resumes it reads the reply (ADR 0100). So an I/O
 * thread never waits for Redis, and no other thread is needed in between.
 *
 * <p>A sender the script found cleared (an administrator, or subscribed to every channel) is
 * remembered ({@link ClearedSenders}: a second, or while change notices flow until the entries read
 * expire, five minutes at most): their next messages meanwhile are claimed in process only and
 * admitted on that answer, with no round trip at all (ADR 0097, 0102). The script reports how long
 * the nearest-expiring entry it read has left, for that.
 */
final class RedisUpdateGate implements UpdateGate {
  static final RedisLink.Script SCRIPT =
      RedisLink.Script.of(
          """
          -- KEYS[1] update claim, KEYS[2] administrators, KEYS[3..] memberships
          -- ARGV[1] lease (ms), ARGV[2] user id
          -- Reply: {'c', admin (1, 0, -1 unknown), ttl, answers...}; ttl is what the nearest-expiring
          -- entry read has left (ms), -1 when none expires.
          if not redis.call('SET', KEYS[1], 'p', 'NX', 'PX', ARGV[1]) then
            if redis.call('GET', KEYS[1]) == 'd' then return {'d'} end
            return {'p'}
          end
          local ttl = -1
          local function read(key)
            local value = redis.call('GET', key)
            if value then
              local left = redis.call('PTTL', key)
              if left >= 0 and (ttl < 0 or left < ttl) then ttl = left end
            end
            return value
          end
          local admins = read(KEYS[2])
          local admin = -1
          if admins then
            admin = 0
            if string.find(',' .. admins .. ',', ',' .. ARGV[2] .. ',', 1, true) then admin = 1 end
          end
          local out = {'c', admin, 0}
          for i = 3, #KEYS do
            out[#out + 1] = read(KEYS[i]) or ''
          end
          out[3] = ttl
          return out
          """);

  private final RedisLink link;
  private final String prefix;
  private final UpdateLog local;
  private final Outage outage;
  private final RedisMembershipCache memberships;
  private final RedisAdministratorCache administrators;
  private final ClearedSenders cleared;

  RedisUpdateGate(
      RedisLink link,
      UpdateLog local,
      Outage outage,
      RedisMembershipCache memberships,
      RedisAdministratorCache administrators,
      ClearedSenders cleared) {
    this.link = link;
    this.prefix = link.config().keyPrefix();
    this.local = local;
    this.outage = outage;
    this.memberships = memberships;
    this.administrators = administrators;
    this.cleared = cleared;
  }

  /**
   * The gate script an attempt sent before it tripped (ADR 0100), for the attempt that resumes it.
   *
   * @param stamp taken before the script was sent, as for a script waited for
   */
  private record Sent(
      long updateId, ClearedSenders.Stamp stamp, CompletableFuture<List<Object>> future) {
    /** The script's reply; its failure as Redis reported it. */
    List<Object> reply() {
      try {
        return future.join();
      } catch (CompletionException e) {
        if (RedisLink.unwrap(e) instanceof RedisException redis) {
          throw redis;
        }
        throw new RedisException(RedisLink.unwrap(e));
      }
    }
  }

  @Override
  public Admission admit(
      long updateId, Duration lease, GroupId group, UserId user, List<ChannelId> channels) {
    Sent sent = NonBlocking.carried() instanceof Sent s && s.updateId() == updateId ? s : null;
    Optional<ClearedSenders.Answer> known =
        sent == null ? cleared.find(user, group, channels) : Optional.empty();
    if (known.isPresent()) {
      // A redelivery to another instance meanwhile would clear the same sender there: harmless.
      Claim claim = local.begin(updateId, lease);
      return claim == Claim.CLAIMED
          ? new Admission(claim, known.get().memberships(), known.get().administrator())
          : Admission.notClaimed(claim);
    }
    ClearedSenders.Stamp stamp;
    List<Object> reply;
    try {
      if (sent != null) {
        // The attempt that sent the script tripped on it; this one resumes it with the reply.
        stamp = sent.stamp();
        reply = sent.reply();
      } else {
        outage.check();
        stamp = cleared.stamp(user, group);
        String[] keys = keys(updateId, group, user, channels);
        String[] args = {Long.toString(TtlMillis.of(lease)), Long.toString(user.value())};
        if (NonBlocking.promised()) {
          // Sent now, not waited for: the reply is read by the attempt that resumes this one.
          CompletableFuture<List<Object>> pending =
              link.evalAsync(SCRIPT, ScriptOutputType.MULTI, keys, args);
          throw NonBlocking.await(pending, new Sent(updateId, stamp, pending), "Redis");
        }
        reply = link.eval(SCRIPT, ScriptOutputType.MULTI, keys, args);
      }
      outage.succeeded();
    } catch (RedisException e) {
      outage.fellBack(e);
      Claim claim = local.begin(updateId, lease);
      // Read from the caches' in-process copies made during the outage (ADR 0055).
      return claim == Claim.CLAIMED
          ? new Admission(
              claim,
              channels.isEmpty() ? Map.of() : memberships.outageAnswers(user, channels),
              administrators.outageList(group).map(list -> list.contains(user)))
          : Admission.notClaimed(claim);
    }
    return switch (String.valueOf(reply.get(0))) {
      case "d" -> Admission.notClaimed(Claim.DONE);
      case "p" -> Admission.notClaimed(RedisUpdateLog.heldIn(local, updateId));
      default -> claimed(updateId, lease, group, user, channels, reply, stamp);
    };
  }

  private String[] keys(long updateId, GroupId group, UserId user, List<ChannelId> channels) {
    String[] keys = new String[2 + channels.size()];
    keys[0] = prefix + "update:" + updateId;
    keys[1] = prefix + "admins:" + group.value();
    for (int i = 0; i < channels.size(); i++) {
      keys[2 + i] = prefix + "verify:" + user.value() + ":" + channels.get(i).value();
    }
    return keys;
  }

  private Admission claimed(
      long updateId,
      Duration lease,
      GroupId group,
      UserId user,
      List<ChannelId> channels,
      List<Object> reply,
      ClearedSenders.Stamp stamp) {
    // Also claimed locally: an update this instance handled during an outage stays handled.
    Claim claim = local.begin(updateId, lease);
    if (claim != Claim.CLAIMED) {
      return Admission.notClaimed(claim);
    }
    long admin = (Long) reply.get(1);
    long ttl = (Long) reply.get(2);
    Map<ChannelId, Boolean> memberships = new HashMap<>(channels.size() * 2);
    for (int i = 0; i < channels.size(); i++) {
      String value = String.valueOf(reply.get(3 + i));
      if (!value.isEmpty()) {
        memberships.put(channels.get(i), "1".equals(value));
      }
    }
    Optional<Boolean> administrator = admin < 0 ? Optional.empty() : Optional.of(admin == 1);
    cleared.remember(stamp, user, group, channels, memberships, administrator, ttl);
    return new Admission(claim, memberships, administrator);
  }
}
