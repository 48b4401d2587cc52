package dev.gmbot.app.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.in.DrainEffectsUseCase;
import dev.gmbot.port.out.EffectOutbox;
import dev.gmbot.port.out.EffectOutbox.ClaimedEffect;
import dev.gmbot.port.out.EffectOutbox.DeferredEffect;
import dev.gmbot.testkit.fake.InMemoryEffectOutbox;
import dev.gmbot.testkit.fake.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Lambda function's two drains of the outbox (ADRs 0087, 0088) on simulated time: the sleeper
 * advances the clock, so nothing here waits and no assertion depends on the machine's speed.
 */
class OutboxDrainTest {
  private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryEffectOutbox outbox = new InMemoryEffectOutbox(clock);
  private final List<String> done = new ArrayList<>();
  private final List<Duration> naps = new ArrayList<>();
  private final List<String> rounds = new ArrayList<>();

  /** Claims what is due, as EffectDrain does, and completes it at once. */
  private final DrainEffectsUseCase drain =
      (holder, max, budget) -> {
        rounds.add(holder + " max " + max + " budget " + budget.toSeconds() + " s");
        int n = 0;
        List<ClaimedEffect> claimed;
        do {
          claimed = outbox.claim(holder, max, Duration.ofSeconds(60), clock.instant());
          for (ClaimedEffect c : claimed) {
            done.add(
                c.effect().key() + " at +" + Duration.between(T0, clock.instant()).toSeconds());
            outbox.complete(c);
            n++;
          }
        } while (!claimed.isEmpty());
        return n;
      };

  private final OutboxDrain.Sleeper sleeper =
      duration -> {
        naps.add(duration);
        clock.advance(duration);
      };

  private OutboxDrain drains(int afterUpdateMax) {
    return new OutboxDrain(drain, outbox, clock, sleeper, "lambda-test", afterUpdateMax);
  }

  private void record(String key, String lane, Duration dueIn) {
    outbox.record(new DeferredEffect(key, lane, 1, "payload", T0, T0.plus(dueIn)));
  }

  @Test
  void aScheduledRunCarriesOutWhatFallsDueInItsWindowWhenDueAndLeavesTheRest() {
    record("u1:0", "chat:1", Duration.ZERO);
    record("u2:0", "chat:2", Duration.ofSeconds(3));
    record("u3:0", "chat:3", Duration.ofMillis(20_500));
    record("u4:0", "chat:4", Duration.ofSeconds(70));

    int carriedOut = drains(4).scheduled(Duration.ofSeconds(30));

    assertThat(carriedOut).isEqualTo(3);
    assertThat(done).containsExactly("u1:0 at +0", "u2:0 at +3", "u3:0 at +20");
    assertThat(outbox.depth(clock.instant()).pending()).as("due after the window").isOne();
    assertThat(naps).allMatch(nap -> nap.compareTo(OutboxDrain.MAX_NAP) <= 0);
    assertThat(Duration.between(T0, clock.instant()))
        .as("returned once nothing more fell due within 30 s - 5 s of margin")
        .isLessThanOrEqualTo(Duration.ofSeconds(21));
    assertThat(rounds).allMatch(r -> r.startsWith("lambda-test max 16 "));
  }

  @Test
  void aScheduledRunWithAnEmptyOutboxReturnsAtOnce() {
    assertThat(drains(4).scheduled(Duration.ofSeconds(60))).isZero();

    assertThat(rounds).hasSize(1);
    assertThat(naps).isEmpty();
    assertThat(clock.instant()).isEqualTo(T0);
  }

  @Test
  void aScheduledRunKeepsItsMarginAndDrainsAtMostItsMaximumWindow() {
    record("u1:0", "chat:1", Duration.ofSeconds(1));
    assertThat(drains(4).scheduled(Duration.ofSeconds(5))).as("no time left").isZero();
    assertThat(rounds).isEmpty();

    record("u2:0", "chat:2", Duration.ofSeconds(55));
    int carriedOut = drains(4).scheduled(Duration.ofMinutes(15));

    assertThat(carriedOut).as("u1 within 50 s, u2 after").isOne();
    assertThat(rounds.getFirst()).endsWith("budget 50 s");
    assertThat(Duration.between(T0, clock.instant()))
        .isLessThanOrEqualTo(OutboxDrain.SCHEDULED_MAX_WINDOW);
  }

  @Test
  void aLaneLeasedByAnotherContainerIsLeftToIt() {
    record("u1:0", "chat:1", Duration.ZERO);
    outbox.claim("lambda-other", 1, Duration.ofSeconds(60), T0);

    assertThat(drains(4).scheduled(Duration.ofSeconds(30))).isZero();

    assertThat(done).isEmpty();
    assertThat(naps).as("the lease ends after the window: nothing to wait for").isEmpty();
  }

  @Test
  void afterAnUpdateOneRoundRunsOnlyWithTimeLeftAndWhenAsked() {
    record("u1:0", "chat:1", Duration.ZERO);

    assertThat(drains(4).afterUpdate(Duration.ofSeconds(4))).as("too little time left").isZero();
    assertThat(drains(0).afterUpdate(Duration.ofSeconds(30))).as("switched off").isZero();
    assertThat(rounds).isEmpty();

    assertThat(drains(4).afterUpdate(Duration.ofSeconds(30))).isOne();
    assertThat(rounds).containsExactly("lambda-test max 4 budget 0 s");
    assertThat(naps).as("nothing after an update waits").isEmpty();
  }

  @Test
  void withoutAnOutboxNothingIsDrained() {
    OutboxDrain none = new OutboxDrain(drain, EffectOutbox.NONE, clock, sleeper, "lambda-test", 4);

    assertThat(none.afterUpdate(Duration.ofSeconds(30))).isZero();
    assertThat(none.scheduled(Duration.ofSeconds(30))).isZero();
    assertThat(rounds).isEmpty();
  }
}
