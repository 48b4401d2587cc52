package dev.gmbot.app.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.adapter.telegram.webhook.UpdateOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RejectedRequestsTest {
  private final RejectedRequests rejected = new RejectedRequests(Duration.ofMinutes(1));

  @Test
  void theFirstOfEachReasonIsLoggedAndTheRestAreCountedPerReason() {
    assertThat(rejected.admit(UpdateOutcome.Kind.UNAUTHORIZED)).isTrue();
    int admitted = 0;
    for (int i = 0; i < 1_599; i++) {
      admitted += rejected.admit(UpdateOutcome.Kind.UNAUTHORIZED) ? 1 : 0;
    }
    assertThat(rejected.admit(UpdateOutcome.Kind.MALFORMED)).isTrue();
    rejected.admit(UpdateOutcome.Kind.MALFORMED);
    rejected.admit(UpdateOutcome.Kind.MALFORMED);

    assertThat(admitted).isZero();
    assertThat(rejected.flush())
        .contains(
            "webhook requests rejected in the last 60 s and not logged one by one:"
                + " malformed=2 unauthorized=1599");
  }

  @Test
  void aNewWindowLogsTheFirstAgainAndAQuietWindowWritesNothing() {
    rejected.admit(UpdateOutcome.Kind.TOO_LARGE);
    assertThat(rejected.flush()).as("nothing beyond the first").isEmpty();

    assertThat(rejected.admit(UpdateOutcome.Kind.TOO_LARGE)).isTrue();
    assertThat(rejected.flush()).isEmpty();
  }
}
