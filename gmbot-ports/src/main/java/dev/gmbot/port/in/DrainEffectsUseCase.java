package dev.gmbot.port.in;

import java.time.Duration;

/**
 * Carries out effects that had to wait for Telegram's limits and were recorded in the effect outbox
 * (ADR 0014). The server calls it from a few worker threads; the Lambda function from its scheduled
 * handler and briefly after each update.
 */
public interface DrainEffectsUseCase {
  /**
   * Claims due effects for {@code holder} (a name unique to this instance or container) in rounds
   * of up to {@code maxPerRound}, until none is due or {@code budget} is spent.
   *
   * @return how many effects were carried out to the end
   */
  int drainEffects(String holder, int maxPerRound, Duration budget);
}
