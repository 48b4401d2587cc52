package dev.gmbot.adapter.redis;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.IdPairHash;
import dev.gmbot.port.model.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Senders the gate found cleared on Redis: an administrator of the group, or subscribed to every
 * channel it enforces. While such an answer is still good, the next message of the same sender in
 * the same group is admitted on it without asking Redis again (ADR 0097, 0102): in a busy chat most
 * messages come from people who wrote a little earlier, and each of them would otherwise cost a
 * round trip that can only repeat what it said then.
 *
 * <p>How long an answer is good:
 *
 * <ul>
 *   <li>Never past the expiry of the Redis entries it was read from (the gate's script reports the
 *       nearest one), so an answer due to be asked of Telegram again is asked again on time.
 *   <li>{@link #WINDOW} (a second) without change notices: a change written on another instance (a
 *       channel left, an administrator demoted) is in force here within it, as group settings are.
 *       This is the bound in Lambda, whose frozen containers cannot hear notices.
 *   <li>{@link #NOTICED_WINDOW} while the instances' change notices flow ({@link #noticesResumed}):
 *       the instance that writes a membership answer or an administrator list announces it, and
 *       every other instance stops serving what it read before (the same {@link #forget} as for a
 *       local write). An answer read before the notices last resumed is held to the short window,
 *       since what was announced during the gap is lost; after {@link #noticesInterrupted} every
 *       answer is.
 * </ul>
 *
 * <p>A change made on this instance is in force at once: the membership and administrator caches
 * call {@link #forget(UserId)} and {@link #forget(GroupId)} before they write, and an answer read
 * before such a call is not served after it (each answer carries the stamps of its user's and
 * group's stripes as they were before the read; a forget moves the stripe on).
 *
 * <p>Memory: two generations, each of at most {@link #GENERATION_CAPACITY} answers (about 150 bytes
 * each) and one window long; when the current one is full or its time is up, the older is dropped
 * whole, nothing is scanned.
 */
final class ClearedSenders {
  /** How long an answer of Redis is served in process when no change notices are heard. */
  static final Duration WINDOW = Duration.ofSeconds(1);

  /** How long it is served, at most, while change notices flow. */
  static final Duration NOTICED_WINDOW = Duration.ofMinutes(5);

  /** Answers held per generation: two generations hold every sender of a large bot's groups. */
  static final int GENERATION_CAPACITY = 131_072;

  private static final int STRIPES = 16_384;
  private static final long NOT_LIVE = Long.MAX_VALUE;

  private static final Optional<Boolean> ADMIN = Optional.of(true);
  private static final Optional<Boolean> NOT_ADMIN = Optional.of(false);

  /** A sender in a group. */
  record Key(long user, long group) {
    /** Not the record's {@code 31 * user + group}: see {@link IdPairHash}. */
    @Override
    public int hashCode() {
      return IdPairHash.of(user, group);
    }
  }

  /**
   * One sender's answer, read at {@code readAt} and good until {@code expiresAt} (clock millis).
   */
  private record Cleared(
      List<ChannelId> channels,
      Map<ChannelId, Boolean> memberships,
      Optional<Boolean> administrator,
      long readAt,
      long expiresAt,
      long userStamp,
      long groupStamp) {}

  /** What to compare against before a read, taken by {@link #stamp}. */
  record Stamp(long userStamp, long groupStamp, long at) {}

  /** What {@link #find} returns: the answer as the gate's script would have given it. */
  record Answer(Map<ChannelId, Boolean> memberships, Optional<Boolean> administrator) {}

  private final Clock clock;
  private final long windowMillis;
  private final long noticedWindowMillis;
  private final int capacity;
  private final AtomicLongArray userStripes = new AtomicLongArray(STRIPES);
  private final AtomicLongArray groupStripes = new AtomicLongArray(STRIPES);
  private volatile Generations generations;

  /**
   * When the change notices last resumed (clock millis); {@link #NOT_LIVE} while they do not flow.
   */
  private volatile long liveSince = NOT_LIVE;

  private record Generations(
      Map<Key, Cleared> current, Map<Key, Cleared> previous, long rotateAt) {}

  ClearedSenders(Clock clock) {
    this(clock, WINDOW, NOTICED_WINDOW, GENERATION_CAPACITY);
  }

  ClearedSenders(Clock clock, Duration window, Duration noticedWindow, int capacity) {
    this.clock = clock;
    this.windowMillis = window.toMillis();
    this.noticedWindowMillis = noticedWindow.toMillis();
    this.capacity = capacity;
    this.generations = empty(clock.millis());
  }

  /** Before asking Redis: the stamps an answer must still match when it is served. */
  Stamp stamp(UserId user, GroupId group) {
    return new Stamp(
        userStripes.get(stripe(user.value())),
        groupStripes.get(stripe(group.value())),
        clock.millis());
  }

  /**
   * The sender's answer if it is still good for the same group and channels and nothing was
   * forgotten since; empty otherwise.
   */
  Optional<Answer> find(UserId user, GroupId group, List<ChannelId> channels) {
    long now = clock.millis();
    Generations g = rotated(now, false);
    Key key = new Key(user.value(), group.value());
    Cleared c = g.current().get(key);
    if (c == null) {
      c = g.previous().get(key);
    }
    if (c == null
        || !good(c, now)
        || c.userStamp() != userStripes.get(stripe(user.value()))
        || c.groupStamp() != groupStripes.get(stripe(group.value()))
        || !c.channels().equals(channels)) {
      return Optional.empty();
    }
    return Optional.of(new Answer(c.memberships(), c.administrator()));
  }

  private boolean good(Cleared c, long now) {
    long age = now - c.readAt();
    if (age < 0 || now >= c.expiresAt()) {
      return false;
    }
    // A read in the millisecond the notices resumed may have been sent before they did.
    return age < windowMillis || (c.readAt() > liveSince && age < noticedWindowMillis);
  }

  /**
   * Keeps what Redis answered for a sender when it clears them: a known administrator, or a known
   * non-administrator subscribed to every one of {@code channels}. Anything else is not kept.
   *
   * @param ttlMillis how long the nearest-expiring entry read had left, or negative when none of
   *     them expires
   */
  void remember(
      Stamp stamp,
      UserId user,
      GroupId group,
      List<ChannelId> channels,
      Map<ChannelId, Boolean> memberships,
      Optional<Boolean> administrator,
      long ttlMillis) {
    if (administrator.isEmpty()) {
      return;
    }
    boolean admin = administrator.get();
    if (!admin) {
      for (ChannelId channel : channels) {
        if (!Boolean.TRUE.equals(memberships.get(channel))) {
          return;
        }
      }
    }
    Cleared c =
        new Cleared(
            List.copyOf(channels),
            Map.copyOf(memberships),
            admin ? ADMIN : NOT_ADMIN,
            stamp.at(),
            ttlMillis < 0 ? Long.MAX_VALUE : stamp.at() + ttlMillis,
            stamp.userStamp(),
            stamp.groupStamp());
    long now = clock.millis();
    Generations g = rotated(now, false);
    if (g.current().size() >= capacity) {
      g = rotated(now, true);
    }
    g.current().put(new Key(user.value(), group.value()), c);
  }

  /** The user's membership answers change: stop serving what was read before. */
  void forget(UserId user) {
    userStripes.incrementAndGet(stripe(user.value()));
  }

  /** The group's administrator list changes: stop serving what was read before. */
  void forget(GroupId group) {
    groupStripes.incrementAndGet(stripe(group.value()));
  }

  /**
   * The change notices flow (again): answers read from now on are good for {@link #NOTICED_WINDOW}.
   */
  void noticesResumed() {
    liveSince = clock.millis();
  }

  /** Change notices may be lost from now on: every answer is held to {@link #WINDOW}. */
  void noticesInterrupted() {
    liveSince = NOT_LIVE;
    synchronized (this) {
      generations = empty(clock.millis());
    }
  }

  /** True while answers may be served for {@link #NOTICED_WINDOW}. */
  boolean noticed() {
    return liveSince != NOT_LIVE;
  }

  /** Answers held now, served or not (both generations). */
  int size() {
    Generations g = generations;
    return g.current().size() + g.previous().size();
  }

  private Generations empty(long now) {
    return new Generations(new ConcurrentHashMap<>(), Map.of(), now + period());
  }

  private long period() {
    return noticed() ? noticedWindowMillis : windowMillis;
  }

  private Generations rotated(long now, boolean full) {
    Generations g = generations;
    if (now < g.rotateAt() && !full) {
      return g;
    }
    synchronized (this) {
      if (generations != g) {
        return generations; // another thread rotated first
      }
      // The current generation's answers were all read before rotateAt: once a whole period has
      // passed since, none of them is good any more.
      Map<Key, Cleared> kept = full || now < g.rotateAt() + period() ? g.current() : Map.of();
      generations = new Generations(new ConcurrentHashMap<>(), kept, now + period());
      return generations;
    }
  }

  private static int stripe(long id) {
    long h = id * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 50) & (STRIPES - 1);
  }
}
