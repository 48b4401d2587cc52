package dev.gmbot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.PendingJoinRequest;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.PendingJoinRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PendingJoinRequests} must have (ADR 0023): one request per group and
 * user, a renewed request replacing the old one, the requests of a subscriber found across groups,
 * and expired requests claimed once per lease, by one claimant only, whoever asks.
 */
public abstract class PendingJoinRequestsContract {
  protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");
  private static final Duration LEASE = Duration.ofMinutes(2);

  protected PendingJoinRequests requests;

  /** A fresh, empty store of join requests. */
  protected abstract PendingJoinRequests newRequests();

  @BeforeEach
  final void openRequests() {
    requests = newRequests();
  }

  private static GroupId group(long n) {
    return GroupId.of(-1_001_000_000_000L - n);
  }

  private static UserId user(long n) {
    return UserId.of(n);
  }

  private static PendingJoinRequest request(long group, long user, long expiresAfterSeconds) {
    return new PendingJoinRequest(
        group(group),
        user(user),
        ChatId.of(user),
        Language.ofTag("ru").orElseThrow(),
        T0,
        T0.plusSeconds(expiresAfterSeconds));
  }

  @Test
  void aSavedRequestIsFoundAsItWasSaved() {
    PendingJoinRequest r = request(1, 10, 3600);

    requests.save(r);

    assertThat(requests.find(group(1), user(10))).contains(r);
    assertThat(requests.find(group(2), user(10))).isEmpty();
    assertThat(requests.find(group(1), user(11))).isEmpty();
    assertThat(requests.count()).isEqualTo(1);
  }

  @Test
  void aRenewedRequestReplacesTheOldOneAndItsLease() {
    requests.save(request(1, 10, 60));
    assertThat(requests.claimExpired(T0.plusSeconds(60), LEASE, 10)).hasSize(1);

    PendingJoinRequest renewed =
        new PendingJoinRequest(
            group(1),
            user(10),
            ChatId.of(10),
            Language.DEFAULT,
            T0.plusSeconds(100),
            T0.plusSeconds(200));
    requests.save(renewed);

    assertThat(requests.find(group(1), user(10))).contains(renewed);
    assertThat(requests.count()).isEqualTo(1);
    assertThat(requests.claimExpired(T0.plusSeconds(150), LEASE, 10))
        .as("the renewed request is not expired yet")
        .isEmpty();
    assertThat(requests.claimExpired(T0.plusSeconds(200), LEASE, 10))
        .as("the old lease went with the old request")
        .containsExactly(renewed);
  }

  @Test
  void removeForgetsOneRequestAndSaysWhetherThereWasOne() {
    requests.save(request(1, 10, 60));
    requests.save(request(2, 10, 60));

    assertThat(requests.remove(group(1), user(10))).isTrue();
    assertThat(requests.remove(group(1), user(10))).isFalse();

    assertThat(requests.find(group(1), user(10))).isEmpty();
    assertThat(requests.find(group(2), user(10))).isPresent();
    assertThat(requests.claimExpired(T0.plusSeconds(60), LEASE, 10))
        .extracting(PendingJoinRequest::group)
        .containsExactly(group(2));
  }

  @Test
  void theRequestsOfAUserAreFoundInTheGroupsAskedForOnly() {
    requests.save(request(1, 10, 60));
    requests.save(request(2, 10, 60));
    requests.save(request(3, 10, 60));
    requests.save(request(1, 11, 60));

    assertThat(requests.ofUser(user(10), List.of(group(1), group(3), group(9))))
        .extracting(PendingJoinRequest::group)
        .containsExactlyInAnyOrder(group(1), group(3));
    assertThat(requests.ofUser(user(11), List.of(group(2)))).isEmpty();
    assertThat(requests.ofUser(user(10), List.of())).isEmpty();
    assertThat(requests.ofUser(user(12), List.of(group(1)))).isEmpty();
  }

  @Test
  void onlyExpiredRequestsAreClaimedEarliestFirstUpToTheLimit() {
    requests.save(request(1, 10, 30));
    requests.save(request(1, 11, 10));
    requests.save(request(1, 12, 20));
    requests.save(request(1, 13, 3600));

    List<PendingJoinRequest> claimed = requests.claimExpired(T0.plusSeconds(30), LEASE, 2);

    assertThat(claimed).extracting(PendingJoinRequest::user).containsExactly(user(11), user(12));
    assertThat(requests.claimExpired(T0.plusSeconds(30), LEASE, 10))
        .extracting(PendingJoinRequest::user)
        .as("the first two are leased; the last is not expired")
        .containsExactly(user(10));
  }

  @Test
  void aClaimedRequestIsLeasedUntilTheLeaseRunsOut() {
    requests.save(request(1, 10, 0));
    Instant now = T0.plusSeconds(1);

    assertThat(requests.claimExpired(now, LEASE, 10)).hasSize(1);
    assertThat(requests.claimExpired(now.plusSeconds(60), LEASE, 10)).isEmpty();
    assertThat(requests.claimExpired(now.plus(LEASE), LEASE, 10))
        .as("a claimant that died leaves it to the next one")
        .hasSize(1);
    assertThat(requests.find(group(1), user(10))).isPresent();
  }

  @Test
  void racingClaimantsNeverClaimOneRequestTwice() throws Exception {
    int n = 40;
    for (int i = 0; i < n; i++) {
      requests.save(request(1 + i % 4, 100 + i, i));
    }
    Instant now = T0.plusSeconds(n);
    ConcurrentLinkedQueue<PendingJoinRequest> claimed = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 5; round++) {
                    claimed.addAll(requests.claimExpired(now, LEASE, 7));
                  }
                }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdownNow();
    }
    claimed.addAll(requests.claimExpired(now, LEASE, n)); // what the race left

    assertThat(claimed).hasSize(n).doesNotHaveDuplicates();
    assertThat(Set.copyOf(claimed)).hasSize(n);
  }
}
