package dev.gmbot.app.server.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
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

  private final Clock clock;
  private final Instant started;
  private final String mode;
  private final BooleanSupplier database;
  private final Supplier<State> redis;
  private final Supplier<State> telegram;
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
    this.clock = Objects.requireNonNull(clock, "clock");
    this.started = clock.instant();
    this.mode = Objects.requireNonNull(mode, "mode");
    this.database = Objects.requireNonNull(database, "database");
    this.redis = Objects.requireNonNull(redis, "redis");
    this.telegram = Objects.requireNonNull(telegram, "telegram");
    this.telegramTtl = Objects.requireNonNull(telegramTtl, "telegramTtl");
  }

  public Report report() {
    boolean databaseUp = safely(database);
    State redisState = safely(redis);
    State telegramState = telegram();
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

  private synchronized State telegram() {
    Instant now = clock.instant();
    if (telegramState == null
        || Duration.between(telegramCheckedAt, now).compareTo(telegramTtl) >= 0) {
      telegramState = safely(telegram);
      telegramCheckedAt = now;
    }
    return telegramState;
  }

  private static boolean safely(BooleanSupplier check) {
    try {
      return check.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static State safely(Supplier<State> check) {
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
