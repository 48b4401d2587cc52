package dev.gmbot.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateTest {
  @Test
  void emissionIntervalIsThePeriodSharedByThePermits() {
    assertThat(Rate.perSecond(25).emissionInterval()).isEqualTo(Duration.ofMillis(40));
    assertThat(Rate.perMinute(20).emissionInterval()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void burstStaysBetweenOneAndThePermits() {
    assertThatThrownBy(() -> new Rate(20, Duration.ofMinutes(1), 21))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Rate(20, Duration.ofMinutes(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Rate(0, Duration.ofMinutes(1), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void failuresNameTheMethodButNeverAUrl() {
    var flood =
        new FloodWaitException("sendMessage", java.util.Optional.empty(), Duration.ofSeconds(14));

    assertThat(flood.getMessage()).startsWith("sendMessage: ").contains("14 s");
    assertThat(flood.isRetryable()).isTrue();
    assertThat(
            new BotApiRejectedException(
                    "getChatMember",
                    BotApiRejectedException.Reason.MEMBER_NOT_FOUND,
                    400,
                    "Bad Request: member not found")
                .isRetryable())
        .isFalse();
  }
}
