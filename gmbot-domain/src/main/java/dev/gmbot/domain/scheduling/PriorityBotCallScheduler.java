package dev.gmbot.domain.scheduling;

import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.out.BotApiException;
import dev.gmbot.port.out.ChatMigratedException;
import dev.gmbot.port.out.FloodWaitException;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.NonBlocking;
import dev.gmbot.port.out.RateLimitStore;
import dev.gmbot.port.out.TransientBotApiException;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The scheduler every outbound Bot API call passes (ADRs 0010-0013).
 *
 * <ul>
 *   <li>Message calls ({@code send*}, {@code edit*}, {@code copy*}, {@code forward*}) pass the
 *       meters of the {@link RateLimitStore}: global, per group, per private chat. Control calls
 *       are not metered; they are bounded by {@link SchedulerConfig#maxInFlight()}.
 *   <li>P0 is served before P1 before P2, and some slots are reserved for P0; P2 also passes a 5/s
 *       meter. Queues are bounded; P2 is shed first ({@link CallShedException}).
 *   <li>A 429 pauses its scope (a chat, or the whole bot) for {@code retry_after} plus jitter and
 *       the call is retried up to {@link SchedulerConfig#maxFloodRetries()} times; timeouts and 5xx
 *       are retried with backoff; a migrated group is followed once, and the {@link Delivery}
 *       reports the {@link GroupMigration} (the scheduler itself writes nothing).
 * </ul>
 *
 * <p>The call runs on the caller's thread (a virtual thread), which parks until its turn; no thread
 * per call. One dispatcher thread sleeps until the next instant at which a waiting call may become
 * runnable and is woken early when that instant moves closer. When a call's retries are exhausted
 * the caller gets the last {@link BotApiException} (earlier ones suppressed).
 */
public final class PriorityBotCallScheduler implements BotCallScheduler, AutoCloseable {
  private final SchedulerCore core;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wakeDispatcher = lock.newCondition();
  private final Thread dispatcher;
  private Instant plannedWake;
  private boolean closed;

  @Inject
  public PriorityBotCallScheduler(
      SchedulerConfig config, RateLimitStore store, GuardMetrics metrics, Clock clock) {
    this(
        config,
        store,
        metrics,
        clock,
        RandomGenerator.getDefault(),
        Sleeper.REAL,
        Thread.ofPlatform().daemon().name("gmbot-scheduler").factory());
  }

  PriorityBotCallScheduler(
      SchedulerConfig config,
      RateLimitStore store,
      GuardMetrics metrics,
      Clock clock,
      RandomGenerator random,
      Sleeper sleeper,
      ThreadFactory threads) {
    this.core =
        new SchedulerCore(
            Objects.requireNonNull(config, "config"),
            Objects.requireNonNull(store, "store"),
            Objects.requireNonNull(metrics, "metrics"),
            Objects.requireNonNull(random, "random"));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    for (Priority priority : Priority.values()) {
      metrics.schedulerQueue(SchedulerCore.priorityLabel(priority), () -> queued(priority));
    }
    this.dispatcher = threads.newThread(this::dispatchLoop);
    this.dispatcher.start();
  }

  @Override
  public <T> Delivery<T> deliver(BotCall call, Function<ChatId, T> action) {
    if (call.chat().isEmpty()) {
      throw new IllegalArgumentException(call.method() + " names no chat");
    }
    return execute(call, action, true, false);
  }

  @Override
  public <T> T submit(BotCall call, Supplier<T> action) {
    Objects.requireNonNull(action, "action");
    return execute(call, chat -> action.get(), false, false).result();
  }

  @Override
  public <T> Delivery<T> deliverNow(BotCall call, Function<ChatId, T> action) {
    if (call.chat().isEmpty()) {
      throw new IllegalArgumentException(call.method() + " names no chat");
    }
    return execute(call, action, true, true);
  }

  @Override
  public <T> T submitNow(BotCall call, Supplier<T> action) {
    Objects.requireNonNull(action, "action");
    return execute(call, chat -> action.get(), false, true).result();
  }

  /** Calls waiting for their turn (for health and tests). */
  public int queued() {
    lock.lock();
    try {
      return core.queued();
    } finally {
      lock.unlock();
    }
  }

  /** Calls waiting for their turn at one priority (the queue-depth gauge). */
  public int queued(Priority priority) {
    lock.lock();
    try {
      return core.queued(priority);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops the dispatcher; calls still queued fail with {@link CallShedException.Reason#SHUTDOWN}.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      release(core.drain());
      wakeDispatcher.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * @param now when true, the call never waits for a meter, a pause or a backoff: it fails with
   *     {@link CallDeferredException} instead (ADR 0014)
   */
  private <T> Delivery<T> execute(
      BotCall call, Function<ChatId, T> action, boolean canMigrate, boolean now) {
    Objects.requireNonNull(call, "call");
    NonBlocking.check("Telegram");
    Ticket t = new Ticket(call, Thread.currentThread());
    t.submitted = clock.instant();
    lock.lock();
    try {
      if (closed) {
        throw new CallShedException(
            call.method(), call.priority(), CallShedException.Reason.SHUTDOWN);
      }
      release(core.offer(t));
      dispatchLocked();
      if (now) {
        deferIfWaiting(t);
      }
    } finally {
      lock.unlock();
    }
    Optional<GroupMigration> followed = Optional.empty();
    while (true) {
      awaitTurn(t);
      T result;
      try {
        result = action.apply(t.chat().orElse(null));
      } catch (FloodWaitException | TransientBotApiException e) {
        if (now) {
          throw deferAfter(t, e);
        }
        if (!retry(t, e)) {
          t.failures.subList(0, t.failures.size() - 1).forEach(e::addSuppressed);
          throw e;
        }
        continue;
      } catch (ChatMigratedException e) {
        finish(t);
        Optional<GroupMigration> migration = GroupMigration.of(e);
        if (!canMigrate || followed.isPresent() || migration.isEmpty()) {
          throw e;
        }
        followed = migration;
        follow(t, migration.get());
        continue;
      } catch (RuntimeException | Error e) {
        finish(t);
        throw e;
      }
      finish(t);
      return new Delivery<>(result, followed);
    }
  }

  /** Under the lock: a call that would wait for a meter, a pause or a backoff is taken out. */
  private void deferIfWaiting(Ticket t) {
    if (t.state != Ticket.State.QUEUED) {
      return;
    }
    Optional<Instant> until = core.waitsUntil(t, clock.instant());
    if (until.isPresent() && core.withdraw(t)) {
      dispatchLocked();
      throw new CallDeferredException(t.call().method(), t.priority, until.get(), null);
    }
  }

  /** A call made not to wait failed in a way that is retried: it is deferred instead. */
  private CallDeferredException deferAfter(Ticket t, BotApiException failure) {
    lock.lock();
    try {
      Instant retryAt = core.deferAfter(t, failure, clock.instant());
      dispatchLocked();
      return new CallDeferredException(t.call().method(), t.priority, retryAt, failure);
    } finally {
      lock.unlock();
    }
  }

  /** Queues the call again, addressed to the group's new chat. */
  private void follow(Ticket t, GroupMigration migration) {
    t.retarget(migration.to().chat());
    lock.lock();
    try {
      if (closed) {
        throw new CallShedException(
            t.call().method(), t.priority, CallShedException.Reason.SHUTDOWN);
      }
      core.requeue(t);
      dispatchLocked();
    } finally {
      lock.unlock();
    }
  }

  private void awaitTurn(Ticket t) {
    boolean interrupted = false;
    while (t.state == Ticket.State.QUEUED) {
      LockSupport.park(this);
      if (Thread.interrupted()) {
        interrupted = true;
        lock.lock();
        try {
          core.cancel(t, CallShedException.Reason.INTERRUPTED);
        } finally {
          lock.unlock();
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (t.state == Ticket.State.SHED) {
      throw t.shed;
    }
  }

  private boolean retry(Ticket t, BotApiException failure) {
    lock.lock();
    try {
      boolean again = core.retry(t, failure, clock.instant());
      if (again && closed) {
        core.cancel(t, CallShedException.Reason.SHUTDOWN);
      }
      dispatchLocked();
      return again;
    } finally {
      lock.unlock();
    }
  }

  private void finish(Ticket t) {
    lock.lock();
    try {
      core.finished(t);
      dispatchLocked();
    } finally {
      lock.unlock();
    }
  }

  /** Grants what may run now; wakes the dispatcher when the next due instant moved closer. */
  private void dispatchLocked() {
    if (closed || core.queued() == 0) {
      return; // nothing waits: nothing to grant, and the dispatcher's plan cannot move closer
    }
    SchedulerCore.Poll poll = core.poll(clock.instant());
    release(poll.granted());
    Optional<Instant> next = poll.nextWake();
    if (next.isPresent() && (plannedWake == null || next.get().isBefore(plannedWake))) {
      plannedWake = next.get();
      wakeDispatcher.signal();
    }
  }

  private static void release(List<Ticket> tickets) {
    Thread self = Thread.currentThread();
    for (Ticket t : tickets) {
      if (t.waiter != self) {
        LockSupport.unpark(t.waiter);
      }
    }
  }

  private void dispatchLoop() {
    lock.lock();
    try {
      while (!closed) {
        Instant now = clock.instant();
        SchedulerCore.Poll poll = core.poll(now);
        release(poll.granted());
        plannedWake = poll.nextWake().orElse(null);
        if (plannedWake == null) {
          wakeDispatcher.await();
        } else {
          Duration wait = Duration.between(now, plannedWake);
          if (wait.isPositive()) {
            sleeper.await(wakeDispatcher, wait, core.inFlight());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }
}
