package dev.gmbot.domain.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The simulated-clock comparison behind docs/performance.md (deterministic). */
class VerificationThroughputTest {
  private static final VerificationThroughput.Scenario MANY_GROUPS =
      new VerificationThroughput.Scenario(
          "100 groups", 100, false, 256, Duration.ofMillis(50), Duration.ofMinutes(5));
  private static final VerificationThroughput.Scenario SHARED_CHANNEL =
      new VerificationThroughput.Scenario(
          "100 groups, one channel", 100, true, 256, Duration.ofMillis(50), Duration.ofMinutes(5));

  @Test
  void thePrioritySchedulerMeetsTheThousandPerMinuteTarget() {
    // Messages are the only metered step: the global 25/s message budget is the ceiling.
    assertThat(VerificationThroughput.ourVerificationsPerMinute(MANY_GROUPS))
        .isBetween(1_000.0, 1_500.0);
    assertThat(VerificationThroughput.ourVerificationsPerMinute(SHARED_CHANNEL))
        .isBetween(1_000.0, 1_500.0);
  }

  @Test
  void aioRateLimiterRulesStayBelowIt() {
    // 30 calls/s on every method that names a chat, three calls per verification.
    assertThat(VerificationThroughput.aioVerificationsPerMinute(MANY_GROUPS))
        .isBetween(500.0, 600.0);
    // The shared channel's 20/min bucket throttles every getChatMember.
    assertThat(VerificationThroughput.aioVerificationsPerMinute(SHARED_CHANNEL))
        .isLessThanOrEqualTo(40.0);
  }
}
