package dev.gmbot.domain.scheduling.bench;

import dev.gmbot.domain.scheduling.BotCall;
import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.domain.scheduling.Delivery;
import dev.gmbot.port.model.ChatId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/** A blocking {@link BotCallScheduler} that applies {@link AioRateLimiterRules} to every call. */
public final class AioRateLimiterEmulation implements BotCallScheduler {
  private final AioRateLimiterRules rules;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  public AioRateLimiterEmulation(AioRateLimiterRules rules, Clock clock) {
    this.rules = rules;
    this.clock = clock;
  }

  @Override
  public <T> Delivery<T> deliver(BotCall call, Function<ChatId, T> action) {
    ChatId chat = call.chat().orElseThrow(() -> new IllegalArgumentException("no chat"));
    acquire(call.chat());
    return Delivery.of(action.apply(chat));
  }

  @Override
  public <T> T submit(BotCall call, Supplier<T> action) {
    acquire(call.chat());
    return action.get();
  }

  private void acquire(Optional<ChatId> chat) {
    lock.lock();
    try {
      while (true) {
        Instant now = clock.instant();
        Optional<Instant> retryAt = rules.tryAcquire(chat, now);
        if (retryAt.isEmpty()) {
          return;
        }
        changed.awaitNanos(Math.max(1, Duration.between(now, retryAt.get()).toNanos()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the limiter", e);
    } finally {
      lock.unlock();
    }
  }
}
