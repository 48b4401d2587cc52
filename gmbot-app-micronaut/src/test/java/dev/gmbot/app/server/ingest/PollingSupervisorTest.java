package dev.gmbot.app.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.testkit.fake.InMemoryLeaseStore;
import dev.gmbot.testkit.fake.MutableClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollingSupervisorTest {
  private final MutableClock clock = MutableClock.atEpochOfTests();
  private final InMemoryLeaseStore leases = new InMemoryLeaseStore(clock);
  private final Duration lease = Duration.ofSeconds(30);

  private static final class CountingPollers implements PollingSupervisor.PollerFactory {
    final AtomicInteger started = new AtomicInteger();
    final AtomicInteger stopped = new AtomicInteger();

    @Override
    public AutoCloseable start() {
      started.incrementAndGet();
      return stopped::incrementAndGet;
    }
  }

  @Test
  void onlyTheLeaseHolderPolls() {
    CountingPollers a = new CountingPollers();
    CountingPollers b = new CountingPollers();
    PollingSupervisor first = new PollingSupervisor(leases, "a", lease, a);
    PollingSupervisor second = new PollingSupervisor(leases, "b", lease, b);

    first.tick();
    second.tick();
    clock.advance(Duration.ofSeconds(10));
    first.tick();
    second.tick();

    assertThat(first.polling()).isTrue();
    assertThat(second.polling()).isFalse();
    assertThat(a.started).hasValue(1);
    assertThat(b.started).hasValue(0);
  }

  @Test
  void anotherInstanceTakesOverAnExpiredLeaseAndTheOldHolderStops() {
    CountingPollers a = new CountingPollers();
    CountingPollers b = new CountingPollers();
    PollingSupervisor first = new PollingSupervisor(leases, "a", lease, a);
    PollingSupervisor second = new PollingSupervisor(leases, "b", lease, b);
    first.tick();

    clock.advance(Duration.ofSeconds(31)); // a missed its renewals (paused, partitioned)
    second.tick();
    first.tick();

    assertThat(second.polling()).isTrue();
    assertThat(first.polling()).isFalse();
    assertThat(a.stopped).hasValue(1);
  }

  @Test
  void closingStopsThePollerAndFreesTheLease() {
    CountingPollers a = new CountingPollers();
    PollingSupervisor first = new PollingSupervisor(leases, "a", lease, a);
    first.tick();

    first.close();

    assertThat(a.stopped).hasValue(1);
    assertThat(leases.tryAcquire(PollingSupervisor.LEASE, "b", lease)).isTrue();
  }
}
