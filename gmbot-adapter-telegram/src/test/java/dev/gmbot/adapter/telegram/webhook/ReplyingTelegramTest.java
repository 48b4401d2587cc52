package dev.gmbot.adapter.telegram.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.model.CallbackAnswer;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.BotApiRejectedException;
import dev.gmbot.port.out.BotMethod;
import dev.gmbot.port.out.TransientBotApiException;
import dev.gmbot.testkit.fake.FakeTelegram;
import dev.gmbot.testkit.fake.FakeTelegram.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ReplyingTelegramTest {
  private static final GroupId GROUP = GroupId.of(-1001234567890L);
  private static final UserId ALICE = new UserId(111111111L);
  private final FakeTelegram telegram = FakeTelegram.withDefaultBot();
  private final List<String> dropped = new ArrayList<>();
  private final WebhookReplySlot slot = new WebhookReplySlot(true, dropped::add);
  private final ReplyingTelegram ports =
      new ReplyingTelegram(slot, telegram, telegram, telegram, telegram, telegram);

  private List<String> sent() {
    return telegram.calls().stream().map(Call::method).toList();
  }

  @Test
  void aLastCallbackAnswerTravelsInTheResponse() {
    slot.begin();
    ports.answerCallback(CallbackAnswer.alert("q1", "Join @linked_channel first"));

    assertThat(slot.finish())
        .map(BotMethodCall::toJson)
        .contains(
            "{\"method\":\"answerCallbackQuery\",\"callback_query_id\":\"q1\","
                + "\"text\":\"Join @linked_channel first\",\"show_alert\":true}");
    assertThat(sent()).isEmpty();
    assertThat(slot.repliedCalls()).isEqualTo(1);
  }

  @Test
  void aHeldCallIsSentBeforeALaterWriteSoTheOrderIsKept() {
    slot.begin();
    ports.answerCallback(CallbackAnswer.toast("q1", "Verified"));
    ports.lift(GROUP, ALICE);

    assertThat(slot.finish()).isEmpty();
    assertThat(sent()).containsExactly("answerCallbackQuery", "restrictChatMember");
  }

  @Test
  void readsDoNotFlushAHeldCall() {
    telegram.addChat(dev.gmbot.port.model.ChatRef.group(GROUP.chat().value(), "G"));
    slot.begin();
    ports.deleteMessage(GROUP.chat(), MessageId.of(42));
    ports.getChatMember(GROUP.chat(), ALICE);

    assertThat(slot.finish())
        .map(BotMethodCall::toJson)
        .contains("{\"method\":\"deleteMessage\",\"chat_id\":-1001234567890,\"message_id\":42}");
    assertThat(sent()).containsExactly("getChatMember");
  }

  @Test
  void onlyTheLastOfSeveralFireAndForgetCallsIsHeld() {
    slot.begin();
    ports.deleteMessage(GROUP.chat(), MessageId.of(42));
    ports.answerCallback(CallbackAnswer.silent("q1"));

    assertThat(slot.finish()).map(BotMethodCall::method).contains(BotMethod.ANSWER_CALLBACK_QUERY);
    assertThat(sent()).containsExactly("deleteMessage");
  }

  @Test
  void outsideAnInvocationOrWhenDisabledCallsGoOutAtOnce() {
    ports.answerCallback(CallbackAnswer.silent("q0"));
    WebhookReplySlot off = new WebhookReplySlot(false, dropped::add);
    ReplyingTelegram direct =
        new ReplyingTelegram(off, telegram, telegram, telegram, telegram, telegram);
    off.begin();
    direct.answerCallback(CallbackAnswer.silent("q1"));

    assertThat(off.finish()).isEmpty();
    assertThat(sent()).containsExactly("answerCallbackQuery", "answerCallbackQuery");
  }

  @Test
  void aTransientFailureOfTheHeldCallFailsTheWriteAndKeepsTheCallForItsRetry() {
    telegram.failNext(
        "answerCallbackQuery",
        new TransientBotApiException("answerCallbackQuery", "timeout", OptionalInt.empty(), null));
    slot.begin();
    ports.answerCallback(CallbackAnswer.silent("q1"));

    assertThatThrownBy(() -> ports.lift(GROUP, ALICE)).isInstanceOf(TransientBotApiException.class);
    ports.lift(GROUP, ALICE);

    assertThat(slot.finish()).isEmpty();
    assertThat(sent())
        .containsExactly("answerCallbackQuery", "answerCallbackQuery", "restrictChatMember");
  }

  @Test
  void aRefusedHeldCallIsDroppedAndTheWriteProceeds() {
    telegram.failNext(
        "answerCallbackQuery",
        new BotApiRejectedException(
            "answerCallbackQuery",
            BotApiRejectedException.Reason.QUERY_TOO_OLD,
            400,
            "Bad Request: query is too old and response timeout expired or query ID is invalid"));
    slot.begin();
    ports.answerCallback(CallbackAnswer.silent("q1"));
    ports.restrict(GROUP, ALICE);

    assertThat(slot.finish()).isEmpty();
    assertThat(dropped).containsExactly("answerCallbackQuery");
    assertThat(sent()).containsExactly("answerCallbackQuery", "restrictChatMember");
  }

  @Test
  void aFailedInvocationDropsTheHeldCall() {
    slot.begin();
    ports.answerCallback(CallbackAnswer.silent("q1"));
    slot.discard();

    assertThat(slot.finish()).isEmpty();
    assertThat(sent()).isEmpty();
  }

  @Test
  void refusesGetMethods() {
    assertThatThrownBy(() -> new BotMethodCall(BotMethod.GET_CHAT_MEMBER, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(BotMethodCall.deleteMessage(new ChatId(-5), MessageId.of(1)).method())
        .isEqualTo(BotMethod.DELETE_MESSAGE);
  }
}
