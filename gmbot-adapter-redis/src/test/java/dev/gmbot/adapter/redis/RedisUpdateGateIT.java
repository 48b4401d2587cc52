package dev.gmbot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.UpdateGate.Admission;
import dev.gmbot.port.out.UpdateLog.Claim;
import dev.gmbot.testkit.fake.RecordingMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisUpdateGateIT extends UpdateGateBehaviour {
  private RedisConfig config;

  @Override
  SharedState open() {
    config = TestRedis.config();
    return SharedState.redis(config, clock, GuardMetrics.NONE, new RefusingRateLimitStore());
  }

  @Override
  void expire(Duration d) {
    clock.advance(d); // the in-process mirror of won claims
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  void stop() {
    super.stop();
    TestRedis.cleanUp(config);
  }

  @Test
  void twoInstancesClaimAnUpdateOnce() {
    try (SharedState other =
        SharedState.redis(config, clock, GuardMetrics.NONE, new RefusingRateLimitStore())) {
      assertThat(state.updateGate().admit(5, LEASE, GROUP, ALICE, List.of(NEWS)).claimed())
          .isTrue();
      assertThat(other.updateGate().admit(5, LEASE, GROUP, ALICE, List.of(NEWS)).claim())
          .isEqualTo(Claim.IN_PROGRESS);
      state.updateLog().complete(5, Duration.ofHours(25));
      // The marker is not waited for: the other connection sees it a moment later.
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> other.updateLog().begin(5, LEASE) == Claim.DONE);
    }
  }

  @Test
  void withRedisAwayTheClaimIsDecidedInProcessAndNothingIsCached() {
    RecordingMetrics metrics = new RecordingMetrics();
    RedisConfig away = config.withPort(1).withConnectTimeout(Duration.ofMillis(200));
    try (SharedState down = SharedState.redis(away, clock, metrics, new RefusingRateLimitStore())) {
      Admission first = down.updateGate().admit(8, LEASE, GROUP, ALICE, List.of(NEWS));
      assertThat(first).isEqualTo(new Admission(Claim.CLAIMED, Map.of(), Optional.empty()));
      assertThat(down.updateGate().admit(8, LEASE, GROUP, ALICE, List.of(NEWS)).claim())
          .isEqualTo(Claim.IN_PROGRESS);
      assertThat(metrics.count("fallback.update_log")).isPositive();
    }
  }
}
