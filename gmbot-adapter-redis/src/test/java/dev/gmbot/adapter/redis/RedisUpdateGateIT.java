package dev.gmbot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.NonBlocking;
import dev.gmbot.port.out.UpdateGate.Admission;
import dev.gmbot.port.out.UpdateLog.Claim;
import dev.gmbot.port.out.WouldBlockException;
import dev.gmbot.testkit.fake.RecordingMetrics;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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

  @Test
  void aSenderClearedAMomentAgoIsAdmittedInProcessUntilSomethingChanges() {
    aliceSubscribedAndTheAdministratorsKnown();
    assertThat(state.updateGate().admit(20, LEASE, GROUP, ALICE, List.of(NEWS)).memberships())
        .containsEntry(NEWS, true);
    // Deleted behind the gate's back: a moment later the gate still admits on what it read.
    redis(c -> c.del(config.keyPrefix() + "verify:" + ALICE.value() + ":" + NEWS.value()));
    Admission served = state.updateGate().admit(21, LEASE, GROUP, ALICE, List.of(NEWS));
    assertThat(served.claimed()).isTrue();
    assertThat(served.memberships()).containsEntry(NEWS, true);
    assertThat(served.administrator()).contains(false);
    assertThat(state.updateGate().admit(21, LEASE, GROUP, ALICE, List.of(NEWS)).claim())
        .as("the same update again")
        .isEqualTo(Claim.IN_PROGRESS);

    // A change written on this instance is in force at once.
    state.membershipCache().put(ALICE, NEWS, false, Duration.ofMinutes(10));
    assertThat(state.updateGate().admit(22, LEASE, GROUP, ALICE, List.of(NEWS)).memberships())
        .containsEntry(NEWS, false);
  }

  @Test
  void insideANonBlockingAttemptTheScriptIsSentAndTheResumingAttemptReadsItsReply()
      throws Exception {
    aliceSubscribedAndTheAdministratorsKnown();
    Object carry = sentAndAnswered(30);
    assertThat(redisValue(config.keyPrefix() + "update:30"))
        .as("claimed by the script")
        .isEqualTo("p");

    try (NonBlocking.Attempt resumed = NonBlocking.attempt(carry)) {
      Admission admission = state.updateGate().admit(30, LEASE, GROUP, ALICE, List.of(NEWS));

      assertThat(resumed.tripped()).isFalse();
      assertThat(admission.claimed()).isTrue();
      assertThat(admission.memberships()).containsEntry(NEWS, true);
      assertThat(admission.administrator()).contains(false);
    }
    assertThat(state.updateGate().admit(30, LEASE, GROUP, ALICE, List.of(NEWS)).claim())
        .as("claimed once: held by the resumed attempt")
        .isEqualTo(Claim.IN_PROGRESS);
  }

  @Test
  void aClaimReleasedAfterTheResumedAttemptTrippedIsFreeForTheHandlerThatMayWait()
      throws Exception {
    Object carry = sentAndAnswered(33);
    try (NonBlocking.Attempt resumed = NonBlocking.attempt(carry)) {
      assertThat(state.updateGate().admit(33, LEASE, GROUP, ALICE, List.of(NEWS)).claimed())
          .isTrue();
      // Deciding needs Telegram: the attempt trips, and the guard releases the claim.
      assertThatThrownBy(() -> NonBlocking.check("the Bot API"))
          .isInstanceOf(WouldBlockException.class);
      NonBlocking.lift();
      state.updateLog().release(33); // sent, not waited for
    }

    assertThat(state.updateGate().admit(33, LEASE, GROUP, ALICE, List.of(NEWS)).claim())
        .as("the release went first on the same connection")
        .isEqualTo(Claim.CLAIMED);
  }

  @Test
  void aReplyLeftForAnotherUpdateIsNotTaken() throws Exception {
    Object carry = sentAndAnswered(34);
    try (NonBlocking.Attempt other = NonBlocking.attempt(carry)) {
      assertThatThrownBy(() -> state.updateGate().admit(35, LEASE, GROUP, ALICE, List.of(NEWS)))
          .isInstanceOf(WouldBlockException.class);
      assertThat(other.ready()).as("its own script, sent now").isNotNull();
    }
  }

  @Test
  void aSenderClearedAMomentAgoIsAdmittedInsideANonBlockingAttempt() {
    aliceSubscribedAndTheAdministratorsKnown();
    assertThat(state.updateGate().admit(31, LEASE, GROUP, ALICE, List.of(NEWS)).claimed()).isTrue();

    try (NonBlocking.Attempt attempt = NonBlocking.attempt()) {
      Admission served = state.updateGate().admit(32, LEASE, GROUP, ALICE, List.of(NEWS));
      state.updateLog().complete(32, Duration.ofHours(25)); // the marker goes out in a batch

      assertThat(attempt.tripped()).isFalse();
      assertThat(served.claimed()).isTrue();
      assertThat(served.memberships()).containsEntry(NEWS, true);
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> redisValue(config.keyPrefix() + "update:32") != null);
  }

  @Test
  void aChangeMadeOnAnotherInstanceIsInForceWithinTheWindow() {
    try (SharedState other =
        SharedState.redis(config, clock, GuardMetrics.NONE, new RefusingRateLimitStore())) {
      aliceSubscribedAndTheAdministratorsKnown();
      assertThat(state.updateGate().admit(30, LEASE, GROUP, ALICE, List.of(NEWS)).memberships())
          .containsEntry(NEWS, true);

      other.membershipCache().put(ALICE, NEWS, false, Duration.ofMinutes(10)); // a channel leave
      other.administratorCache().put(GROUP, Set.of(ADMIN, ALICE), Duration.ofHours(1));
      clock.advance(SharedState.CLEARED_SENDERS_WINDOW);

      Admission next = state.updateGate().admit(31, LEASE, GROUP, ALICE, List.of(NEWS));
      assertThat(next.memberships()).containsEntry(NEWS, false);
      assertThat(next.administrator()).contains(true);
    }
  }

  @Test
  void anAdministratorListWrittenHereIsInForceAtOnce() {
    aliceSubscribedAndTheAdministratorsKnown();
    assertThat(state.updateGate().admit(40, LEASE, GROUP, ALICE, List.of(NEWS)).administrator())
        .contains(false);

    state.administratorCache().put(GROUP, Set.of(ADMIN, ALICE), Duration.ofHours(1));

    assertThat(state.updateGate().admit(41, LEASE, GROUP, ALICE, List.of(NEWS)).administrator())
        .contains(true);
  }

  /** A first attempt at the update: the gate sends its script and trips; its reply is in. */
  private Object sentAndAnswered(long updateId) throws Exception {
    try (NonBlocking.Attempt attempt = NonBlocking.attempt()) {
      assertThatThrownBy(
              () -> state.updateGate().admit(updateId, LEASE, GROUP, ALICE, List.of(NEWS)))
          .isInstanceOf(WouldBlockException.class);
      assertThat(attempt.tripped()).isTrue();
      assertThat(attempt.ready()).as("the script's reply, to come").isNotNull();
      attempt.ready().toCompletableFuture().get(5, TimeUnit.SECONDS);
      return attempt.carry();
    }
  }

  private void redis(Consumer<RedisCommands<String, String>> call) {
    RedisClient client = TestRedis.client(config);
    try (StatefulRedisConnection<String, String> c = TestRedis.inspect(client)) {
      call.accept(c.sync());
    } finally {
      client.shutdown();
    }
  }

  private String redisValue(String key) {
    String[] value = new String[1];
    redis(c -> value[0] = c.get(key));
    return value[0];
  }

  /** Alice subscribed to the channel and the group's administrators (not Alice) cached. */
  private void aliceSubscribedAndTheAdministratorsKnown() {
    state.membershipCache().put(ALICE, NEWS, true, Duration.ofMinutes(10));
    state.administratorCache().put(GROUP, Set.of(ADMIN), Duration.ofHours(1));
  }
}
