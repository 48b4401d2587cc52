package dev.gmbot.domain.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.domain.scheduling.DirectScheduler;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.port.model.AdminRights;
import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.BotApiRejectedException;
import dev.gmbot.port.out.ChatAccessException;
import dev.gmbot.port.out.DailyStatistics;
import dev.gmbot.port.out.TransientBotApiException;
import dev.gmbot.testkit.fake.FakeTelegram;
import dev.gmbot.testkit.fake.InMemoryAdministratorCache;
import dev.gmbot.testkit.fake.InMemoryMembershipCache;
import dev.gmbot.testkit.fake.MutableClock;
import dev.gmbot.testkit.fake.RecordingMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class MembershipVerifierTest {
  private static final UserRef ALICE = GuardFixture.ALICE;
  private static final EnforcedChannel NEWS = GuardFixture.news();
  private static final EnforcedChannel EXTRA = GuardFixture.extra();

  private final MutableClock clock = MutableClock.atEpochOfTests();
  private final FakeTelegram telegram =
      FakeTelegram.withDefaultBot()
          .addChat(GuardFixture.CHANNEL)
          .addChat(GuardFixture.SECOND_CHANNEL);
  private final InMemoryMembershipCache cache = new InMemoryMembershipCache(clock);
  private final RecordingMetrics metrics = new RecordingMetrics();

  private MembershipVerifier verifier(RandomGenerator random) {
    return new MembershipVerifier(
        telegram,
        cache,
        new DirectScheduler(),
        metrics,
        clock,
        random,
        VerificationSettings.DEFAULTS,
        DailyStatistics.NONE);
  }

  private final MembershipVerifier verifier = verifier(new Random(7));

  private Verdict verify(List<EnforcedChannel> channels, Freshness freshness) {
    return verifier.verify(ALICE.id(), channels, freshness, Priority.P1_ENFORCEMENT);
  }

  @Test
  void countsRestrictedUserWhoIsStillAMemberAsSubscribed() {
    telegram.setMember(
        NEWS.id().chat(), new ChatMember(ALICE, MemberStatus.RESTRICTED, true, AdminRights.NONE));

    assertThat(verify(List.of(NEWS), Freshness.CACHED)).isInstanceOf(Verdict.Subscribed.class);
  }

  @Test
  void countsRestrictedUserWhoIsNoLongerAMemberAsNotSubscribed() {
    telegram.setMember(
        NEWS.id().chat(), new ChatMember(ALICE, MemberStatus.RESTRICTED, false, AdminRights.NONE));

    assertThat(verify(List.of(NEWS), Freshness.CACHED)).isInstanceOf(Verdict.NotSubscribed.class);
  }

  @Test
  void countsCreatorsAdministratorsAndMembersAsSubscribedAndLeftOrKickedAsNot() {
    for (MemberStatus status : MemberStatus.values()) {
      cache.clear();
      telegram.setStatus(NEWS.id().chat(), ALICE, status);
      boolean subscribed = verify(List.of(NEWS), Freshness.CACHED) instanceof Verdict.Subscribed;
      assertThat(subscribed)
          .as(status.toString())
          .isEqualTo(status.isAdmin() || status == MemberStatus.MEMBER);
    }
  }

  @Test
  void requiresEveryLinkedChannelAndNamesTheMissingOnes() {
    telegram.setStatus(NEWS.id().chat(), ALICE, MemberStatus.MEMBER);

    Verdict verdict = verify(List.of(NEWS, EXTRA), Freshness.CACHED);

    assertThat(verdict).isEqualTo(new Verdict.NotSubscribed(List.of(EXTRA)));
    assertThat(((Verdict.NotSubscribed) verdict).missingNames()).isEqualTo("@extra");
  }

  @Test
  void cachesPositiveAnswerForTenMinutesWithinFifteenPercent() {
    for (int seed = 0; seed < 50; seed++) {
      cache.clear();
      telegram.setStatus(NEWS.id().chat(), ALICE, MemberStatus.MEMBER);
      verifier(new Random(seed))
          .verify(ALICE.id(), List.of(NEWS), Freshness.CACHED, Priority.P1_ENFORCEMENT);
      Duration ttl = cache.entry(ALICE.id(), NEWS.id()).orElseThrow().ttl();
      assertThat(ttl).isBetween(Duration.ofSeconds(510), Duration.ofSeconds(690));
    }
  }

  @Test
  void cachesNegativeAnswerForOneMinuteWithinFifteenPercent() {
    for (int seed = 0; seed < 50; seed++) {
      cache.clear();
      verifier(new Random(seed))
          .verify(ALICE.id(), List.of(NEWS), Freshness.CACHED, Priority.P1_ENFORCEMENT);
      Duration ttl = cache.entry(ALICE.id(), NEWS.id()).orElseThrow().ttl();
      assertThat(ttl).isBetween(Duration.ofSeconds(51), Duration.ofSeconds(69));
    }
  }

  @Test
  void jitterReachesBothEndsOfTheRange() {
    RandomGenerator lowest = () -> 0L; // nextDouble() == 0.0
    RandomGenerator highest = () -> -1L; // nextDouble() just below 1.0

    assertThat(verifier(lowest).ttlFor(true)).isEqualTo(Duration.ofSeconds(510));
    assertThat(verifier(highest).ttlFor(true))
        .isBetween(Duration.ofSeconds(689), Duration.ofSeconds(690));
    assertThat(verifier(lowest).ttlFor(false)).isEqualTo(Duration.ofSeconds(51));
  }

  @Test
  void answersFromTheCacheWithoutAskingTelegramAgain() {
    telegram.setStatus(NEWS.id().chat(), ALICE, MemberStatus.MEMBER);
    verify(List.of(NEWS), Freshness.CACHED);
    telegram.setStatus(NEWS.id().chat(), ALICE, MemberStatus.LEFT);

    assertThat(verify(List.of(NEWS), Freshness.CACHED)).isInstanceOf(Verdict.Subscribed.class);
    assertThat(telegram.count("getChatMember")).isEqualTo(1);
    assertThat(metrics.count("cacheMiss")).isEqualTo(1);
    assertThat(metrics.count("cacheHit")).isEqualTo(1);
    assertThat(metrics.count("verification.VERIFIED")).isEqualTo(2);
    assertThat(metrics.count("verificationLatency")).isEqualTo(2);
  }

  @Test
  void asksAgainWhenTheCachedAnswerExpired() {
    verify(List.of(NEWS), Freshness.CACHED);
    telegram.setStatus(NEWS.id().chat(), ALICE, MemberStatus.MEMBER);
    clock.advance(Duration.ofSeconds(70));

    assertThat(verify(List.of(NEWS), Freshness.CACHED)).isInstanceOf(Verdict.Subscribed.class);
    assertThat(telegram.count("getChatMember")).isEqualTo(2);
  }

  @Test
  void verifyButtonSkipsTheNegativeCache() {
    verify(List.of(NEWS), Freshness.CACHED);
    telegram.setStatus(NEWS.id().chat(), ALICE, MemberStatus.MEMBER);

    assertThat(verify(List.of(NEWS), Freshness.CACHED)).isInstanceOf(Verdict.NotSubscribed.class);
    assertThat(verify(List.of(NEWS), Freshness.SKIP_NEGATIVE_CACHE))
        .isInstanceOf(Verdict.Subscribed.class);
    assertThat(cache.get(ALICE.id(), NEWS.id())).contains(true);
  }

  @Test
  void verifyButtonUsesThePositiveCache() {
    telegram.setStatus(NEWS.id().chat(), ALICE, MemberStatus.MEMBER);
    verify(List.of(NEWS), Freshness.CACHED);

    verify(List.of(NEWS), Freshness.SKIP_NEGATIVE_CACHE);

    assertThat(telegram.count("getChatMember")).isEqualTo(1);
  }

  @Test
  void channelUpdatesAreWrittenThroughToTheCache() {
    verifier.record(ALICE.id(), NEWS.id(), true);
    assertThat(verify(List.of(NEWS), Freshness.CACHED)).isInstanceOf(Verdict.Subscribed.class);

    verifier.record(ALICE.id(), NEWS.id(), false);
    assertThat(verify(List.of(NEWS), Freshness.CACHED)).isInstanceOf(Verdict.NotSubscribed.class);
    assertThat(cache.entry(ALICE.id(), NEWS.id()).orElseThrow().ttl())
        .isBetween(Duration.ofSeconds(51), Duration.ofSeconds(69));
    assertThat(telegram.count("getChatMember")).isZero();
  }

  @Test
  void concurrentChecksOfTheSameUserAndChannelShareOneCall() throws Exception {
    int threads = 16;
    telegram.setStatus(NEWS.id().chat(), ALICE, MemberStatus.MEMBER);
    CountDownLatch started = new CountDownLatch(threads);
    CountDownLatch release = new CountDownLatch(1);
    telegram.beforeEachCall(
        call -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Verdict>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  started.countDown();
                  return verify(List.of(NEWS), Freshness.CACHED);
                }));
      }
      started.await(10, TimeUnit.SECONDS);
      release.countDown();
      for (Future<Verdict> result : results) {
        assertThat(result.get(10, TimeUnit.SECONDS)).isInstanceOf(Verdict.Subscribed.class);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(telegram.count("getChatMember")).isEqualTo(1);
  }

  @Test
  void retriesTransientFailures() {
    telegram.setStatus(NEWS.id().chat(), ALICE, MemberStatus.MEMBER);
    telegram.failNext("getChatMember", timeout()).failNext("getChatMember", timeout());

    assertThat(verify(List.of(NEWS), Freshness.CACHED)).isInstanceOf(Verdict.Subscribed.class);
    assertThat(telegram.count("getChatMember")).isEqualTo(3);
  }

  @Test
  void transientFailureThatPersistsCannotBeCheckedNowAndIsNotCached() {
    telegram.failAlways("getChatMember", NEWS.id().chat(), timeout());

    Verdict verdict = verify(List.of(NEWS), Freshness.CACHED);

    assertThat(verdict).isInstanceOf(Verdict.CannotCheck.class);
    assertThat(((Verdict.CannotCheck) verdict).cause()).isEqualTo(Verdict.Cause.UNAVAILABLE);
    assertThat(telegram.count("getChatMember")).isEqualTo(3);
    assertThat(cache.get(ALICE.id(), NEWS.id())).isEmpty();
    assertThat(metrics.count("verification.ERROR")).isEqualTo(1);
  }

  @Test
  void inaccessibleMemberListCannotBeCheckedAndIsNeverNotSubscribed() {
    telegram.failAlways("getChatMember", NEWS.id().chat(), inaccessible(NEWS));

    Verdict verdict = verify(List.of(NEWS), Freshness.CACHED);

    assertThat(verdict).isInstanceOf(Verdict.CannotCheck.class);
    Verdict.CannotCheck cannot = (Verdict.CannotCheck) verdict;
    assertThat(cannot.cause()).isEqualTo(Verdict.Cause.NO_ACCESS);
    assertThat(cannot.channel()).isEqualTo(NEWS);
    assertThat(cannot.detail()).contains("MEMBER_LIST_INACCESSIBLE");
    assertThat(telegram.count("getChatMember")).isEqualTo(1);
    assertThat(cache.get(ALICE.id(), NEWS.id())).isEmpty();
  }

  @Test
  void anInvalidTokenPropagatesAsAnInfrastructureFailure() {
    telegram.failNext(
        "getChatMember",
        new BotApiRejectedException(
            "getChatMember", BotApiRejectedException.Reason.UNAUTHORIZED, 401, "Unauthorized"));

    assertThatThrownBy(() -> verify(List.of(NEWS), Freshness.CACHED))
        .isInstanceOf(BotApiRejectedException.class);
  }

  @Test
  void administratorListIsLoadedOnceAndServedFromTheCache() {
    telegram
        .addChat(GuardFixture.GROUP)
        .setStatus(GuardFixture.GROUP.id(), GuardFixture.OWNER, MemberStatus.CREATOR);
    AdministratorDirectory admins =
        new AdministratorDirectory(
            telegram,
            new InMemoryAdministratorCache(clock),
            new DirectScheduler(),
            VerificationSettings.DEFAULTS);
    GroupId group = GuardFixture.GROUP.groupId();

    for (int i = 0; i < 5; i++) {
      assertThat(admins.isAdministrator(group, GuardFixture.OWNER.id())).isTrue();
      assertThat(admins.isAdministrator(group, ALICE.id())).isFalse();
    }
    assertThat(telegram.count("getChatAdministrators")).isEqualTo(1);

    admins.invalidate(group);
    admins.isAdministrator(group, ALICE.id());
    clock.advance(Duration.ofMinutes(61));
    admins.isAdministrator(group, ALICE.id());
    assertThat(telegram.count("getChatAdministrators")).isEqualTo(3);
  }

  static TransientBotApiException timeout() {
    return new TransientBotApiException("getChatMember", "timeout", OptionalInt.empty(), null);
  }

  static ChatAccessException inaccessible(EnforcedChannel channel) {
    return new ChatAccessException(
        "getChatMember",
        channel.id().chat(),
        ChatAccessException.Problem.MEMBER_LIST_INACCESSIBLE,
        "Bad Request: member list is inaccessible");
  }
}
