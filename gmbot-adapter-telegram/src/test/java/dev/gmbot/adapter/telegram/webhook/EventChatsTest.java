package dev.gmbot.adapter.telegram.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.adapter.telegram.MalformedUpdateException;
import dev.gmbot.adapter.telegram.TelegramUpdateDecoder;
import dev.gmbot.port.in.InboundEvent;
import dev.gmbot.testkit.fake.MutableClock;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The chat id the handling log line names, for updates decoded by the real decoder. */
class EventChatsTest {
  private final TelegramUpdateDecoder decoder =
      new TelegramUpdateDecoder(MutableClock.atEpochOfTests());

  private InboundEvent decode(String json) throws MalformedUpdateException {
    return decoder.decode(json).orElseThrow();
  }

  @Test
  void aMessageNamesItsChat() throws Exception {
    InboundEvent event = decode(new String(UpdateProcessorTest.message(1), StandardCharsets.UTF_8));

    assertThat(EventChats.chatOf(event)).hasValue(-1001234567890L);
  }

  @Test
  void aJoinRequestNamesTheChatItWantsToJoin() throws Exception {
    InboundEvent event =
        decode(
            "{\"update_id\":2,\"chat_join_request\":{\"chat\":{\"id\":-1009876543210,"
                + "\"type\":\"supergroup\",\"title\":\"G\"},\"from\":{\"id\":7,\"is_bot\":false,"
                + "\"first_name\":\"Alice\"},\"user_chat_id\":7,\"date\":1700000000}}");

    assertThat(EventChats.chatOf(event)).hasValue(-1009876543210L);
  }

  @Test
  void aButtonPressOnAnInaccessibleMessageNamesNoChat() throws Exception {
    InboundEvent event =
        decode(
            "{\"update_id\":3,\"callback_query\":{\"id\":\"477\",\"from\":{\"id\":7,"
                + "\"is_bot\":false,\"first_name\":\"Alice\"},\"chat_instance\":\"1\","
                + "\"data\":\"verify:7\"}}");

    assertThat(EventChats.chatOf(event)).isEmpty();
  }
}
