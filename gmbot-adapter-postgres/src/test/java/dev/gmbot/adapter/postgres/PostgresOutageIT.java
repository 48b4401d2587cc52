package dev.gmbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.out.StorageUnavailableException;
import dev.gmbot.testkit.net.LoopbackProxy;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fault test: PostgreSQL goes away (a loopback proxy in front of the test server is cut: resets,
 * then refused connections) for longer than HikariCP's backoff needs to reach its 5 s cap, and
 * comes back. While it is away, calls after the first fail at once; once it answers, the pool
 * serves again within a second (ADR 0079). The figures are printed and asserted.
 */
class PostgresOutageIT {
  private static final Duration OUTAGE = Duration.ofSeconds(8);
  private static final GroupId GROUP = GroupId.of(-100777);

  private LoopbackProxy proxy;
  private Database direct;
  private Database db;

  @BeforeEach
  void connectThroughAProxy() throws IOException {
    PersistenceConfig config = TestDatabases.postgres();
    direct = Database.connect(config);
    direct.migrate();
    proxy = new LoopbackProxy("127.0.0.1", 5432);
    String viaProxy =
        config.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
    db =
        Database.connect(
            PersistenceConfig.parse(viaProxy)
                .withCredentials(config.user().orElse("postgres"), config.password())
                .withPoolSize(4)
                .withConnectionTimeout(Duration.ofSeconds(2))
                .withSchema(config.schema().orElseThrow()));
  }

  @AfterEach
  void cleanUp() {
    if (db != null) {
      db.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (direct != null) {
      TestDatabases.dispose(direct);
    }
  }

  @Test
  void callsFailAtOnceWhileDownAndThePoolServesWithinASecondOfTheReturn() throws IOException {
    assertThat(db.groups().find(GROUP)).isEmpty();

    proxy.cut();
    long outageEnds = System.nanoTime() + OUTAGE.toNanos();
    int calls = 0;
    int slowAfterFirst = 0;
    while (System.nanoTime() < outageEnds) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> db.groups().find(GROUP))
          .isInstanceOf(StorageUnavailableException.class);
      long tookMs = (System.nanoTime() - started) / 1_000_000;
      if (calls > 0 && tookMs > 100) {
        slowAfterFirst++;
      }
      calls++;
      pace();
    }

    proxy.restore();
    long restored = System.nanoTime();
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(10))
        .ignoreException(StorageUnavailableException.class)
        .until(() -> db.groups().find(GROUP).isEmpty());
    long firstSuccessMs = (System.nanoTime() - restored) / 1_000_000;

    System.out.printf(
        "[fault figure] postgres outage %d s: %d calls, %d slower than 100 ms after the first;"
            + " first success %d ms after the return%n",
        OUTAGE.toSeconds(), calls, slowAfterFirst, firstSuccessMs);
    assertThat(slowAfterFirst).as("calls slower than 100 ms while down").isZero();
    assertThat(firstSuccessMs).as("ms until the first success").isBetween(0L, 1000L);
    assertThat(db.isHealthy()).isTrue();
  }

  /** The traffic during the outage: a call every 20 ms (a load, not a wait for a condition). */
  private static void pace() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
