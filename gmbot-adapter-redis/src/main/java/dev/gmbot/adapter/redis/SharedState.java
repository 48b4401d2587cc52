package dev.gmbot.adapter.redis;

import dev.gmbot.adapter.redis.local.LocalAdministratorCache;
import dev.gmbot.adapter.redis.local.LocalLeaseStore;
import dev.gmbot.adapter.redis.local.LocalMembershipCache;
import dev.gmbot.adapter.redis.local.LocalUpdateLog;
import dev.gmbot.port.config.ConfigurationException;
import dev.gmbot.port.out.AdministratorCache;
import dev.gmbot.port.out.ChangeNotices;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.LeaseStore;
import dev.gmbot.port.out.MembershipCache;
import dev.gmbot.port.out.RateLimitStore;
import dev.gmbot.port.out.StateStores;
import dev.gmbot.port.out.UpdateGate;
import dev.gmbot.port.out.UpdateLog;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import io.lettuce.core.protocol.CommandType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The five shared-state ports, built either on Redis (several instances serve one bot) or in
 * process (one instance, no {@code REDIS_URL}). The app builds one at startup and closes it at
 * shutdown:
 *
 * <pre>{@code
 * RateLimitStore localRates = new LocalRateLimitStore(clock);   // from the domain
 * SharedState state = SharedState.fromEnvironment(System.getenv(), clock, metrics, localRates);
 * MembershipCache cache = state.membershipCache();
 * ...
 * state.close();
 * }</pre>
 *
 * A Redis that is down at startup never prevents startup: every component falls back (see the
 * component classes) and returns to Redis by itself once it answers again.
 */
public final class SharedState implements StateStores, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SharedState.class);

  /**
   * How long the update gate admits a sender it found cleared on Redis without asking again, when
   * no change notices are heard (before {@link #changeNotices()}, as in Lambda): a change made on
   * another instance is in force here within it.
   */
  public static final Duration CLEARED_SENDERS_WINDOW = ClearedSenders.WINDOW;

  /**
   * How long at most while the change notices flow: a change made on another instance is announced
   * and in force here as soon as the notice arrives; this bounds a notice lost without the
   * subscription dropping.
   */
  public static final Duration CLEARED_SENDERS_NOTICED_WINDOW = ClearedSenders.NOTICED_WINDOW;

  private final Optional<RedisLink> link;
  private final MembershipCache membershipCache;
  private final AdministratorCache administratorCache;
  private final RateLimitStore rateLimitStore;
  private final UpdateLog updateLog;
  private final LeaseStore leaseStore;
  private final UpdateGate updateGate;
  private final Optional<RedisChangeNotices> notices;

  private SharedState(
      Optional<RedisLink> link,
      Optional<RedisChangeNotices> notices,
      MembershipCache membershipCache,
      AdministratorCache administratorCache,
      RateLimitStore rateLimitStore,
      UpdateLog updateLog,
      LeaseStore leaseStore,
      UpdateGate updateGate) {
    this.link = link;
    this.notices = notices;
    this.membershipCache = membershipCache;
    this.administratorCache = administratorCache;
    this.rateLimitStore = rateLimitStore;
    this.updateLog = updateLog;
    this.leaseStore = leaseStore;
    this.updateGate = updateGate;
  }

  /**
   * Redis when {@code REDIS_URL} is set (see {@link RedisConfig#fromEnvironment}), in process
   * otherwise.
   *
   * @param localRates the in-process rate-limit store: the store itself without Redis, the
   *     conservative fallback with it
   * @throws ConfigurationException naming the variable when one is malformed
   */
  public static SharedState fromEnvironment(
      Map<String, String> env, Clock clock, GuardMetrics metrics, RateLimitStore localRates) {
    return open(RedisConfig.fromEnvironment(env), clock, metrics, localRates);
  }

  /** Redis with this configuration, or in process when there is none. */
  public static SharedState open(
      Optional<RedisConfig> config, Clock clock, GuardMetrics metrics, RateLimitStore localRates) {
    if (config.isEmpty()) {
      LOG.info("REDIS_URL is not set: shared state is in process (one instance)");
      return inProcess(clock, localRates);
    }
    return redis(config.get(), clock, metrics, localRates);
  }

  /** In-process state for a one-instance deployment. */
  public static SharedState inProcess(Clock clock, RateLimitStore localRates) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(localRates, "localRates");
    LocalMembershipCache memberships = new LocalMembershipCache(clock);
    LocalAdministratorCache administrators = new LocalAdministratorCache(clock);
    LocalUpdateLog log = new LocalUpdateLog(clock);
    return new SharedState(
        Optional.empty(),
        Optional.empty(),
        memberships,
        administrators,
        localRates,
        log,
        new LocalLeaseStore(clock),
        UpdateGate.of(log, memberships, administrators));
  }

  /**
   * State on Redis, with in-process fallbacks. Waits for a first connection at most the connect
   * timeout, to report an unreachable Redis early, but starts either way.
   */
  public static SharedState redis(
      RedisConfig config, Clock clock, GuardMetrics metrics, RateLimitStore localRates) {
    return redis(config, clock, metrics, localRates, List.of());
  }

  /**
   * As {@link #redis(RedisConfig, Clock, GuardMetrics, RateLimitStore)}, counting every command
   * sent (each one round trip, or one pipelined step): for tests that hold a round-trip budget.
   */
  public static SharedState redisCounting(
      RedisConfig config,
      Clock clock,
      GuardMetrics metrics,
      RateLimitStore localRates,
      LongAdder commands) {
    return redisCounting(config, clock, metrics, localRates, commands, commands);
  }

  /**
   * As {@link #redisCounting(RedisConfig, Clock, GuardMetrics, RateLimitStore, LongAdder)}, with
   * the batched completion markers' commands counted apart: {@code commands} gets every other
   * command, {@code markerBatches} one per batch of completion markers.
   */
  public static SharedState redisCounting(
      RedisConfig config,
      Clock clock,
      GuardMetrics metrics,
      RateLimitStore localRates,
      LongAdder commands,
      LongAdder markerBatches) {
    Objects.requireNonNull(commands, "commands");
    Objects.requireNonNull(markerBatches, "markerBatches");
    CommandListener counter =
        new CommandListener() {
          @Override
          public void commandStarted(CommandStartedEvent event) {
            boolean markers =
                event.getCommand().getType() == CommandType.EVALSHA
                    && event
                        .getCommand()
                        .getArgs()
                        .toCommandString()
                        .startsWith(CompletionMarkers.SCRIPT.sha());
            (markers ? markerBatches : commands).increment();
          }
        };
    return redis(config, clock, metrics, localRates, List.of(counter));
  }

  /**
   * As {@link #redis(RedisConfig, Clock, GuardMetrics, RateLimitStore)}, with command listeners.
   */
  static SharedState redis(
      RedisConfig config,
      Clock clock,
      GuardMetrics metrics,
      RateLimitStore localRates,
      List<CommandListener> listeners) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(localRates, "localRates");
    RedisLink link = new RedisLink(config, listeners);
    // The attempt itself gives up after the connect timeout; the extra covers the first
    // connection's warm-up (Netty, class loading) on a slow start.
    if (link.connect(config.connectTimeout().plusSeconds(2))) {
      LOG.info("Shared state on {} (key prefix {})", config.describe(), config.keyPrefix());
    } else {
      LOG.warn(
          "Redis at {} is unreachable at startup; starting with in-process fallbacks, connecting in"
              + " the background",
          config.describe());
    }
    LocalUpdateLog local = new LocalUpdateLog(clock);
    ClearedSenders cleared = new ClearedSenders(clock);
    // Announces from the start; hears (and lets the cleared senders be served longer) once started.
    RedisChangeNotices notices = new RedisChangeNotices(link, cleared);
    RedisMembershipCache memberships =
        new RedisMembershipCache(link, metrics, clock, cleared, notices);
    RedisAdministratorCache administrators =
        new RedisAdministratorCache(link, metrics, clock, cleared, notices);
    Outage updates =
        new Outage(
            config.reconnectDelay(),
            "update_log",
            metrics,
            "updates are deduplicated within this instance only");
    return new SharedState(
        Optional.of(link),
        Optional.of(notices),
        memberships,
        administrators,
        new RedisRateLimitStore(link, localRates, clock, metrics),
        new RedisUpdateLog(link, local, updates),
        new RedisLeaseStore(link, clock, metrics),
        new RedisUpdateGate(link, local, updates, memberships, administrators, cleared));
  }

  /** True when the state is shared through Redis. */
  public boolean shared() {
    return link.isPresent();
  }

  @Override
  public MembershipCache membershipCache() {
    return membershipCache;
  }

  @Override
  public AdministratorCache administratorCache() {
    return administratorCache;
  }

  @Override
  public RateLimitStore rateLimitStore() {
    return rateLimitStore;
  }

  @Override
  public UpdateLog updateLog() {
    return updateLog;
  }

  public LeaseStore leaseStore() {
    return leaseStore;
  }

  /**
   * The update's claim, the sender's membership answers and the administrator check in one step
   * (one round trip on Redis); completed through {@link #updateLog()}.
   */
  @Override
  public UpdateGate updateGate() {
    return updateGate;
  }

  /**
   * Change notices between the instances sharing this Redis (publish/subscribe on a connection of
   * their own, opened at the first call); {@link ChangeNotices#NONE} in process. Once they flow,
   * the update gate also serves a cleared sender's answer for up to {@link
   * #CLEARED_SENDERS_NOTICED_WINDOW} instead of {@link #CLEARED_SENDERS_WINDOW}. An instance that
   * cannot hear notices all the time (a Lambda container is frozen between invocations) must not
   * call this.
   */
  @Override
  public ChangeNotices changeNotices() {
    if (notices.isEmpty()) {
      return ChangeNotices.NONE;
    }
    notices.get().start();
    return notices.get();
  }

  /** Where the shared state is, for a health check. */
  public enum Health {
    /** No Redis configured: the state is in this process. */
    IN_PROCESS,
    /** Redis answered a PING just now. */
    UP,
    /** Redis did not answer: the components use their in-process fallbacks meanwhile. */
    DOWN
  }

  /**
   * Asks Redis for a PING now, through the adapter's own connection (bounded by the command
   * timeout). While there is no connection this answers {@link Health#DOWN} at once and lets a
   * connection attempt start in the background.
   */
  public Health health() {
    return link.map(l -> l.ping() ? Health.UP : Health.DOWN).orElse(Health.IN_PROCESS);
  }

  /** Closes the Redis connection and its threads; the ports then act as if Redis were down. */
  @Override
  public void close() {
    if (updateLog instanceof RedisUpdateLog shared) {
      shared.close();
    }
    notices.ifPresent(RedisChangeNotices::close);
    link.ifPresent(RedisLink::close);
  }
}
