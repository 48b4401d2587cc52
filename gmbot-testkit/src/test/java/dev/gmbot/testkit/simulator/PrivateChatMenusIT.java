package dev.gmbot.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deep links, inline keyboards, presses and edits in the private chat with the bot (menus). */
class PrivateChatMenusIT {
  @RegisterExtension
  static TelegramSimulatorExtension telegram = TelegramSimulatorExtension.start();

  TelegramSimulator sim;
  BotClient api;

  @BeforeEach
  void open() {
    sim = telegram.sim();
    api = new BotClient(sim);
  }

  @Test
  void aDeepLinkStartsTheBotWithItsPayloadAsACommand() {
    SimUser olga = sim.newUser("Olga");

    SimMessage start = olga.opens("https://t.me/group_guard_bot?start=s-abc_123");

    assertThat(start.text()).isEqualTo("/start s-abc_123");
    assertThat(start.chatId()).isEqualTo(olga.id());
    Map<String, Object> message = sim.updates("message").get(0);
    assertThat(Json.write(message))
        .contains("\"type\":\"private\"")
        .contains("\"text\":\"/start s-abc_123\"")
        .contains("\"entities\":[{\"offset\":0,\"length\":6,\"type\":\"bot_command\"}]");
    assertThat(api.call("sendMessage", Map.of("chat_id", olga.id(), "text", "Welcome")).ok())
        .isTrue();
  }

  @Test
  void aLinkOfAnotherBotOrAPayloadTelegramRefusesIsNotOpened() {
    SimUser olga = sim.newUser("Olga");

    assertThatThrownBy(() -> olga.opens("https://t.me/other_bot?start=x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> olga.opens("https://t.me/group_guard_bot?start=a b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMenuInPrivateIsPressedAndEditedInPlace() {
    SimUser olga = sim.newUser("Olga");
    olga.startsBot();
    Map<String, Object> keyboard =
        Map.of(
            "inline_keyboard",
            List.of(List.of(Map.of("text", "📢 Channels", "callback_data", "m:c:-abc"))));
    api.call(
        "sendMessage", Map.of("chat_id", olga.id(), "text", "⚙️ Fans", "reply_markup", keyboard));
    SimMessage menu = olga.privateChat().lastBotMessage().orElseThrow();

    String query = olga.presses(menu, "📢 Channels");

    List<Map<String, Object>> presses = sim.updates("callback_query");
    assertThat(presses).hasSize(1);
    assertThat(Json.write(presses.get(0)))
        .contains("\"data\":\"m:c:-abc\"")
        .contains("\"type\":\"private\"");
    assertThat(api.call("answerCallbackQuery", Map.of("callback_query_id", query)).ok()).isTrue();
    Map<String, Object> back =
        Map.of(
            "inline_keyboard",
            List.of(List.of(Map.of("text", "⬅️ Back", "callback_data", "m:g:-abc"))));
    assertThat(
            api.call(
                    "editMessageText",
                    Map.of(
                        "chat_id",
                        olga.id(),
                        "message_id",
                        menu.messageId(),
                        "text",
                        "📢 Channels of Fans",
                        "reply_markup",
                        back))
                .ok())
        .isTrue();
    SimMessage edited = olga.privateChat().lastBotMessage().orElseThrow();
    assertThat(edited.messageId()).isEqualTo(menu.messageId());
    assertThat(edited.edited()).isTrue();
    assertThat(edited.text()).isEqualTo("📢 Channels of Fans");
    assertThat(edited.button("⬅️ Back")).isPresent();
    assertThat(olga.privateChat().botMessages()).hasSize(1);
    assertThat(sim.callbackAnswer(query)).contains("");
  }

  @Test
  void aTextToTheBotIsAPlainMessageInThePrivateChat() {
    SimUser olga = sim.newUser("Olga");
    assertThatThrownBy(() -> olga.tellsBot("hello")).isInstanceOf(IllegalStateException.class);
    olga.startsBot();

    SimMessage text = olga.tellsBot("Join @news first!");

    assertThat(text.chatId()).isEqualTo(olga.id());
    List<Map<String, Object>> messages = sim.updates("message");
    assertThat(Json.write(messages.get(messages.size() - 1)))
        .contains("\"text\":\"Join @news first!\"")
        .doesNotContain("bot_command");
  }
}
