package dev.gmbot.domain.verification;

import dev.gmbot.domain.scheduling.BotCall;
import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.domain.verification.Verdict.Cause;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.DailyCounter;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.BotApiException;
import dev.gmbot.port.out.BotApiRejectedException;
import dev.gmbot.port.out.BotMethod;
import dev.gmbot.port.out.ChatAccessException;
import dev.gmbot.port.out.DailyStatistics;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.GuardMetrics.VerificationStatus;
import dev.gmbot.port.out.MembershipCache;
import dev.gmbot.port.out.MembershipLookup;
import dev.gmbot.port.out.NonBlocking;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * Answers "is this user subscribed to every channel": cached answers first (positive 10 min,
 * negative 1 min, each ±15 % jitter), then {@code getChatMember} through the scheduler. Concurrent
 * checks of the same (user, channel) in this process share one call (single flight). Transient
 * failures are retried a bounded number of times; failures never become "not subscribed".
 *
 * <p>Thread-safe. The {@link RandomGenerator} is shared between threads: pass a thread-safe one
 * (e.g. {@link java.util.Random}).
 */
public final class MembershipVerifier {
  private record Key(UserId user, ChannelId channel) {}

  private final MembershipLookup lookup;
  private final MembershipCache cache;
  private final BotCallScheduler scheduler;
  private final GuardMetrics metrics;
  private final Clock clock;
  private final RandomGenerator random;
  private final VerificationSettings settings;
  private final DailyStatistics statistics;
  private final Map<Key, CompletableFuture<Boolean>> flights = new ConcurrentHashMap<>();

  @Inject
  public MembershipVerifier(
      MembershipLookup lookup,
      MembershipCache cache,
      BotCallScheduler scheduler,
      GuardMetrics metrics,
      Clock clock,
      RandomGenerator random,
      VerificationSettings settings,
      DailyStatistics statistics) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.statistics = Objects.requireNonNull(statistics, "statistics");
  }

  /**
   * Checks the user against every channel. A channel the bot cannot check makes the whole verdict
   * {@link Verdict.CannotCheck} (nobody is punished on an error, even when another channel is known
   * to be missing).
   *
   * @param priority the priority of the {@code getChatMember} calls (P0 for a pressed button)
   */
  /** Since when this instance's checks fail because Telegram is unavailable (issue 16). */
  private volatile Instant failingSince;

  /**
   * Since when the checks this instance asked Telegram have been failing (Telegram unavailable,
   * timeouts after retries); empty once one succeeds again. What /status reports.
   */
  public Optional<Instant> checksFailingSince() {
    return Optional.ofNullable(failingSince);
  }

  public Verdict verify(
      UserId user, List<EnforcedChannel> channels, Freshness freshness, Priority priority) {
    return run(null, user, channels, freshness, priority, null);
  }

  /**
   * {@link #verify(UserId, List, Freshness, Priority)} for a member of {@code group}, counted in
   * the group's daily figures: a check that ended with an answer, whether it passed, and how many
   * of its channel answers came from the cache (a check that could not be made counts nothing).
   */
  public Verdict verify(
      GroupId group,
      UserId user,
      List<EnforcedChannel> channels,
      Freshness freshness,
      Priority priority) {
    return run(Objects.requireNonNull(group, "group"), user, channels, freshness, priority, null);
  }

  /**
   * As {@link #verify(GroupId, UserId, List, Freshness, Priority)}, with the user's cached answers
   * already read (together with the update's claim, ADR 0056): the cache is not read again.
   *
   * @param cached the user's cached answers among the channels, as {@link MembershipCache#getAll}
   *     returns them (absent keys: not cached)
   */
  public Verdict verify(
      GroupId group,
      UserId user,
      List<EnforcedChannel> channels,
      Freshness freshness,
      Priority priority,
      Map<ChannelId, Boolean> cached) {
    return run(
        Objects.requireNonNull(group, "group"),
        user,
        channels,
        freshness,
        priority,
        Objects.requireNonNull(cached, "cached"));
  }

  /** How many channel answers of one check came from the cache. */
  private static final class Tally {
    private int fromCache;
  }

  /**
   * @param group the group whose daily figures count the check; null: not counted
   * @param cached the answers already read; null: read from the cache
   */
  private Verdict run(
      GroupId group,
      UserId user,
      List<EnforcedChannel> channels,
      Freshness freshness,
      Priority priority,
      Map<ChannelId, Boolean> cached) {
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("a verification needs at least one channel");
    }
    Instant start = clock.instant();
    Tally tally = new Tally();
    Map<ChannelId, Boolean> answers =
        cached != null ? cached : cache.getAll(user, channelIds(channels));
    Verdict verdict = check(user, channels, freshness, priority, answers, tally);
    metrics.verification(
        switch (verdict) {
          case Verdict.Subscribed s -> VerificationStatus.VERIFIED;
          case Verdict.NotSubscribed n -> VerificationStatus.RESTRICTED;
          case Verdict.CannotCheck c -> VerificationStatus.ERROR;
        });
    metrics.verificationLatency(Duration.between(start, clock.instant()));
    if (group != null && !(verdict instanceof Verdict.CannotCheck)) {
      statistics.add(
          group,
          LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
          Map.of(
              DailyCounter.CHECKS,
              1L,
              DailyCounter.CHECKS_PASSED,
              verdict instanceof Verdict.Subscribed ? 1L : 0L,
              DailyCounter.CHANNEL_ANSWERS,
              (long) channels.size(),
              DailyCounter.CACHE_ANSWERS,
              (long) tally.fromCache));
    }
    return verdict;
  }

  private static List<ChannelId> channelIds(List<EnforcedChannel> channels) {
    if (channels.size() == 1) {
      return List.of(channels.getFirst().id());
    }
    return channels.stream().map(EnforcedChannel::id).toList();
  }

  /**
   * Writes what a channel's {@code chat_member} update told into the cache (joined: positive, left:
   * negative), so the next check needs no call.
   */
  public void record(UserId user, ChannelId channel, boolean subscribed) {
    cache.put(user, channel, subscribed, ttlFor(subscribed));
  }

  /** The TTL a fresh answer is cached for: the base TTL with random jitter. */
  Duration ttlFor(boolean subscribed) {
    Duration base = subscribed ? settings.positiveTtl() : settings.negativeTtl();
    double factor = 1 + settings.jitter() * (2 * random.nextDouble() - 1);
    long millis = Math.round(base.toMillis() * factor);
    return Duration.ofMillis(Math.max(1, millis));
  }

  private Verdict check(
      UserId user,
      List<EnforcedChannel> channels,
      Freshness freshness,
      Priority priority,
      Map<ChannelId, Boolean> cached,
      Tally tally) {
    // The common case (every answer cached and positive) allocates no list here.
    List<EnforcedChannel> missing = List.of();
    List<EnforcedChannel> toAsk = List.of();
    for (EnforcedChannel channel : channels) {
      Boolean answer = cached.get(channel.id());
      if (answer != null && (answer || freshness == Freshness.CACHED)) {
        tally.fromCache++;
        if (!answer) {
          missing = added(missing, channel);
        }
      } else {
        toAsk = added(toAsk, channel);
      }
    }
    if (!toAsk.isEmpty()) {
      // Before anything is counted or a flight starts (latecomers must not share a refusal meant
      // for this thread only): a thread that must not wait hands the whole check over.
      NonBlocking.check("Telegram (getChatMember)");
    }
    for (int i = 0; i < tally.fromCache; i++) {
      metrics.cacheHit();
    }
    for (int i = 0; i < toAsk.size(); i++) {
      metrics.cacheMiss();
    }
    for (EnforcedChannel channel : toAsk) {
      try {
        if (!lookupShared(user, channel.id(), freshness, priority)) {
          missing = added(missing, channel);
        }
      } catch (ChatAccessException e) {
        return new Verdict.CannotCheck(channel, Cause.NO_ACCESS, describe(e));
      } catch (BotApiException e) {
        if (isInfrastructure(e)) {
          throw e;
        }
        if (failingSince == null) {
          failingSince = clock.instant();
        }
        return new Verdict.CannotCheck(channel, Cause.UNAVAILABLE, e.getMessage());
      }
    }
    if (!toAsk.isEmpty()) {
      failingSince = null;
    }
    return missing.isEmpty() ? Verdict.subscribed() : new Verdict.NotSubscribed(missing);
  }

  private static List<EnforcedChannel> added(List<EnforcedChannel> list, EnforcedChannel channel) {
    List<EnforcedChannel> grown = list.isEmpty() ? new ArrayList<>(2) : list;
    grown.add(channel);
    return grown;
  }

  private static Optional<Boolean> usable(Optional<Boolean> cached, Freshness freshness) {
    return cached.filter(subscribed -> subscribed || freshness == Freshness.CACHED);
  }

  /** One call per (user, channel) at a time in this process; latecomers share its answer. */
  private boolean lookupShared(
      UserId user, ChannelId channel, Freshness freshness, Priority priority) {
    Key key = new Key(user, channel);
    CompletableFuture<Boolean> mine = new CompletableFuture<>();
    CompletableFuture<Boolean> running = flights.putIfAbsent(key, mine);
    if (running != null) {
      return await(running);
    }
    try {
      // A flight that finished between our cache read and now has written the cache.
      Optional<Boolean> fresh = usable(cache.get(user, channel), freshness);
      boolean subscribed = fresh.isPresent() ? fresh.get() : askTelegram(user, channel, priority);
      if (fresh.isEmpty()) {
        cache.put(user, channel, subscribed, ttlFor(subscribed));
      }
      mine.complete(subscribed);
      return subscribed;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      flights.remove(key, mine);
    }
  }

  private static boolean await(CompletableFuture<Boolean> running) {
    try {
      return running.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private boolean askTelegram(UserId user, ChannelId channel, Priority priority) {
    BotCall call = BotCall.to(channel.chat(), BotMethod.GET_CHAT_MEMBER, priority);
    BotApiException last = null;
    for (int attempt = 0; attempt <= settings.retries(); attempt++) {
      try {
        return scheduler.submit(call, chat -> lookup.getChatMember(chat, user)).isSubscribed();
      } catch (BotApiException e) {
        if (!e.isRetryable()) {
          throw e;
        }
        last = e;
      }
    }
    throw last;
  }

  /** Failures that concern the whole bot, not this check: they propagate (non-2xx, redelivery). */
  private static boolean isInfrastructure(BotApiException e) {
    return e instanceof BotApiRejectedException r
        && (r.reason() == BotApiRejectedException.Reason.UNAUTHORIZED
            || r.reason() == BotApiRejectedException.Reason.CONFLICT);
  }

  private static String describe(ChatAccessException e) {
    return e.problem() + (e.description().isBlank() ? "" : ": " + e.description());
  }
}
