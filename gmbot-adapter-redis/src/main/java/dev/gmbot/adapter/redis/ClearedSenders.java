package dev.gmbot.adapter.redis;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Senders the gate found cleared a moment ago: an administrator of the group, or subscribed to
 * every channel it enforces, as Redis answered. For {@link #WINDOW} after such an answer, the next
 * message of the same sender in the same group is admitted on this answer without asking Redis
 * again (ADR 0097): in a busy chat most messages come from people who wrote a second before, and
 * each of them would otherwise cost a round trip that can only repeat what it just said.
 *
 * <p>An answer is never served for longer than the window, so a change made on another instance (a
 * channel left, an administrator demoted) is in force here within it, as group settings are. A
 * change made on this instance is in force at once: the membership and administrator caches call
 * {@link #forget(UserId)} and {@link #forget(GroupId)} before they write, and an answer read before
 * such a call is not served after it (each answer carries the stamps of its user's and group's
 * stripes as they were before the read; a forget moves the stripe on).
 *
 * <p>Memory: two generations of one window each, so at most the distinct senders of the last two
 * seconds, about 150 bytes each; the older generation is dropped whole, nothing is scanned.
 */
final class ClearedSenders {
  /** How long an answer of Redis is served in process. */
  static final Duration WINDOW = Duration.ofSeconds(1);

  private static final int STRIPES = 1024;

  private static final Optional<Boolean> ADMIN = Optional.of(true);
  private static final Optional<Boolean> NOT_ADMIN = Optional.of(false);

  /** One sender's answer, read at {@code readAt} (clock millis). */
  private record Cleared(
      long group,
      List<ChannelId> channels,
      Map<ChannelId, Boolean> memberships,
      Optional<Boolean> administrator,
      long readAt,
      long userStamp,
      long groupStamp) {}

  /** What to compare against before a read, taken by {@link #stamp}. */
  record Stamp(long userStamp, long groupStamp, long at) {}

  /** What {@link #find} returns: the answer as the gate's script would have given it. */
  record Answer(Map<ChannelId, Boolean> memberships, Optional<Boolean> administrator) {}

  private final Clock clock;
  private final long windowMillis;
  private final AtomicLongArray userStripes = new AtomicLongArray(STRIPES);
  private final AtomicLongArray groupStripes = new AtomicLongArray(STRIPES);
  private volatile Generations generations;

  private record Generations(
      Map<Long, Cleared> current, Map<Long, Cleared> previous, long rotateAt) {}

  ClearedSenders(Clock clock) {
    this(clock, WINDOW);
  }

  ClearedSenders(Clock clock, Duration window) {
    this.clock = clock;
    this.windowMillis = window.toMillis();
    this.generations =
        new Generations(
            new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), clock.millis() + windowMillis);
  }

  /** Before asking Redis: the stamps an answer must still match when it is served. */
  Stamp stamp(UserId user, GroupId group) {
    return new Stamp(
        userStripes.get(stripe(user.value())),
        groupStripes.get(stripe(group.value())),
        clock.millis());
  }

  /**
   * The sender's answer if Redis gave it within the window for the same group and channels and
   * nothing was forgotten since; empty otherwise.
   */
  Optional<Answer> find(UserId user, GroupId group, List<ChannelId> channels) {
    long now = clock.millis();
    Generations g = rotated(now);
    Long key = user.value();
    Cleared c = g.current().get(key);
    if (c == null) {
      c = g.previous().get(key);
    }
    if (c == null
        || c.group() != group.value()
        || now - c.readAt() >= windowMillis
        || now < c.readAt()
        || c.userStamp() != userStripes.get(stripe(user.value()))
        || c.groupStamp() != groupStripes.get(stripe(group.value()))
        || !c.channels().equals(channels)) {
      return Optional.empty();
    }
    return Optional.of(new Answer(c.memberships(), c.administrator()));
  }

  /**
   * Keeps what Redis answered for a sender when it clears them: a known administrator, or a known
   * non-administrator subscribed to every one of {@code channels}. Anything else is not kept.
   */
  void remember(
      Stamp stamp,
      UserId user,
      GroupId group,
      List<ChannelId> channels,
      Map<ChannelId, Boolean> memberships,
      Optional<Boolean> administrator) {
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
            group.value(),
            List.copyOf(channels),
            Map.copyOf(memberships),
            admin ? ADMIN : NOT_ADMIN,
            stamp.at(),
            stamp.userStamp(),
            stamp.groupStamp());
    rotated(clock.millis()).current().put(user.value(), c);
  }

  /** The user's membership answers change on this instance: stop serving what was read before. */
  void forget(UserId user) {
    userStripes.incrementAndGet(stripe(user.value()));
  }

  /** The group's administrator list changes on this instance: stop serving what was read before. */
  void forget(GroupId group) {
    groupStripes.incrementAndGet(stripe(group.value()));
  }

  /** Answers held now, served or not (both generations). */
  int size() {
    Generations g = generations;
    return g.current().size() + g.previous().size();
  }

  private Generations rotated(long now) {
    Generations g = generations;
    if (now < g.rotateAt()) {
      return g;
    }
    // Losing this race only means another thread rotated first: read again.
    Generations next =
        now - g.rotateAt() >= windowMillis
            ? new Generations(
                new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), now + windowMillis)
            : new Generations(new ConcurrentHashMap<>(), g.current(), g.rotateAt() + windowMillis);
    synchronized (this) {
      if (generations == g) {
        generations = next;
      }
      return generations;
    }
  }

  private static int stripe(long id) {
    long h = id * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 54) & (STRIPES - 1);
  }
}
