package dev.gmbot.testkit.simulator;

import java.time.Duration;

/**
 * Telegram's flood model. "Messages" are calls of send*, edit*, copy* and forward* methods.
 *
 * @param enabled whether any limit is enforced
 * @param privateChatPerSecond messages per second into one private chat (token bucket rate)
 * @param privateChatBurst bucket size for a private chat (short bursts Telegram tolerates)
 * @param groupPerMinute messages per sliding minute into one group, supergroup or channel
 * @param botPerSecond messages per sliding second for the whole bot
 * @param punishEarlyRetries a request inside a running 429 window extends that window by {@code
 *     earlyRetryPenalty}
 * @param earlyRetryPenalty how much an early retry extends the window
 */
public record FloodRules(
    boolean enabled,
    int privateChatPerSecond,
    int privateChatBurst,
    int groupPerMinute,
    int botPerSecond,
    boolean punishEarlyRetries,
    Duration earlyRetryPenalty) {

  public FloodRules {
    if (privateChatPerSecond < 1
        || privateChatBurst < 1
        || groupPerMinute < 1
        || botPerSecond < 1) {
      throw new IllegalArgumentException("flood limits must be positive");
    }
  }

  /** Telegram's published limits: 1/s per chat, 20/min per group, 30/s per bot. */
  public static FloodRules telegram() {
    return new FloodRules(true, 1, 3, 20, 30, false, Duration.ofSeconds(5));
  }

  /** No flood control at all (the default, so functional tests are not throttled). */
  public static FloodRules off() {
    return new FloodRules(false, 1, 3, 20, 30, false, Duration.ofSeconds(5));
  }

  public FloodRules withPunishEarlyRetries(Duration penalty) {
    return new FloodRules(
        enabled,
        privateChatPerSecond,
        privateChatBurst,
        groupPerMinute,
        botPerSecond,
        true,
        penalty);
  }

  public FloodRules withGroupPerMinute(int perMinute) {
    return new FloodRules(
        enabled,
        privateChatPerSecond,
        privateChatBurst,
        perMinute,
        botPerSecond,
        punishEarlyRetries,
        earlyRetryPenalty);
  }

  public FloodRules withBotPerSecond(int perSecond) {
    return new FloodRules(
        enabled,
        privateChatPerSecond,
        privateChatBurst,
        groupPerMinute,
        perSecond,
        punishEarlyRetries,
        earlyRetryPenalty);
  }
}
