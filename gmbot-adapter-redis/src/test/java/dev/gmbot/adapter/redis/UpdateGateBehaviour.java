package dev.gmbot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.UpdateGate;
import dev.gmbot.port.out.UpdateGate.Admission;
import dev.gmbot.port.out.UpdateLog.Claim;
import dev.gmbot.testkit.fake.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link UpdateGate#admit} answers, the same whether the state is in process or on Redis: it
 * reads what the membership and administrator caches wrote and claims like the update log.
 */
abstract class UpdateGateBehaviour {
  static final Duration LEASE = Duration.ofMinutes(15);
  static final GroupId GROUP = GroupId.of(-100555);
  static final UserId ALICE = UserId.of(11);
  static final UserId ADMIN = UserId.of(12);
  static final ChannelId NEWS = ChannelId.of(-1001);
  static final ChannelId TALK = ChannelId.of(-1002);
  static final ChannelId OTHER = ChannelId.of(-1003);

  final MutableClock clock = MutableClock.atEpochOfTests();
  SharedState state;

  abstract SharedState open();

  @BeforeEach
  void start() {
    state = open();
  }

  @AfterEach
  void stop() {
    state.close();
  }

  private UpdateGate gate() {
    return state.updateGate();
  }

  @Test
  void aClaimedUpdateCarriesTheCachedAnswers() {
    state.membershipCache().put(ALICE, NEWS, true, Duration.ofMinutes(10));
    state.membershipCache().put(ALICE, TALK, false, Duration.ofMinutes(10));
    state.administratorCache().put(GROUP, Set.of(ADMIN, UserId.of(110)), Duration.ofHours(1));

    Admission a = gate().admit(1, LEASE, GROUP, ALICE, List.of(NEWS, TALK, OTHER));

    assertThat(a.claim()).isEqualTo(Claim.CLAIMED);
    assertThat(a.memberships()).isEqualTo(Map.of(NEWS, true, TALK, false));
    assertThat(a.administrator()).as("11 is not 110").contains(false);
    assertThat(gate().admit(2, LEASE, GROUP, ADMIN, List.of()).administrator()).contains(true);
  }

  @Test
  void withoutACachedAdministratorListTheCallerIsToLoadIt() {
    assertThat(gate().admit(1, LEASE, GROUP, ALICE, List.of(NEWS)).administrator()).isEmpty();

    state.administratorCache().put(GROUP, Set.of(), Duration.ofHours(1));

    assertThat(gate().admit(2, LEASE, GROUP, ALICE, List.of(NEWS)).administrator()).contains(false);
  }

  @Test
  void anUpdateClaimedOnceIsInProgressThenDoneAndReadsNothingMore() {
    state.membershipCache().put(ALICE, NEWS, true, Duration.ofMinutes(10));
    assertThat(gate().admit(7, LEASE, GROUP, ALICE, List.of(NEWS)).claimed()).isTrue();

    Admission again = gate().admit(7, LEASE, GROUP, ALICE, List.of(NEWS));
    assertThat(again).isEqualTo(Admission.notClaimed(Claim.IN_PROGRESS));
    assertThat(state.updateLog().begin(7, LEASE)).isEqualTo(Claim.IN_PROGRESS);

    state.updateLog().complete(7, Duration.ofHours(25));

    assertThat(gate().admit(7, LEASE, GROUP, ALICE, List.of(NEWS)))
        .isEqualTo(new Admission(Claim.DONE, Map.of(), Optional.empty()));
  }

  @Test
  void aReleasedUpdateCanBeClaimedAgain() {
    assertThat(gate().admit(9, LEASE, GROUP, ALICE, List.of()).claimed()).isTrue();

    state.updateLog().release(9);

    assertThat(gate().admit(9, LEASE, GROUP, ALICE, List.of()).claimed()).isTrue();
  }

  @Test
  void theLeaseRunsOut() {
    gate().admit(3, Duration.ofMillis(200), GROUP, ALICE, List.of());

    expire(Duration.ofMillis(250));

    assertThat(gate().admit(3, LEASE, GROUP, ALICE, List.of()).claimed()).isTrue();
  }

  /** Lets time pass for TTLs (the in-process clock, or real time on Redis). */
  abstract void expire(Duration d);
}
