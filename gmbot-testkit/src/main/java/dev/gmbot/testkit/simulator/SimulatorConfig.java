package dev.gmbot.testkit.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Simulator settings. Start from {@link #defaults()} and use the {@code with…} methods.
 *
 * @param botId the bot's user id (also the token prefix)
 * @param botUsername the bot's username
 * @param botName the bot's first name
 * @param token the only token the server accepts
 * @param port the loopback port, 0 for any free port
 * @param clock the clock used for dates, windows and expiry
 * @param flood the flood model
 * @param latency the answer delay
 * @param privacyMode whether the bot has privacy mode on (matters only while it is not an admin)
 * @param webhookRetryBase the second retry delay (Telegram: 2 s; later ones double)
 * @param webhookRetryCap the largest retry delay (Telegram: 60-120 s)
 * @param callbackUpdateTtl how long an undelivered callback_query update is kept (Telegram: 150 s)
 * @param callbackAnswerWindow how long answerCallbackQuery is accepted after the press
 * @param webhookTimeout how long the emulator waits for a webhook response
 */
public record SimulatorConfig(
    long botId,
    String botUsername,
    String botName,
    String token,
    int port,
    Clock clock,
    FloodRules flood,
    Latency latency,
    boolean privacyMode,
    Duration webhookRetryBase,
    Duration webhookRetryCap,
    Duration callbackUpdateTtl,
    Duration callbackAnswerWindow,
    Duration webhookTimeout) {

  public SimulatorConfig {
    Objects.requireNonNull(botUsername);
    Objects.requireNonNull(botName);
    Objects.requireNonNull(token);
    Objects.requireNonNull(clock);
    Objects.requireNonNull(flood);
    Objects.requireNonNull(latency);
    if (!token.startsWith(botId + ":")) {
      throw new IllegalArgumentException("token must start with '<botId>:'");
    }
  }

  /** Bot 7000000001 @group_guard_bot, any port, system clock, flood model off, no latency. */
  public static SimulatorConfig defaults() {
    return new SimulatorConfig(
        7000000001L,
        "group_guard_bot",
        "Group Guard",
        "7000000001:AAH-simulated-token-0123456789abcdef",
        0,
        Clock.systemUTC(),
        FloodRules.off(),
        Latency.none(),
        true,
        Duration.ofSeconds(2),
        Duration.ofSeconds(60),
        Duration.ofSeconds(150),
        Duration.ofSeconds(60),
        Duration.ofSeconds(60));
  }

  public SimulatorConfig withClock(Clock c) {
    return new SimulatorConfig(
        botId,
        botUsername,
        botName,
        token,
        port,
        c,
        flood,
        latency,
        privacyMode,
        webhookRetryBase,
        webhookRetryCap,
        callbackUpdateTtl,
        callbackAnswerWindow,
        webhookTimeout);
  }

  public SimulatorConfig withFlood(FloodRules f) {
    return new SimulatorConfig(
        botId,
        botUsername,
        botName,
        token,
        port,
        clock,
        f,
        latency,
        privacyMode,
        webhookRetryBase,
        webhookRetryCap,
        callbackUpdateTtl,
        callbackAnswerWindow,
        webhookTimeout);
  }

  public SimulatorConfig withLatency(Latency l) {
    return new SimulatorConfig(
        botId,
        botUsername,
        botName,
        token,
        port,
        clock,
        flood,
        l,
        privacyMode,
        webhookRetryBase,
        webhookRetryCap,
        callbackUpdateTtl,
        callbackAnswerWindow,
        webhookTimeout);
  }

  public SimulatorConfig withPort(int p) {
    return new SimulatorConfig(
        botId,
        botUsername,
        botName,
        token,
        p,
        clock,
        flood,
        latency,
        privacyMode,
        webhookRetryBase,
        webhookRetryCap,
        callbackUpdateTtl,
        callbackAnswerWindow,
        webhookTimeout);
  }

  public SimulatorConfig withPrivacyMode(boolean on) {
    return new SimulatorConfig(
        botId,
        botUsername,
        botName,
        token,
        port,
        clock,
        flood,
        latency,
        on,
        webhookRetryBase,
        webhookRetryCap,
        callbackUpdateTtl,
        callbackAnswerWindow,
        webhookTimeout);
  }

  /** Webhook retry schedule: immediate, then base, 2×base, 4×base … up to cap. */
  public SimulatorConfig withWebhookRetry(Duration base, Duration cap) {
    return new SimulatorConfig(
        botId,
        botUsername,
        botName,
        token,
        port,
        clock,
        flood,
        latency,
        privacyMode,
        base,
        cap,
        callbackUpdateTtl,
        callbackAnswerWindow,
        webhookTimeout);
  }

  public SimulatorConfig withCallbackUpdateTtl(Duration ttl) {
    return new SimulatorConfig(
        botId,
        botUsername,
        botName,
        token,
        port,
        clock,
        flood,
        latency,
        privacyMode,
        webhookRetryBase,
        webhookRetryCap,
        ttl,
        callbackAnswerWindow,
        webhookTimeout);
  }

  public SimulatorConfig withCallbackAnswerWindow(Duration window) {
    return new SimulatorConfig(
        botId,
        botUsername,
        botName,
        token,
        port,
        clock,
        flood,
        latency,
        privacyMode,
        webhookRetryBase,
        webhookRetryCap,
        callbackUpdateTtl,
        window,
        webhookTimeout);
  }

  public SimulatorConfig withBot(long id, String username, String name, String tok) {
    return new SimulatorConfig(
        id,
        username,
        name,
        tok,
        port,
        clock,
        flood,
        latency,
        privacyMode,
        webhookRetryBase,
        webhookRetryCap,
        callbackUpdateTtl,
        callbackAnswerWindow,
        webhookTimeout);
  }
}
