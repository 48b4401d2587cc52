package dev.gmbot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.MembershipCache;
import dev.gmbot.port.out.Meter;
import dev.gmbot.port.out.Rate;
import dev.gmbot.port.out.UpdateGate;
import dev.gmbot.testkit.fake.MutableClock;
import dev.gmbot.testkit.fake.RecordingMetrics;
import dev.gmbot.testkit.net.LoopbackProxy;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis goes away mid-run (a loopback proxy in front of it is cut) and comes back: every component
 * falls back, logs one WARN per outage, counts each fallback, and returns to Redis by itself.
 */
class OutageIT {
  private static final UserId ALICE = UserId.of(42);
  private static final ChannelId NEWS = ChannelId.of(-1001234);
  private static final GroupId GROUP = GroupId.of(-1005678);
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
  private static final Duration DAY = Duration.ofHours(25);
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private final MutableClock clock = MutableClock.atEpochOfTests();
  private final RecordingMetrics metrics = new RecordingMetrics();
  private final SimpleGcraStore localRates = new SimpleGcraStore();
  private RedisConfig direct;
  private LoopbackProxy proxy;
  private RedisConfig viaProxy;

  @BeforeEach
  void startProxy() throws IOException {
    direct = TestRedis.config();
    proxy = new LoopbackProxy(direct.host(), direct.port());
    viaProxy =
        new RedisConfig(
            "127.0.0.1",
            proxy.port(),
            direct.username(),
            direct.password(),
            direct.database(),
            false,
            direct.keyPrefix(),
            Duration.ofMillis(300),
            Duration.ofMillis(300),
            Duration.ofMillis(200),
            3);
  }

  @AfterEach
  void stopProxy() {
    if (proxy != null) {
      proxy.close();
      TestRedis.cleanUp(direct);
    }
  }

  @Test
  void degradesWhileRedisIsAwayAndRecoversWithoutARestart() throws IOException {
    try (SharedState state = SharedState.redis(viaProxy, clock, metrics, localRates)) {
      var cache = (RedisMembershipCache) state.membershipCache();
      var admins = (RedisAdministratorCache) state.administratorCache();
      var log = (RedisUpdateLog) state.updateLog();
      var rates = (RedisRateLimitStore) state.rateLimitStore();
      var leases = (RedisLeaseStore) state.leaseStore();
      List<Meter> global = List.of(new Meter("global", Rate.perSecond(25)));
      Instant now = clock.instant();

      // Up: everything goes to Redis.
      cache.put(ALICE, NEWS, true, TEN_MINUTES);
      admins.put(GROUP, Set.of(ALICE), TEN_MINUTES);
      assertThat(log.claim(1, DAY)).isTrue();
      assertThat(rates.tryAcquire(global, now).granted()).isTrue();
      assertThat(leases.tryAcquire("poller", "me", Duration.ofMinutes(1))).isTrue();
      assertThat(cache.get(ALICE, NEWS)).contains(true);
      assertThat(metrics.snapshot()).noneSatisfy((k, v) -> assertThat(k).startsWith("fallback."));
      await().atMost(PATIENCE).until(() -> state.health() == SharedState.Health.UP);

      proxy.cut();
      await().atMost(PATIENCE).until(() -> state.health() == SharedState.Health.DOWN);

      // Down: the caches answer from an in-process copy made during the outage (empty at first),
      // dedup and meters are local, the poller keeps its lease.
      await().atMost(PATIENCE).until(() -> cache.getAll(ALICE, List.of(NEWS)).isEmpty());
      assertThat(cache.get(ALICE, NEWS)).isEmpty();
      cache.put(ALICE, NEWS, false, TEN_MINUTES);
      assertThat(cache.get(ALICE, NEWS)).as("answered by the outage copy").contains(false);
      cache.invalidate(ALICE, NEWS);
      assertThat(cache.get(ALICE, NEWS)).as("invalidated in the outage copy").isEmpty();
      cache.put(ALICE, NEWS, false, TEN_MINUTES);
      assertThat(admins.get(GROUP)).isEmpty();
      admins.put(GROUP, Set.of(UserId.of(7)), TEN_MINUTES);
      assertThat(admins.get(GROUP))
          .as("answered by the outage copy")
          .contains(Set.of(UserId.of(7)));
      UpdateGate.Admission admitted =
          state.updateGate().admit(77, DAY, GROUP, ALICE, List.of(NEWS));
      assertThat(admitted.claimed()).isTrue();
      assertThat(admitted.memberships()).as("the gate reads the copies").containsEntry(NEWS, false);
      assertThat(admitted.administrator()).contains(false);
      assertThat(log.claim(2, DAY)).isTrue();
      assertThat(log.claim(2, DAY)).isFalse();
      assertThat(log.claim(1, DAY)).as("claimed through Redis before the outage").isFalse();
      assertThat(rates.tryAcquire(global, now.plusSeconds(1)).granted()).isTrue();
      assertThat(localRates.lastMeters)
          .as("a third of the budget per instance")
          .containsExactly(new Meter("global", new Rate(8, Duration.ofSeconds(1), 1)));
      rates.pause("chat:-1", now.plusSeconds(30));
      assertThat(rates.pausedUntil("chat:-1", now)).contains(now.plusSeconds(30));
      assertThat(leases.renew("poller", "me", Duration.ofMinutes(1))).isTrue();
      assertThat(leases.tryAcquire("poller", "someone-else", Duration.ofMinutes(1))).isFalse();

      for (Outage o :
          List.of(cache.outage(), admins.outage(), log.outage(), rates.outage(), leases.outage())) {
        assertThat(o.isDown()).as(o.component()).isTrue();
        assertThat(o.started()).as("WARNs logged by " + o.component()).isEqualTo(1);
      }
      assertThat(metrics.count("fallback.membership_cache")).isGreaterThanOrEqualTo(4);
      assertThat(metrics.count("fallback.update_log")).isGreaterThanOrEqualTo(3);
      assertThat(metrics.count("fallback.rate_limits")).isGreaterThanOrEqualTo(3);
      assertThat(metrics.count("fallback.administrator_cache")).isGreaterThanOrEqualTo(3);
      assertThat(metrics.count("fallback.leases")).isEqualTo(2);

      proxy.restore();

      // Back: the same objects use Redis again (each probes it at most once per reconnect delay
      // while it is known down); the entries written before the outage are there.
      List<Outage> outages =
          List.of(cache.outage(), admins.outage(), log.outage(), rates.outage(), leases.outage());
      await()
          .atMost(PATIENCE)
          .until(
              () -> {
                cache.get(ALICE, NEWS);
                admins.get(GROUP);
                log.release(999_999);
                rates.pausedUntil("chat:-2", now);
                leases.release("unused", "nobody");
                return outages.stream().noneMatch(Outage::isDown);
              });
      assertThat(cache.get(ALICE, NEWS)).as("Redis's answer, not the outage copy's").contains(true);
      assertThat(admins.get(GROUP)).contains(Set.of(ALICE));
      assertThat(log.claim(3, DAY)).isTrue();
      assertThat(log.claim(2, DAY))
          .as("claimed locally during the outage: still a duplicate here")
          .isFalse();
      localRates.lastMeters = List.of();
      assertThat(rates.tryAcquire(global, now.plusSeconds(2)).granted()).isTrue();
      assertThat(localRates.lastMeters).as("decided by Redis").isEmpty();
      assertThat(leases.renew("poller", "me", Duration.ofMinutes(1))).isTrue();
      assertThat(leases.tryAcquire("poller", "someone-else", Duration.ofMinutes(1))).isFalse();
      for (Outage o : outages) {
        assertThat(o.isDown()).as(o.component()).isFalse();
        assertThat(o.started()).as(o.component()).isEqualTo(1);
      }
      await().atMost(PATIENCE).until(() -> state.health() == SharedState.Health.UP);
    }
  }

  @Test
  void startsWhileRedisIsDownAndUsesItOnceItAnswers() throws IOException {
    proxy.cut();
    try (SharedState state = SharedState.redis(viaProxy, clock, metrics, localRates)) {
      assertThat(state.membershipCache().getAll(ALICE, List.of(NEWS))).isEmpty();
      assertThat(state.updateLog().claim(7, DAY)).isTrue();
      assertThat(metrics.count("fallback.update_log")).isEqualTo(1);

      proxy.restore();

      await()
          .atMost(PATIENCE)
          .untilAsserted(
              () -> {
                state.membershipCache().put(ALICE, NEWS, true, TEN_MINUTES);
                assertThat(state.membershipCache().get(ALICE, NEWS)).contains(true);
                // answered by Redis, not by the copy kept during the outage
                assertThat(((RedisMembershipCache) state.membershipCache()).outage().isDown())
                    .isFalse();
              });
      assertThat(state.updateLog().claim(8, DAY)).isTrue();
      assertThat(state.updateLog().claim(8, DAY)).isFalse();
    }
    // Written through the proxy, readable directly: it really was Redis.
    try (SharedState other = SharedState.redis(direct, clock, metrics, localRates)) {
      assertThat(other.membershipCache().get(ALICE, NEWS)).contains(true);
      assertThat(other.updateLog().claim(8, DAY)).isFalse();
    }
  }

  @Test
  void aRedisThatStopsAnsweringCostsOneTimeoutPerProbeNotOnePerOperation() {
    Map<String, LongAdder> sent = new ConcurrentHashMap<>();
    CommandListener counter =
        new CommandListener() {
          @Override
          public void commandStarted(CommandStartedEvent event) {
            sent.computeIfAbsent("all", k -> new LongAdder()).increment();
          }
        };
    RedisConfig slowProbes = viaProxy.withReconnectDelay(Duration.ofHours(1));
    try (SharedState state =
        SharedState.redis(slowProbes, clock, metrics, localRates, List.of(counter))) {
      MembershipCache cache = state.membershipCache();
      cache.put(ALICE, NEWS, true, TEN_MINUTES);
      assertThat(cache.get(ALICE, NEWS)).contains(true);

      proxy.freeze();
      long before = sent.get("all").sum();
      for (int i = 0; i < 50; i++) {
        assertThat(cache.getAll(ALICE, List.of(NEWS))).isEmpty();
      }

      assertThat(sent.get("all").sum() - before)
          .as("commands sent to the silent Redis: only the one that timed out")
          .isEqualTo(1);
      assertThat(metrics.count("fallback.membership_cache")).isEqualTo(50);
      proxy.thaw();
    }
  }
}
