package dev.gmbot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.ChangeNotices;
import dev.gmbot.port.out.ChangeNotices.Change;
import dev.gmbot.port.out.ChangeNotices.GroupChanged;
import dev.gmbot.port.out.ChangeNotices.MemberChanged;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.testkit.fake.MutableClock;
import dev.gmbot.testkit.net.LoopbackProxy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Change notices between two instances on the real Redis, and through a connection cut. */
class RedisChangeNoticesIT {
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final GroupId GROUP = GroupId.of(-100999);

  private final MutableClock clock = MutableClock.atEpochOfTests();
  private RedisConfig config;
  private SharedState a;
  private SharedState b;

  /** What one instance heard. */
  private static final class Heard implements ChangeNotices.Listener {
    final List<Object> events = new CopyOnWriteArrayList<>();

    @Override
    public void changed(Change change) {
      events.add(change);
    }

    @Override
    public void interrupted() {
      events.add("interrupted");
    }

    @Override
    public void resumed() {
      events.add("resumed");
    }
  }

  @BeforeEach
  void open() {
    config = TestRedis.config();
    a = SharedState.redis(config, clock, GuardMetrics.NONE, new RefusingRateLimitStore());
    b = SharedState.redis(config, clock, GuardMetrics.NONE, new RefusingRateLimitStore());
  }

  @AfterEach
  void close() {
    a.close();
    b.close();
    TestRedis.cleanUp(config);
  }

  private static boolean live(SharedState state) {
    return ((RedisChangeNotices) state.changeNotices()).live();
  }

  @Test
  void theOtherInstanceHearsAChangeAndTheSenderDoesNot() {
    Heard atA = new Heard();
    Heard atB = new Heard();
    a.changeNotices().listen(atA);
    b.changeNotices().listen(atB);
    await().atMost(PATIENCE).until(() -> live(a) && live(b));

    a.changeNotices().announce(new GroupChanged(GROUP));
    a.changeNotices().announce(new MemberChanged(GROUP, UserId.of(42)));

    await()
        .atMost(PATIENCE)
        .until(() -> atB.events.contains(new MemberChanged(GROUP, UserId.of(42))));
    assertThat(atB.events)
        .containsSubsequence("interrupted", "resumed", new GroupChanged(GROUP))
        .containsSubsequence(new GroupChanged(GROUP), new MemberChanged(GROUP, UserId.of(42)));
    assertThat(atA.events).doesNotContain(new GroupChanged(GROUP));
  }

  @Test
  void aDroppedSubscriptionInterruptsThenResumesWithoutARestart() throws IOException {
    try (LoopbackProxy proxy = new LoopbackProxy(config.host(), config.port());
        SharedState viaProxy =
            SharedState.redis(
                config
                    .withPort(proxy.port())
                    .withConnectTimeout(Duration.ofMillis(300))
                    .withReconnectDelay(Duration.ofMillis(200)),
                clock,
                GuardMetrics.NONE,
                new RefusingRateLimitStore())) {
      Heard heard = new Heard();
      viaProxy.changeNotices().listen(heard);
      await().atMost(PATIENCE).until(() -> live(viaProxy));

      proxy.cut();
      await().atMost(PATIENCE).until(() -> !live(viaProxy));
      assertThat(heard.events).endsWith("interrupted");
      proxy.restore();
      await().atMost(PATIENCE).until(() -> live(viaProxy));
      a.changeNotices().announce(new GroupChanged(GROUP));

      await().atMost(PATIENCE).until(() -> heard.events.contains(new GroupChanged(GROUP)));
      assertThat(heard.events)
          .containsSubsequence("resumed", "interrupted", "resumed", new GroupChanged(GROUP));
    }
  }

  @Test
  void messagesOfOtherShapesAreIgnored() {
    RedisChangeNotices notices = (RedisChangeNotices) a.changeNotices();

    assertThat(notices.parse("someone g -100999")).contains(new GroupChanged(GROUP));
    assertThat(notices.parse("someone m -100999 7"))
        .contains(new MemberChanged(GROUP, UserId.of(7)));
    assertThat(notices.parse("someone x -100999")).isEmpty();
    assertThat(notices.parse("someone g 12")).as("not a group id").isEmpty();
    assertThat(notices.parse("garbage")).isEmpty();
  }
}
