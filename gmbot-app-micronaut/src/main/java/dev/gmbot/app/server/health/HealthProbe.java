package dev.gmbot.app.server.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /health}: {@code {"status":"healthy","uptime":<s>,"mode":...,"database":...,
 * "redis":...,"telegram":...}}. The database answers a trivial query at every probe; Redis is
 * pinged (or reported {@code in-process}); Telegram (getMe or getWebhookInfo) is asked at most once
 * per cache period, since load balancers probe often and the Bot API is remote.
 *
 * <p>Unhealthy (503) when the database or Telegram is down. Redis down is {@code degraded} (200):
 * the shared-state adapter falls back to in-process state and recovers by itself.
 *
 * <p>The answer comes within {@link #DEADLINE} whatever is down (ADR 0079): each check runs on a
 * virtual thread, at most one at a time per component, and a check still running at the deadline
 * counts as down ("no answer") for this probe, so that a database connect that hangs for the pool
 * timeout or a slow Bot API cannot hold a load balancer's probe.
 */
public final class HealthProbe {
  /** One component's state: up, or down with a short reason. */
  public record State(boolean up, String text) {
    public static State up(String text) {
      return new State(true, text);
    }

    public static State down(String text) {
      return new State(false, text);
    }
  }

  /**
   * The answer: HTTP status and JSON body, and whether each component ({@code database}, {@code
   * redis}, {@code telegram}) is up (the {@code bot_health_up} gauges).
   */
  public record Report(int httpStatus, String status, String json, Map<String, Boolean> up) {
    public Report {
      up = Map.copyOf(up);
    }
  }

  /** How long a probe waits for its checks, together. */
  public static final Duration DEADLINE = Duration.ofMillis(800);

  /** One component's check, at most one run at a time; a probe waits for it until its deadline. */
  private static final class Check<T> {
    private final Supplier<T> check;
    private CompletableFuture<T> running;

    Check(Supplier<T> check) {
      this.check = check;
    }

    synchronized CompletableFuture<T> start() {
      if (running == null || running.isDone()) {
        running = CompletableFuture.supplyAsync(check, VIRTUAL);
      }
      return running;
    }
  }

  private static final Executor VIRTUAL =
      task -> Thread.ofVirtual().name("gmbot-health-check").start(task);

  private final Clock clock;
  private final Instant started;
  private final String mode;
  private final Check<Boolean> database;
  private final Check<State> redis;
  private final Check<State> telegram;
  private final Duration deadline;
  private final Duration telegramTtl;
  private State telegramState;
  private Instant telegramCheckedAt;

  public HealthProbe(
      Clock clock,
      String mode,
      BooleanSupplier database,
      Supplier<State> redis,
      Supplier<State> telegram,
      Duration telegramTtl) {
    this(clock, mode, database, redis, telegram, telegramTtl, DEADLINE);
  }

  /** As above, with the deadline of a probe's checks. */
  public HealthProbe(
      Clock clock,
      String mode,
      BooleanSupplier database,
      Supplier<State> redis,
      Supplier<State> telegram,
      Duration telegramTtl,
      Duration deadline) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.started = clock.instant();
    this.mode = Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(database, "database");
    this.database = new Check<>(() -> safely(database));
    this.redis = new Check<>(safely(Objects.requireNonNull(redis, "redis")));
    this.telegram = new Check<>(safely(Objects.requireNonNull(telegram, "telegram")));
    this.telegramTtl = Objects.requireNonNull(telegramTtl, "telegramTtl");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
  }

  public Report report() {
    long until = System.nanoTime() + deadline.toNanos();
    CompletableFuture<Boolean> databaseCheck = database.start();
    CompletableFuture<State> redisCheck = redis.start();
    State telegramState = telegram(until);
    boolean databaseUp = await(databaseCheck, until, false);
    State redisState = await(redisCheck, until, NO_ANSWER);
    boolean healthy = databaseUp && telegramState.up();
    String status = !healthy ? "unhealthy" : redisState.up() ? "healthy" : "degraded";
    long uptime = Duration.between(started, clock.instant()).toSeconds();
    String json =
        "{\"status\":\""
            + status
            + "\",\"uptime\":"
            + uptime
            + ",\"mode\":\""
            + mode
            + "\",\"database\":\""
            + (databaseUp ? "up" : "down")
            + "\",\"redis\":\""
            + escape(redisState.text())
            + "\",\"telegram\":\""
            + escape(telegramState.text())
            + "\"}";
    return new Report(
        healthy ? 200 : 503,
        status,
        json,
        Map.of("database", databaseUp, "redis", redisState.up(), "telegram", telegramState.up()));
  }

  private static final State NO_ANSWER = State.down("down: no answer within the probe deadline");

  /** The cached Telegram state, refreshed once per TTL; a refresh still running keeps the last. */
  private synchronized State telegram(long until) {
    Instant now = clock.instant();
    if (telegramState == null
        || Duration.between(telegramCheckedAt, now).compareTo(telegramTtl) >= 0) {
      State fresh = await(telegram.start(), until, null);
      if (fresh != null) {
        telegramState = fresh;
        telegramCheckedAt = now;
      } else if (telegramState == null) {
        return NO_ANSWER;
      }
    }
    return telegramState;
  }

  private static <T> T await(CompletableFuture<T> check, long until, T onTimeout) {
    try {
      return check.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return onTimeout;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return onTimeout;
    }
  }

  private static Supplier<State> safely(Supplier<State> check) {
    return () -> safelyGet(check);
  }

  private static boolean safely(BooleanSupplier check) {
    try {
      return check.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static State safelyGet(Supplier<State> check) {
    try {
      return check.get();
    } catch (RuntimeException e) {
      return State.down("down: " + e.getClass().getSimpleName());
    }
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
