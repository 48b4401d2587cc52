package dev.gmbot.adapter.redis;

import dev.gmbot.port.out.Acquisition;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.Meter;
import dev.gmbot.port.out.Rate;
import dev.gmbot.port.out.RateLimitStore;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The scheduler's meters in Redis: one Lua script per decision runs GCRA over every meter of the
 * call and takes a permit from all of them or from none, so any number of instances together stay
 * within one budget. Theoretical arrival times (TAT) are kept in microseconds of the caller's
 * {@code now} under {@code {prefix}rl:{meter_key}}; pauses under {@code {prefix}pause:{scope}}.
 *
 * <p>While Redis is unreachable decisions go to the local store given to the constructor, with each
 * rate's permits divided by the expected number of instances (at least one), so the instances
 * together stay near the budget without talking to each other. Pauses are always recorded locally
 * as well, so a pause taken before an outage is still honoured during it.
 */
public final class RedisRateLimitStore implements RateLimitStore {
  static final RedisLink.Script GCRA =
      RedisLink.Script.of(
          """
          -- KEYS: one TAT key per meter. ARGV[1]: now (us); then per meter: emission interval T
          -- (us) and burst tolerance tau = T * (burst - 1) (us). All or nothing; a key listed
          -- twice needs two permits. Keys expire (on Redis' clock) a slack after their TAT (on
          -- the callers' clocks), so a caller whose clock lags never finds a TAT gone too early.
          local now = tonumber(ARGV[1])
          local slack = tonumber(ARGV[#ARGV])
          local taken = {}
          local retry = now
          local granted = true
          for i = 1, #KEYS do
            local tau = tonumber(ARGV[2 * i + 1])
            local tat = taken[KEYS[i]] or tonumber(redis.call('GET', KEYS[i]) or '0')
            if tat < now then tat = now end
            local allowAt = tat - tau
            if allowAt > now then
              granted = false
              if allowAt > retry then retry = allowAt end
            end
            taken[KEYS[i]] = tat + tonumber(ARGV[2 * i])
          end
          if not granted then return {0, retry} end
          for key, tat in pairs(taken) do
            redis.call('SET', key, string.format('%.0f', tat), 'PX', math.ceil((tat - now) / 1000) + slack)
          end
          return {1, now}
          """);

  static final RedisLink.Script PAUSE =
      RedisLink.Script.of(
          """
          -- KEYS[1]: pause key. ARGV[1]: until (us), ARGV[2]: ttl (ms). Keeps the longest pause.
          local current = redis.call('GET', KEYS[1])
          if current and tonumber(current) >= tonumber(ARGV[1]) then return 0 end
          redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
          return 1
          """);

  /**
   * Meter keys outlive their TAT by this much: the TAT is on the callers' clocks, expiry on Redis'
   * clock, and a caller that lags (clock skew, a stalled process) must still find the TAT.
   */
  static final Duration TAT_SLACK = Duration.ofMinutes(1);

  /** Pause keys outlive their end by this much, so clock differences never cut a pause short. */
  private static final Duration PAUSE_SLACK = Duration.ofMinutes(1);

  private final RedisLink link;
  private final RateLimitStore fallback;
  private final int expectedInstances;
  private final Clock clock;
  private final String meterPrefix;
  private final String pausePrefix;
  private final Outage outage;

  RedisRateLimitStore(RedisLink link, RateLimitStore fallback, Clock clock, GuardMetrics metrics) {
    this.link = link;
    this.fallback = fallback;
    this.expectedInstances = link.config().expectedInstances();
    this.clock = clock;
    this.meterPrefix = link.config().keyPrefix() + "rl:";
    this.pausePrefix = link.config().keyPrefix() + "pause:";
    this.outage =
        new Outage(
            link.config().reconnectDelay(),
            "rate_limits",
            metrics,
            "meters run locally at 1/" + expectedInstances + " of each budget");
  }

  @Override
  public Acquisition tryAcquire(List<Meter> meters, Instant now) {
    if (meters.isEmpty()) {
      return Acquisition.grantedAt(now);
    }
    long nowMicros = micros(now);
    String[] keys = new String[meters.size()];
    String[] args = new String[2 + 2 * meters.size()];
    args[args.length - 1] = Long.toString(TAT_SLACK.toMillis());
    args[0] = Long.toString(nowMicros);
    for (int i = 0; i < keys.length; i++) {
      Meter m = meters.get(i);
      long t = emissionMicros(m.rate());
      keys[i] = meterPrefix + m.key();
      args[1 + 2 * i] = Long.toString(t);
      args[2 + 2 * i] = Long.toString(t * (m.rate().burst() - 1));
    }
    List<Object> reply;
    try {
      outage.check();
      reply = link.eval(GCRA, ScriptOutputType.MULTI, keys, args);
      outage.succeeded();
    } catch (RedisException e) {
      outage.fellBack(e);
      return fallback.tryAcquire(shrink(meters), now);
    }
    if (((Long) reply.get(0)) == 1L) {
      return Acquisition.grantedAt(now);
    }
    Instant retryAt = Instant.EPOCH.plus((Long) reply.get(1), ChronoUnit.MICROS);
    return Acquisition.refusedUntil(retryAt.isAfter(now) ? retryAt : now);
  }

  /**
   * The emission interval in whole microseconds, rounded up: a rounded-down interval would let a
   * window of one period hold one permit too many (30/s is 33 333.3 us).
   */
  static long emissionMicros(Rate rate) {
    long periodNanos = rate.period().toNanos();
    return Math.ceilDiv(Math.ceilDiv(periodNanos, rate.permits()), 1000L);
  }

  private static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  /** Each rate's permits divided by the expected instances (at least one). */
  List<Meter> shrink(List<Meter> meters) {
    if (expectedInstances == 1) {
      return meters;
    }
    List<Meter> shrunk = new ArrayList<>(meters.size());
    for (Meter m : meters) {
      Rate r = m.rate();
      int permits = Math.max(1, r.permits() / expectedInstances);
      int burst = Math.max(1, Math.min(permits, r.burst() / expectedInstances));
      shrunk.add(new Meter(m.key(), new Rate(permits, r.period(), burst)));
    }
    return shrunk;
  }

  @Override
  public void pause(String scope, Instant until) {
    fallback.pause(scope, until);
    Duration left = Duration.between(clock.instant(), until);
    long ttl = (left.isNegative() ? Duration.ZERO : left).plus(PAUSE_SLACK).toMillis();
    try {
      outage.check();
      link.eval(
          PAUSE,
          ScriptOutputType.INTEGER,
          new String[] {pausePrefix + scope},
          Long.toString(micros(until)),
          Long.toString(ttl));
      outage.succeeded();
    } catch (RedisException e) {
      outage.fellBack(e);
    }
  }

  @Override
  public Optional<Instant> pausedUntil(String scope, Instant now) {
    String v;
    try {
      outage.check();
      v = link.commands().get(pausePrefix + scope);
      outage.succeeded();
    } catch (RedisException e) {
      outage.fellBack(e);
      return fallback.pausedUntil(scope, now);
    }
    if (v == null) {
      return Optional.empty();
    }
    Instant until = Instant.EPOCH.plus(Long.parseLong(v), ChronoUnit.MICROS);
    return until.isAfter(now) ? Optional.of(until) : Optional.empty();
  }

  Outage outage() {
    return outage;
  }
}
