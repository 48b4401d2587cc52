package dev.gmbot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.Meter;
import dev.gmbot.port.out.Rate;
import dev.gmbot.port.out.UpdateGate;
import dev.gmbot.port.out.UpdateLog;
import dev.gmbot.testkit.fake.MutableClock;
import io.lettuce.core.RedisClient;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Counts the Redis commands of the hot path: a message from an already-verified user in a group
 * with two linked channels (through the separate ports, and through the {@link UpdateGate}: one
 * script; and with the sender cleared a moment ago: none), and one rate-limited message call.
 * Completion markers are queued and written in batches (one script call for all markers of a few
 * milliseconds), so they cost no round trip on the critical path and at most one command per
 * update. The counts are asserted; the timings are only printed (see docs/performance.md).
 */
class HotPathRoundTripsIT {
  private static final int UPDATES = 2_000;
  private static final String MARKERS = "EVALSHA (completion markers)";
  private static final UserId USER = UserId.of(77);
  private static final GroupId GROUP = GroupId.of(-100777);
  private static final List<ChannelId> CHANNELS = List.of(ChannelId.of(-1001), ChannelId.of(-1002));

  private final MutableClock clock = MutableClock.atEpochOfTests();
  private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();
  private RedisConfig config;
  private SharedState state;

  @BeforeEach
  void open() {
    config = TestRedis.config();
    CommandListener counter =
        new CommandListener() {
          @Override
          public void commandStarted(CommandStartedEvent event) {
            String type = event.getCommand().getType().toString();
            if (type.equals("EVALSHA")
                && event
                    .getCommand()
                    .getArgs()
                    .toCommandString()
                    .startsWith(CompletionMarkers.SCRIPT.sha())) {
              type = MARKERS;
            }
            commands.computeIfAbsent(type, k -> new LongAdder()).increment();
          }
        };
    state =
        SharedState.redis(
            config, clock, GuardMetrics.NONE, new RefusingRateLimitStore(), List.of(counter));
    for (ChannelId c : CHANNELS) {
      state.membershipCache().put(USER, c, true, Duration.ofMinutes(10));
    }
    state.administratorCache().put(GROUP, Set.of(UserId.of(1)), Duration.ofMinutes(10));
    // Loads the scripts once (EVALSHA after NOSCRIPT falls back to EVAL), before counting; the
    // completion markers' script may be new to this Redis too.
    state
        .rateLimitStore()
        .tryAcquire(List.of(new Meter("warm", Rate.perSecond(1))), clock.instant());
    RedisClient client = TestRedis.client(config);
    try (var connection = client.connect()) {
      connection.sync().scriptLoad(CompletionMarkers.SCRIPT.source());
    } finally {
      client.shutdown();
    }
    commands.clear();
  }

  @AfterEach
  void close() {
    if (state != null) {
      state.close();
      TestRedis.cleanUp(config);
    }
  }

  private Map<String, Long> counted() {
    Map<String, Long> out = new TreeMap<>();
    commands.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  @Test
  void throughTheSeparatePortsAMessageFromAVerifiedUserTakesFourCommands() {
    long started = System.nanoTime();
    for (int i = 0; i < UPDATES; i++) {
      long updateId = 900_000L + i;
      assertThat(state.updateLog().begin(updateId, Duration.ofMinutes(15)))
          .isEqualTo(UpdateLog.Claim.CLAIMED);
      assertThat(state.administratorCache().get(GROUP)).isPresent();
      assertThat(state.membershipCache().getAll(USER, CHANNELS)).hasSize(2);
      state.updateLog().complete(updateId, Duration.ofHours(25));
    }
    long elapsed = System.nanoTime() - started;
    flushMarkers();

    Map<String, Long> counted = counted();
    assertThat(counted.remove(MARKERS)).isBetween(1L, (long) UPDATES);
    assertThat(counted)
        .isEqualTo(Map.of("SET", (long) UPDATES, "GET", (long) UPDATES, "MGET", (long) UPDATES));
    assertEveryUpdateMarkedDone(900_000L);
    report(
        "verified-user message, separate ports (begin + admins + getAll; complete not waited for)",
        3,
        elapsed);
  }

  @Test
  void throughTheGateAMessageFromAVerifiedUserTakesOneRoundTrip() {
    state.updateGate().admit(1, Duration.ofMinutes(15), GROUP, USER, CHANNELS); // loads the script
    commands.clear();
    long started = System.nanoTime();
    for (int i = 0; i < UPDATES; i++) {
      long updateId = 800_000L + i;
      clock.advance(ClearedSenders.WINDOW); // each message a second after the last one
      admitVerifiedAndComplete(updateId);
    }
    long elapsed = System.nanoTime() - started;
    flushMarkers();

    Map<String, Long> counted = counted();
    assertThat(counted.remove(MARKERS)).isBetween(1L, (long) UPDATES);
    assertThat(counted).isEqualTo(Map.of("EVALSHA", (long) UPDATES));
    assertEveryUpdateMarkedDone(800_000L);
    report("verified-user message through the gate (admit; complete not waited for)", 1, elapsed);
  }

  @Test
  void aSenderClearedWithinTheLastSecondTakesNoRoundTrip() {
    state.updateGate().admit(1, Duration.ofMinutes(15), GROUP, USER, CHANNELS); // asks Redis
    commands.clear();
    long started = System.nanoTime();
    for (int i = 0; i < UPDATES; i++) {
      admitVerifiedAndComplete(700_000L + i);
    }
    long elapsed = System.nanoTime() - started;
    flushMarkers();

    Map<String, Long> counted = counted();
    assertThat(counted.remove(MARKERS)).isBetween(1L, (long) UPDATES);
    assertThat(counted).as("no command but the batched markers").isEmpty();
    assertEveryUpdateMarkedDone(700_000L);
    report("verified-user message, sender cleared within the last second", 0, elapsed);

    clock.advance(ClearedSenders.WINDOW);
    commands.clear();
    state.updateGate().admit(1_000_000L, Duration.ofMinutes(15), GROUP, USER, CHANNELS);
    assertThat(counted()).as("a second later Redis is asked again").containsEntry("EVALSHA", 1L);
  }

  @Test
  void whileNoticesFlowASenderClearedMinutesAgoTakesNoRoundTripUntilAnotherInstanceWrites() {
    RedisChangeNotices notices = (RedisChangeNotices) state.changeNotices();
    await().atMost(Duration.ofSeconds(10)).until(notices::live);
    clock.advance(Duration.ofMillis(1));
    state.updateGate().admit(1, Duration.ofMinutes(15), GROUP, USER, CHANNELS); // asks Redis
    commands.clear();
    long started = System.nanoTime();
    for (int i = 0; i < UPDATES; i++) {
      clock.advance(Duration.ofMillis(100)); // ten messages a second, over more than three minutes
      admitVerifiedAndComplete(600_000L + i);
    }
    long elapsed = System.nanoTime() - started;
    Map<String, Long> counted = counted();
    counted.remove(MARKERS);
    assertThat(counted).as("no command but the batched markers").isEmpty();
    report("verified-user message, sender cleared minutes ago, notices flowing", 0, elapsed);

    // Another instance writes one of the user's answers: the next message here asks Redis again.
    SharedState other =
        SharedState.redis(config, clock, GuardMetrics.NONE, new RefusingRateLimitStore());
    try {
      other.membershipCache().put(USER, CHANNELS.get(0), true, Duration.ofMinutes(10));
      long[] next = {650_000L};
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                long before = counted().getOrDefault("EVALSHA", 0L);
                admitVerifiedAndComplete(next[0]++);
                return counted().getOrDefault("EVALSHA", 0L) == before + 1;
              });
    } finally {
      other.close();
    }
  }

  @Test
  void aRateLimitedMessageCallTakesOneRoundTripPlusOnePerPauseCheck() {
    Instant now = clock.instant();
    List<Meter> meters =
        List.of(
            new Meter("global", Rate.perSecond(25)),
            new Meter("group:" + GROUP.value(), Rate.perMinute(20)));
    long started = System.nanoTime();
    for (int i = 0; i < UPDATES; i++) {
      Instant t = now.plusSeconds(3L * i);
      assertThat(state.rateLimitStore().pausedUntil("group:" + GROUP.value(), t)).isEmpty();
      assertThat(state.rateLimitStore().tryAcquire(meters, t).granted()).isTrue();
    }
    long elapsed = System.nanoTime() - started;

    assertThat(counted()).isEqualTo(Map.of("EVALSHA", (long) UPDATES, "GET", (long) UPDATES));
    report("message call (pause check + GCRA over 2 meters)", 2, elapsed);
  }

  /** The gate admits the verified user's update with both answers; its marker is queued. */
  private void admitVerifiedAndComplete(long updateId) {
    UpdateGate.Admission admission =
        state.updateGate().admit(updateId, Duration.ofMinutes(15), GROUP, USER, CHANNELS);
    assertThat(admission.claim()).isEqualTo(UpdateLog.Claim.CLAIMED);
    assertThat(admission.memberships()).hasSize(2).doesNotContainValue(false);
    assertThat(admission.administrator()).contains(false);
    state.updateLog().complete(updateId, Duration.ofHours(25)); // queued, not waited for
  }

  /** Writes the queued markers now, as a graceful stop does. */
  private void flushMarkers() {
    ((RedisUpdateLog) state.updateLog()).close();
  }

  /** A redelivery of any of the updates is a duplicate: every marker reached Redis. */
  private void assertEveryUpdateMarkedDone(long firstUpdateId) {
    for (int i = 0; i < UPDATES; i++) {
      assertThat(state.updateLog().begin(firstUpdateId + i, Duration.ofMinutes(15)))
          .as("update %d", firstUpdateId + i)
          .isEqualTo(UpdateLog.Claim.DONE);
    }
  }

  private static void report(String what, int roundTrips, long elapsedNanos) {
    System.err.printf(
        "ROUND TRIPS | %s | %d per operation | %.1f us per operation (%d operations, 1 thread)%n",
        what, roundTrips, elapsedNanos / 1000.0 / UPDATES, UPDATES);
  }
}
