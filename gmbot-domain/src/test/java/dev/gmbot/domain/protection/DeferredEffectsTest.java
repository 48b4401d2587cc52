package dev.gmbot.domain.protection;

import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.BOB;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.Guard;
import dev.gmbot.domain.GuardFixture;
import dev.gmbot.domain.scheduling.LocalRateLimitStore;
import dev.gmbot.domain.scheduling.PriorityBotCallScheduler;
import dev.gmbot.domain.scheduling.SchedulerConfig;
import dev.gmbot.port.in.GroupMemberChanged;
import dev.gmbot.port.in.HandlingResult;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.GroupMember;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.out.ChatAccessException;
import dev.gmbot.port.out.EffectOutbox.ClaimedEffect;
import dev.gmbot.port.out.EffectOutbox.DeferredEffect;
import dev.gmbot.port.out.FloodWaitException;
import dev.gmbot.testkit.fake.InMemoryEffectOutbox;
import dev.gmbot.testkit.fake.InMemoryUpdateLog;
import dev.gmbot.testkit.fake.RecordingStatsChart;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Effects that would wait for Telegram's limits are recorded in the outbox instead of holding the
 * update (ADR 0014), and the drain carries them out later, in order per chat, at most once for a
 * post whose outcome is unknown (ADR 0015). The real scheduler, the fake Telegram, the in-memory
 * outbox; the clock only moves when a test moves it.
 */
class DeferredEffectsTest {
  private final GuardFixture world = new GuardFixture().protect(GROUP, GuardFixture.news());
  private final InMemoryEffectOutbox outbox = new InMemoryEffectOutbox(world.clock);
  private final PriorityBotCallScheduler scheduler =
      new PriorityBotCallScheduler(
          SchedulerConfig.defaults(), new LocalRateLimitStore(), world.metrics, world.clock);
  private final Guard guard = guard(world.updateLog);

  private Guard guard(dev.gmbot.port.out.UpdateLog updateLog) {
    return Guard.builder()
        .telegram(world.telegram)
        .repositories(
            world.repos.groups(),
            world.repos.owners(),
            world.repos.members(),
            world.repos.prompts(),
            world.repos.audit())
        .conversations(world.repos.conversations())
        .cache(world.membershipCache, world.adminCache)
        .updateLog(updateLog)
        .clock(world.clock)
        .scheduler(scheduler)
        .metrics(world.metrics)
        .outbox(outbox)
        .dailyStatistics(world.repos.dailyStatistics())
        .chart(new RecordingStatsChart())
        .build();
  }

  @AfterEach
  void close() {
    scheduler.close();
  }

  private void restrictionsAreFloodControlled() {
    world.telegram.failAlways(
        "restrictChatMember",
        GROUP.id(),
        new FloodWaitException(
            "restrictChatMember", Optional.of(GROUP.id()), Duration.ofSeconds(5)));
  }

  private boolean restricted(dev.gmbot.port.model.UserRef user) {
    return world
        .repos
        .members()
        .find(GROUP.groupId(), user.id())
        .map(GroupMember::isRestricted)
        .orElse(false);
  }

  private long pending() {
    return outbox.depth(world.clock.instant()).pending();
  }

  @Test
  void aPausedRestrictionAndItsPromptWaitInTheOutboxThenTheDrainCarriesThemOut() {
    restrictionsAreFloodControlled();

    HandlingResult result = guard.handle(world.joins(GROUP, ALICE));

    assertThat(result.effects())
        .anyMatch(e -> e.startsWith("deferred 2 effect(s) in chat:" + GROUP.id().value()));
    assertThat(pending()).isEqualTo(1);
    assertThat(restricted(ALICE)).isFalse();
    assertThat(world.sentTo(GROUP.id())).as("the prompt waits behind the mute").isZero();
    assertThat(guard.drainEffects("w", 10).claimed()).as("not due during the pause").isZero();

    world.telegram.heal();
    world.clock.advance(Duration.ofSeconds(6));
    assertThat(guard.drainEffects("w", 10).done()).isEqualTo(1);

    assertThat(restricted(ALICE)).isTrue();
    assertThat(world.sentTo(GROUP.id())).isEqualTo(1);
    assertThat(pending()).isZero();
    assertThat(world.metrics.count("outbox.recorded")).isEqualTo(1);
    assertThat(world.metrics.count("outbox.drained")).isEqualTo(1);
  }

  @Test
  void laterEffectsOfAChatGoBehindTheWaitingOnesAndRunInOrder() {
    restrictionsAreFloodControlled();
    guard.handle(world.joins(GROUP, ALICE));
    long attempts = world.telegram.count("restrictChatMember");

    guard.handle(world.joins(GROUP, BOB));

    assertThat(world.telegram.count("restrictChatMember"))
        .as("Bob's mute is not tried while Alice's waits")
        .isEqualTo(attempts);
    assertThat(pending()).isEqualTo(2);

    world.telegram.heal();
    world.telegram.clearCalls();
    world.clock.advance(Duration.ofSeconds(6));
    assertThat(guard.drainEffects("w", 10).done())
        .as("one effect of a chat at a time")
        .isEqualTo(1);
    assertThat(guard.drainEffects("w", 10).done()).isEqualTo(1);

    assertThat(restricted(ALICE)).isTrue();
    assertThat(restricted(BOB)).isTrue();
    assertThat(world.telegram.calls())
        .filteredOn(c -> c.method().equals("restrictChatMember"))
        .extracting(c -> c.detail())
        .hasSize(2);
    assertThat(pending()).isZero();
  }

  @Test
  void aRoundOfSeveralChatsWaitsForEveryEffectBeforeCounting() {
    world.protect(GuardFixture.OTHER_GROUP, GuardFixture.news());
    for (ChatRef group : List.of(GROUP, GuardFixture.OTHER_GROUP)) {
      world.telegram.failAlways(
          "restrictChatMember",
          group.id(),
          new FloodWaitException(
              "restrictChatMember", Optional.of(group.id()), Duration.ofSeconds(5)));
    }
    guard.handle(world.joins(GROUP, ALICE));
    guard.handle(world.joins(GuardFixture.OTHER_GROUP, BOB));
    assertThat(pending()).isEqualTo(2);

    world.telegram.heal();
    // Calls that take a while: the round's effects run concurrently and finish after it asked.
    world.telegram.beforeEachCall(
        call -> {
          try {
            Thread.sleep(30);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    world.clock.advance(Duration.ofSeconds(30)); // past both pauses and their jitter
    EffectDrain.Round round = guard.drainEffects("w", 10);

    assertThat(round.claimed()).isEqualTo(2);
    assertThat(round.done() + round.retried())
        .as("every outcome counted (a prompt may wait for the global meter: the clock stands)")
        .isEqualTo(2);
    assertThat(round.done()).isPositive();
    world.clock.advance(Duration.ofSeconds(1));
    guard.drainEffects("w", 10);
    assertThat(restricted(ALICE)).isTrue();
    assertThat(world.sentTo(GROUP.id())).isEqualTo(1);
    assertThat(world.sentTo(GuardFixture.OTHER_GROUP.id())).isEqualTo(1);
    assertThat(pending()).isZero();
  }

  @Test
  void aRedeliveredUpdateRecordsNothingTwice() {
    restrictionsAreFloodControlled();
    GroupMemberChanged join = world.joins(GROUP, ALICE);
    guard.handle(join);

    // The first handler recorded its effects and died before completing the update: the
    // redelivery is handled again (a fresh update log stands for the expired lease).
    HandlingResult again = guard(new InMemoryUpdateLog(world.clock)).handle(join);

    assertThat(again.effects()).anyMatch(e -> e.startsWith("already deferred"));
    assertThat(pending()).isEqualTo(1);
    assertThat(world.metrics.count("outbox.recorded")).isEqualTo(1);
  }

  @Test
  void aPostStartedByAWorkerThatDiedIsNotPostedAgain() {
    ChatId chat = ALICE.id().privateChat();
    String payload =
        DecisionCodec.encode(
            List.of(
                new Decision.Reply(
                    chat,
                    OutgoingMessage.text("hello"),
                    dev.gmbot.domain.scheduling.Priority.P0_INTERACTIVE)));
    outbox.record(
        new DeferredEffect(
            "u1:0",
            "chat:" + chat.value(),
            0,
            payload,
            world.clock.instant(),
            world.clock.instant()));
    ClaimedEffect dying = outbox.claim("dead", 1, EffectDrain.LEASE, world.clock.instant()).get(0);
    outbox.progress(dying, payload, true);

    world.clock.advance(EffectDrain.LEASE.plusSeconds(1));
    EffectDrain.Round round = guard.drainEffects("w", 10);

    assertThat(round.takenOver()).isEqualTo(1);
    assertThat(round.done()).isEqualTo(1);
    assertThat(world.sentTo(chat)).isZero();
    assertThat(world.metrics.count("outbox.uncertain")).isEqualTo(1);
    assertThat(world.metrics.count("outbox.taken_over")).isEqualTo(1);
  }

  @Test
  void aChartTheChatRefusesLeavesOnlyItsTextAnswerToWait() {
    world
        .telegram
        .failAlways(
            "sendPhoto",
            GROUP.id(),
            new ChatAccessException(
                "sendPhoto",
                GROUP.id(),
                ChatAccessException.Problem.NOT_ENOUGH_RIGHTS,
                "not enough rights to send photos"))
        .failNext(
            "sendMessage",
            new FloodWaitException("sendMessage", Optional.of(GROUP.id()), Duration.ofSeconds(5)));

    HandlingResult result = guard.handle(world.command(GROUP, OWNER, "stats"));

    assertThat(result.effects())
        .anyMatch(e -> e.startsWith("deferred 1 effect(s) in chat:" + GROUP.id().value()));
    long texts = world.sentTo(GROUP.id());
    world.telegram.heal();
    world.clock.advance(Duration.ofSeconds(6));
    assertThat(guard.drainEffects("w", 10).done()).isEqualTo(1);

    assertThat(world.telegram.count("sendPhoto"))
        .as("the refused photo is not tried again: only the text answer waited")
        .isEqualTo(1);
    assertThat(world.sentTo(GROUP.id())).isEqualTo(texts + 1);
    assertThat(pending()).isZero();
  }

  @Test
  void withoutAnOutboxEverythingRunsInline() {
    world.handle(world.joins(GROUP, ALICE));

    assertThat(world.repos.members().find(GROUP.groupId(), ALICE.id()))
        .map(GroupMember::isRestricted)
        .contains(true);
    assertThat(world.guard.drainEffects("w", 10).claimed()).isZero();
  }
}
