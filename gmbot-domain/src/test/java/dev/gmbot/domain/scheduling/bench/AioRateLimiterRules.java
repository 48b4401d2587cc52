package dev.gmbot.domain.scheduling.bench;

import dev.gmbot.port.model.ChatId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of python-telegram-bot's {@code AIORateLimiter}, for comparison: every method that
 * names a chat passes an overall limiter (30 per 1 s), and a method whose chat id is negative
 * (group, supergroup, channel) also a per-chat limiter (20 per 60 s); both are aiolimiter leaky
 * buckets (capacity = rate, draining continuously). {@code getUpdates} and calls without a chat
 * pass freely. Decided all-or-nothing here (PTB takes the group permit first and then waits for the
 * overall one, which can only be slower). Not thread-safe.
 */
public final class AioRateLimiterRules {
  private final Bucket overall;
  private final double groupRate;
  private final Duration groupPeriod;
  private final Map<Long, Bucket> groups = new HashMap<>();

  public AioRateLimiterRules(
      double overallRate, Duration overallPeriod, double groupRate, Duration groupPeriod) {
    this.overall = new Bucket(overallRate, overallPeriod);
    this.groupRate = groupRate;
    this.groupPeriod = groupPeriod;
  }

  /** PTB's defaults: 30/s overall, 20/min per group. */
  public static AioRateLimiterRules ptbDefaults() {
    return new AioRateLimiterRules(30, Duration.ofSeconds(1), 20, Duration.ofMinutes(1));
  }

  /**
   * Takes a permit for a call addressed to {@code chat} at {@code now}, or answers when to try
   * again.
   */
  public Optional<Instant> tryAcquire(Optional<ChatId> chat, Instant now) {
    if (chat.isEmpty()) {
      return Optional.empty();
    }
    Bucket group =
        chat.get().isPrivate()
            ? null
            : groups.computeIfAbsent(chat.get().value(), id -> new Bucket(groupRate, groupPeriod));
    double wait = overall.waitSeconds(now);
    if (group != null) {
      wait = Math.max(wait, group.waitSeconds(now));
    }
    if (wait > 0) {
      return Optional.of(now.plusNanos((long) Math.ceil(wait * 1e9)));
    }
    overall.take();
    if (group != null) {
      group.take();
    }
    return Optional.empty();
  }

  /**
   * aiolimiter's leaky bucket: level drains at rate/period; a permit fits while level + 1 <= rate.
   */
  private static final class Bucket {
    private final double capacity;
    private final double perSecond;
    private double level;
    private Instant last = Instant.MIN;

    Bucket(double rate, Duration period) {
      this.capacity = rate;
      this.perSecond = rate / (period.toNanos() / 1e9);
    }

    double waitSeconds(Instant now) {
      if (!last.equals(Instant.MIN)) {
        double elapsed = Duration.between(last, now).toNanos() / 1e9;
        level = Math.max(0, level - elapsed * perSecond);
      }
      last = now;
      double excess = level + 1 - capacity;
      return excess <= 1e-9 ? 0 : excess / perSecond;
    }

    void take() {
      level += 1;
    }
  }
}
