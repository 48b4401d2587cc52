package dev.gmbot.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BotMethodTest {
  @Test
  void onlyCallsThatPostOrChangeAMessageAreMessageCalls() {
    Set<BotMethod> messages =
        Stream.of(BotMethod.values()).filter(BotMethod::isMessage).collect(Collectors.toSet());

    assertThat(messages)
        .containsExactlyInAnyOrder(
            BotMethod.SEND_MESSAGE, BotMethod.SEND_PHOTO, BotMethod.EDIT_MESSAGE_TEXT);
    assertThat(EnumSet.complementOf(EnumSet.copyOf(messages)))
        .contains(
            BotMethod.RESTRICT_CHAT_MEMBER,
            BotMethod.DELETE_MESSAGE,
            BotMethod.ANSWER_CALLBACK_QUERY,
            BotMethod.GET_CHAT_MEMBER)
        .noneMatch(BotMethod::isMessage);
  }

  @Test
  void eachConstantIsItsWireNameInUpperSnakeCase() {
    for (BotMethod method : BotMethod.values()) {
      String snake =
          method.wireName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
      assertThat(method.name()).isEqualTo(snake);
    }
  }

  @Test
  void printsAsItsWireName() {
    assertThat(BotMethod.GET_CHAT_ADMINISTRATORS).hasToString("getChatAdministrators");
    assertThat(BotMethod.SEND_MESSAGE.wireName()).isEqualTo("sendMessage");
  }
}
