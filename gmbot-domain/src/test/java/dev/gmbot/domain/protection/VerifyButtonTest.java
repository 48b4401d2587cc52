package dev.gmbot.domain.protection;

import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.BOB;
import static dev.gmbot.domain.GuardFixture.CHANNEL;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.port.in.ButtonPressed;
import dev.gmbot.port.in.HandlingResult;
import dev.gmbot.port.model.CallbackAnswer;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.RestrictionState;
import dev.gmbot.port.out.BotApiRejectedException;
import dev.gmbot.testkit.fake.FakeTelegram;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VerifyButtonTest {
  private final GuardFixture world = new GuardFixture().protectedGroup();

  private MessageId restrictAlice() {
    world.handle(world.joins(GROUP, ALICE));
    world.telegram.clearCalls();
    return world.repos.prompts().naming(GROUP.groupId(), ALICE.id()).get(0).message();
  }

  @Test
  void answersFirstThenLiftsTheRestrictionAndRemovesThePrompt() {
    MessageId prompt = restrictAlice();
    world.subscribe(ALICE, CHANNEL);

    world.handle(world.presses(ALICE, "verify:101", Optional.of(prompt)));

    List<String> methods = world.telegram.calls().stream().map(FakeTelegram.Call::method).toList();
    assertThat(methods)
        .containsExactly(
            "getChatMember", "answerCallbackQuery", "restrictChatMember", "deleteMessage");
    assertThat(world.telegram.callbackAnswers())
        .extracting(CallbackAnswer::text)
        .containsExactly(Optional.of("✅ Verified! You can write in the group now."));
    assertThat(world.lifts()).isEqualTo(1);
    assertThat(world.repos.members().find(GROUP.groupId(), ALICE.id()).orElseThrow().restriction())
        .isEqualTo(RestrictionState.FREE);
    assertThat(world.telegram.messagesIn(GROUP.id())).isEmpty();
    assertThat(world.repos.prompts().naming(GROUP.groupId(), ALICE.id())).isEmpty();
  }

  @Test
  void alertsNamingTheMissingChannelsAndChangesNothing() {
    MessageId prompt = restrictAlice();

    world.handle(world.presses(ALICE, "verify:101", Optional.of(prompt)));

    CallbackAnswer answer = world.telegram.callbackAnswers().get(0);
    assertThat(answer.alert()).isTrue();
    assertThat(answer.text()).hasValueSatisfying(t -> assertThat(t).contains("@news"));
    assertThat(world.lifts()).isZero();
    assertThat(world.telegram.messagesIn(GROUP.id())).hasSize(1);
  }

  @Test
  void skipsTheNegativeCacheSoAFreshSubscriptionCounts() {
    MessageId prompt = restrictAlice();
    assertThat(world.membershipCache.get(ALICE.id(), CHANNEL.channelId())).contains(false);
    world.subscribe(ALICE, CHANNEL);

    world.handle(world.presses(ALICE, "verify:101", Optional.of(prompt)));

    assertThat(world.lifts()).isEqualTo(1);
  }

  @Test
  void pressByAnotherUserGetsAPoliteAlertAndChangesNothing() {
    MessageId prompt = restrictAlice();
    world.subscribe(BOB, CHANNEL);

    world.handle(world.presses(BOB, "verify:101", Optional.of(prompt)));

    CallbackAnswer answer = world.telegram.callbackAnswers().get(0);
    assertThat(answer.alert()).isTrue();
    assertThat(answer.text()).hasValueSatisfying(t -> assertThat(t).contains("someone else"));
    assertThat(world.telegram.calls())
        .extracting(FakeTelegram.Call::method)
        .containsExactly("answerCallbackQuery");
    assertThat(world.repos.members().find(GROUP.groupId(), ALICE.id()).orElseThrow().isRestricted())
        .isTrue();
  }

  @Test
  void twoPressesAtOnceCauseOneLift() throws Exception {
    MessageId prompt = restrictAlice();
    world.subscribe(ALICE, CHANNEL);
    CountDownLatch firstIsChecking = new CountDownLatch(1);
    CountDownLatch secondIsDone = new CountDownLatch(1);
    world.telegram.beforeEachCall(
        call -> {
          if (call.method().equals("getChatMember")) {
            firstIsChecking.countDown();
            await(secondIsDone);
          }
        });
    ButtonPressed first = world.presses(ALICE, "verify:101", Optional.of(prompt));
    ButtonPressed second = world.presses(ALICE, "verify:101", Optional.of(prompt));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<HandlingResult> one = pool.submit(() -> world.handle(first));
      await(firstIsChecking);
      Future<HandlingResult> two = pool.submit(() -> world.handle(second));
      assertThat(two.get(10, TimeUnit.SECONDS).effects())
          .containsExactly("answered button press: ⏳ Still checking, one moment…");
      secondIsDone.countDown();
      one.get(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    assertThat(world.lifts()).isEqualTo(1);
    assertThat(world.telegram.callbackAnswers()).hasSize(2);
  }

  @Test
  void aSecondPressAfterTheLiftDoesNotLiftAgain() {
    MessageId prompt = restrictAlice();
    world.subscribe(ALICE, CHANNEL);

    world.handle(world.presses(ALICE, "verify:101", Optional.of(prompt)));
    world.handle(world.presses(ALICE, "verify:101", Optional.of(prompt)));

    assertThat(world.lifts()).isEqualTo(1);
    assertThat(world.telegram.callbackAnswers().get(1).text())
        .contains("✅ You're already verified.");
  }

  @Test
  void aQueryTooOldToAnswerStillLifts() {
    MessageId prompt = restrictAlice();
    world.subscribe(ALICE, CHANNEL);
    world.telegram.failNext(
        "answerCallbackQuery",
        new BotApiRejectedException(
            "answerCallbackQuery",
            BotApiRejectedException.Reason.QUERY_TOO_OLD,
            400,
            "Bad Request: query is too old and response timeout expired or query ID is invalid"));

    world.handle(world.presses(ALICE, "verify:101", Optional.of(prompt)));

    assertThat(world.lifts()).isEqualTo(1);
  }

  @Test
  void mergedPromptAcceptsPressesOfEveryUserItNames() {
    world.handle(world.joins(GROUP, ALICE));
    world.handle(world.joins(GROUP, BOB));
    MessageId prompt = world.repos.prompts().naming(GROUP.groupId(), BOB.id()).get(0).message();
    world.subscribe(BOB, CHANNEL);

    world.handle(world.presses(BOB, "verify:any", Optional.of(prompt)));

    assertThat(world.lifts()).isEqualTo(1);
    assertThat(world.repos.prompts().find(GROUP.groupId(), prompt).orElseThrow().users())
        .containsExactly(ALICE.id());
  }

  @Test
  void unknownButtonsAreAnsweredSilently() {
    world.handle(world.presses(ALICE, "something-else", Optional.empty()));

    assertThat(world.telegram.callbackAnswers())
        .containsExactly(
            CallbackAnswer.silent(world.telegram.callbackAnswers().get(0).callbackQueryId()));
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out waiting for a latch");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
