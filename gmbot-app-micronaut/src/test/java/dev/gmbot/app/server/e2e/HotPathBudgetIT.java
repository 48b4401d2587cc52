package dev.gmbot.app.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmbot.adapter.postgres.CachingGroupRepository;
import dev.gmbot.adapter.postgres.Database;
import dev.gmbot.adapter.postgres.HotPathRepositories;
import dev.gmbot.adapter.postgres.PersistenceConfig;
import dev.gmbot.adapter.postgres.WriteBehindMemberRepository;
import dev.gmbot.adapter.redis.RedisConfig;
import dev.gmbot.adapter.redis.SharedState;
import dev.gmbot.domain.Guard;
import dev.gmbot.domain.GuardAssembly;
import dev.gmbot.domain.GuardSettings;
import dev.gmbot.domain.scheduling.LocalRateLimitStore;
import dev.gmbot.port.in.HandlingResult;
import dev.gmbot.port.in.MessagePosted;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupMember;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.RestrictionState;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.StatsChart;
import dev.gmbot.port.out.UpdateGate;
import dev.gmbot.port.out.UpdateLog;
import dev.gmbot.testkit.fake.FakeTelegram;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hot-path building blocks on PostgreSQL and Redis, as two instances of the bot would use them:
 * the statements and Redis commands one message from a known, verified user costs (0 statements; at
 * most one script, whose answer is waited for, and none while the sender is known to be cleared;
 * the completion markers go in batches nobody waits for, at most one command per update), and a
 * group change, a restriction or a membership answer written on one instance seen by the other
 * through the change notices.
 */
class HotPathBudgetIT {
  private static final GroupId GROUP = GroupId.of(-1001000000321L);
  private static final List<EnforcedChannel> CHANNELS =
      List.of(
          new EnforcedChannel(
              ChannelId.of(-1002000000321L), "News", Optional.of("n"), Optional.empty()),
          new EnforcedChannel(
              ChannelId.of(-1002000000322L), "Talk", Optional.of("t"), Optional.empty()));
  private static final Owner OWNER = new Owner(UserId.of(1), Optional.of("owner"), true);
  private static final int UPDATES = 2_000;

  private final Clock clock = Clock.systemUTC();
  private final LongAdder commandsA = new LongAdder();
  private final LongAdder markerBatchesA = new LongAdder();
  private String databaseUrl;
  private String prefix;
  private Instance a;
  private Instance b;

  /** What one bot instance holds: its pool, its Redis connection, its caches. */
  private record Instance(
      Database db,
      SharedState state,
      CachingGroupRepository groups,
      WriteBehindMemberRepository members)
      implements AutoCloseable {
    @Override
    public void close() {
      members.close();
      state.close();
      db.close();
    }
  }

  private Instance open(LongAdder commands, LongAdder markerBatches) {
    Database db =
        Database.connect(
            PersistenceConfig.parse(databaseUrl)
                .withCredentials(TestServices.PG_USER, Optional.empty()));
    db.migrate();
    RedisConfig redis =
        RedisConfig.parse(TestServices.requireRedis())
            .withKeyPrefix(prefix)
            .withConnectTimeout(Duration.ofSeconds(5))
            .withCommandTimeout(Duration.ofSeconds(2));
    SharedState state =
        SharedState.redisCounting(
            redis, clock, GuardMetrics.NONE, new LocalRateLimitStore(), commands, markerBatches);
    return new Instance(
        db,
        state,
        db.cachedGroups(state.changeNotices(), clock),
        // Flushed by the test (the periodic flush would add one statement per interval).
        db.writeBehindMembers(state.changeNotices(), clock, Duration.ofHours(1)));
  }

  @BeforeEach
  void start() {
    databaseUrl = TestServices.freshPostgresDatabase();
    prefix = "gmbot-it:" + UUID.randomUUID() + ":";
    a = open(commandsA, markerBatchesA);
    b = open(new LongAdder(), new LongAdder());
  }

  @AfterEach
  void stop() {
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
    TestServices.deleteRedisKeys(prefix);
    TestServices.dropPostgresDatabase(databaseUrl);
  }

  /** Waits until the instance serves the group from its cache (its notices are live). */
  private static void servingFromCache(Instance instance) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              instance.groups().find(GROUP);
              long before = instance.db().statements();
              instance.groups().find(GROUP);
              return instance.db().statements() == before;
            });
  }

  @Test
  void aVerifiedUsersMessageCostsNoStatementAndOneRoundTrip() {
    a.groups().protect(GROUP, "Group", OWNER, CHANNELS, clock.instant());
    List<ChannelId> channels = CHANNELS.stream().map(EnforcedChannel::id).toList();
    UserId user = UserId.of(4242);
    for (ChannelId c : channels) {
      a.state().membershipCache().put(user, c, true, Duration.ofMinutes(10));
    }
    a.state().administratorCache().put(GROUP, Set.of(OWNER.id()), Duration.ofHours(1));
    a.members().recordActivity(GROUP, user, clock.instant()); // a known member
    a.members().flush();
    servingFromCache(a);
    a.members().find(GROUP, user);
    a.state().updateGate().admit(1, Duration.ofMinutes(15), GROUP, user, channels); // loads script
    long statements = a.db().statements();
    long commands = commandsA.sum();
    long batches = markerBatchesA.sum();

    long started = System.nanoTime();
    for (int i = 0; i < UPDATES; i++) {
      long updateId = 10_000L + i;
      ProtectedGroup g = a.groups().find(GROUP).orElseThrow();
      UpdateGate.Admission admission =
          a.state().updateGate().admit(updateId, Duration.ofMinutes(15), GROUP, user, channels);
      assertThat(admission.claim()).isEqualTo(UpdateLog.Claim.CLAIMED);
      assertThat(admission.memberships()).hasSize(g.channels().size()).doesNotContainValue(false);
      assertThat(admission.administrator()).contains(false);
      assertThat(a.members().find(GROUP, user)).map(GroupMember::isRestricted).contains(false);
      a.members().recordActivity(GROUP, user, clock.instant());
      a.state().updateLog().complete(updateId, Duration.ofHours(25));
    }
    long elapsed = System.nanoTime() - started;

    assertThat(a.db().statements() - statements).as("statements").isZero();
    assertThat(commandsA.sum() - commands)
        .as("Redis commands: the script, once per second of messages from the same sender")
        .isBetween(0L, 1 + elapsed / 1_000_000_000L);
    assertThat(commandsA.sum() - commands)
        .as("never more than one per message")
        .isLessThan(UPDATES);
    // Another instance writes one of the user's answers: its notice makes the next message here
    // ask Redis again, exactly one script.
    b.state().membershipCache().put(user, channels.get(0), true, Duration.ofMinutes(10));
    long[] probeId = {UPDATES + 20_000L};
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              long before = commandsA.sum();
              assertThat(
                      a.state()
                          .updateGate()
                          .admit(probeId[0]++, Duration.ofMinutes(15), GROUP, user, channels)
                          .memberships())
                  .doesNotContainValue(false);
              long scripts = commandsA.sum() - before;
              assertThat(scripts).as("at most one script per message").isBetween(0L, 1L);
              return scripts == 1;
            });
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(markerBatchesA.sum() - batches)
                    .as("batches of completion markers, nobody waits for them")
                    .isBetween(1L, (long) UPDATES));
    assertThat(a.members().flush()).isEqualTo(1);
    System.err.printf(
        "HOT PATH | %d updates | 0 statements, at most 1 waited round trip each | %.1f us per"
            + " update%n",
        UPDATES, elapsed / 1000.0 / UPDATES);
  }

  /**
   * The same budget through the guard itself, assembled as the server assembles it: a message from
   * a known, verified user is claimed, checked and completed with no statement, one script whose
   * answer is waited for, and the batched completion markers; no Bot API call.
   */
  @Test
  void theGuardHandlesAVerifiedUsersMessageWithNoStatementAndOneRoundTrip() {
    FakeTelegram telegram = FakeTelegram.withDefaultBot();
    try (HotPathRepositories repositories =
        a.db().hotPath(a.state().changeNotices(), clock, Duration.ofHours(1))) {
      Guard guard =
          GuardAssembly.guard(
              telegram,
              repositories,
              a.state(),
              GuardAssembly.scheduler(GuardSettings.DEFAULTS, a.state(), GuardMetrics.NONE, clock),
              GuardMetrics.NONE,
              clock,
              GuardSettings.DEFAULTS,
              StatsChart.NONE);
      repositories.groups().protect(GROUP, "Group", OWNER, CHANNELS, clock.instant());
      UserRef user = UserRef.of(4343, "Verified");
      for (EnforcedChannel c : CHANNELS) {
        a.state().membershipCache().put(user.id(), c.id(), true, Duration.ofMinutes(10));
      }
      a.state().administratorCache().put(GROUP, Set.of(OWNER.id()), Duration.ofHours(1));
      ChatRef chat = ChatRef.group(GROUP.value(), "Group");
      // The first message makes the user a known member and loads the caches and the script.
      guard.handle(message(20_000, chat, user));
      repositories.writeBehindMembers().flush();
      await().atMost(Duration.ofSeconds(10)).until(() -> noStatementFor(guard, chat, user));
      telegram.clearCalls();
      long statements = a.db().statements();
      long commands = commandsA.sum();
      long batches = markerBatchesA.sum();

      long started = System.nanoTime();
      for (int i = 0; i < UPDATES; i++) {
        HandlingResult result = guard.handle(message(30_000 + i, chat, user));
        assertThat(result.duplicate()).isFalse();
      }
      long elapsed = System.nanoTime() - started;

      assertThat(a.db().statements() - statements).as("statements").isZero();
      assertThat(commandsA.sum() - commands)
          .as("Redis commands: the gate's script, once per second of the same sender's messages")
          .isBetween(0L, 1 + elapsed / 1_000_000_000L);
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(markerBatchesA.sum() - batches)
                      .as("batches of completion markers, nobody waits for them")
                      .isBetween(1L, (long) UPDATES));
      assertThat(telegram.calls()).as("Bot API calls").isEmpty();
      assertThat(guard.handle(message(30_000, chat, user)).duplicate())
          .as("a redelivered update")
          .isTrue();
      System.err.printf(
          "HOT PATH | guard | %d messages | 0 statements, %d waited round trips%n",
          UPDATES, commandsA.sum() - commands);
    }
  }

  private int probe = 40_000;

  /**
   * One message through the guard ran no statement (its caches are warm and their notices live).
   */
  private boolean noStatementFor(Guard guard, ChatRef chat, UserRef user) {
    long before = a.db().statements();
    guard.handle(message(probe++, chat, user));
    return a.db().statements() == before;
  }

  private MessagePosted message(long updateId, ChatRef chat, UserRef user) {
    return new MessagePosted(
        updateId, clock.instant(), chat, MessageId.of(updateId), new Sender.User(user), false);
  }

  @Test
  void aChangeOnOneInstanceIsInForceOnTheOtherAtOnce() {
    a.groups().protect(GROUP, "Group", OWNER, CHANNELS, clock.instant());
    servingFromCache(b);
    assertThat(b.groups().find(GROUP).orElseThrow().settings().deleteMessages()).isTrue();

    GroupSettings keep =
        new GroupSettings(
            Optional.empty(),
            GroupSettings.DEFAULTS.verifyButtonText(),
            GroupSettings.DEFAULTS.joinButtonText(),
            GroupSettings.DEFAULTS.promptLifetime(),
            false);
    Instant changed = Instant.now();
    a.groups().updateSettings(GROUP, keep, clock.instant());
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(1))
        .until(() -> !b.groups().find(GROUP).orElseThrow().settings().deleteMessages());
    long delay = Duration.between(changed, Instant.now()).toMillis();

    UserId user = UserId.of(77);
    a.members().recordActivity(GROUP, user, clock.instant());
    a.members().flush();
    assertThat(b.members().find(GROUP, user)).map(GroupMember::isRestricted).contains(false);
    a.members().setRestriction(GROUP, user, RestrictionState.RESTRICTED, clock.instant());
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(1))
        .until(() -> b.members().find(GROUP, user).map(GroupMember::isRestricted).orElse(false));
    System.err.printf("HOT PATH | settings change seen by the other instance after %d ms%n", delay);
  }
}
