package dev.gmbot.adapter.redis;

import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.LeaseStore;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Leases under {@code {prefix}lease:{name}} = holder, with PX = the lease duration; acquire,
 * compare-and-extend and compare-and-delete are Lua scripts, so a holder never extends or deletes a
 * lease that expired and was taken by someone else.
 *
 * <p>While Redis is unreachable nobody can take a lease, but a holder keeps (and extends) the
 * leases it held when the outage began: the current long-poller keeps polling, no second one
 * starts.
 */
public final class RedisLeaseStore implements LeaseStore {
  static final RedisLink.Script ACQUIRE =
      RedisLink.Script.of(
          """
          local current = redis.call('GET', KEYS[1])
          if current and current ~= ARGV[1] then return 0 end
          redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
          return 1
          """);

  static final RedisLink.Script RENEW =
      RedisLink.Script.of(
          """
          if redis.call('GET', KEYS[1]) == ARGV[1] then
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
          end
          return 0
          """);

  static final RedisLink.Script RELEASE =
      RedisLink.Script.of(
          """
          if redis.call('GET', KEYS[1]) == ARGV[1] then
            return redis.call('DEL', KEYS[1])
          end
          return 0
          """);

  private record Held(String holder, Instant expiresAt) {}

  private final RedisLink link;
  private final String prefix;
  private final Clock clock;
  private final Outage outage;
  private final Map<String, Held> held = new ConcurrentHashMap<>();

  RedisLeaseStore(RedisLink link, Clock clock, GuardMetrics metrics) {
    this.link = link;
    this.prefix = link.config().keyPrefix() + "lease:";
    this.clock = clock;
    this.outage =
        new Outage(
            link.config().reconnectDelay(),
            "leases",
            metrics,
            "current lease holders keep their leases, nobody new acquires");
  }

  @Override
  public boolean tryAcquire(String name, String holder, Duration duration) {
    return run(ACQUIRE, name, holder, duration);
  }

  @Override
  public boolean renew(String name, String holder, Duration duration) {
    return run(RENEW, name, holder, duration);
  }

  private boolean run(RedisLink.Script script, String name, String holder, Duration duration) {
    long px = TtlMillis.of(duration);
    try {
      outage.check();
      Long won =
          link.eval(
              script,
              ScriptOutputType.INTEGER,
              new String[] {prefix + name},
              holder,
              Long.toString(px));
      outage.succeeded();
      if (won == 1L) {
        held.put(name, new Held(holder, clock.instant().plus(duration)));
        return true;
      }
      held.computeIfPresent(name, (n, h) -> h.holder().equals(holder) ? null : h);
      return false;
    } catch (RedisException e) {
      outage.fellBack(e);
      Instant now = clock.instant();
      Held renewed = new Held(holder, now.plus(duration));
      Held result =
          held.computeIfPresent(
              name,
              (n, h) -> h.holder().equals(holder) && now.isBefore(h.expiresAt()) ? renewed : h);
      return result == renewed;
    }
  }

  @Override
  public void release(String name, String holder) {
    held.computeIfPresent(name, (n, h) -> h.holder().equals(holder) ? null : h);
    try {
      outage.check();
      link.eval(RELEASE, ScriptOutputType.INTEGER, new String[] {prefix + name}, holder);
      outage.succeeded();
    } catch (RedisException e) {
      outage.fellBack(e);
    }
  }

  Outage outage() {
    return outage;
  }
}
