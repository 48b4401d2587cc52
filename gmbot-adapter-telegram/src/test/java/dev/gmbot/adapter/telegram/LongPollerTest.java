package dev.gmbot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.squareup.moshi.Moshi;
import dev.gmbot.port.in.BotMemberChanged;
import dev.gmbot.port.in.InboundEvent;
import dev.gmbot.port.in.MembersJoined;
import dev.gmbot.port.in.MessagePosted;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.UserId;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LongPollerTest {
  private static final LongPoller.Settings FAST =
      new LongPoller.Settings(50, 100, Duration.ofMillis(1), Duration.ofMillis(5));

  private final BotApiServer server = new BotApiServer();
  private final TelegramBotApiClient client = new TelegramBotApiClient(server.config());
  private final TelegramUpdateDecoder decoder = new TelegramUpdateDecoder();
  private final List<Long> handled = new CopyOnWriteArrayList<>();
  private final List<InboundEvent> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void tearDown() {
    client.close();
    server.close();
  }

  private LongPoller poller(UpdateHandler handler) {
    return new LongPoller(client, decoder, handler, FAST);
  }

  private UpdateHandler recording() {
    return (id, event) -> {
      handled.add(id);
      events.add(event);
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(RecordedRequest request) {
    try {
      return new Moshi.Builder().build().adapter(Map.class).fromJson(request.getBody().utf8());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String message(long updateId) {
    return "{\"update_id\":"
        + updateId
        + ",\"message\":{\"message_id\":"
        + updateId
        + ",\"date\":1760000000,\"chat\":{\"id\":-1001234567890,\"title\":\"G\",\"type\":\"supergroup\"},"
        + "\"from\":{\"id\":111111111,\"is_bot\":false,\"first_name\":\"Alice\"},\"text\":\"hi\"}}";
  }

  private static String batch(String... updates) {
    return "{\"ok\":true,\"result\":[" + String.join(",", updates) + "]}";
  }

  @Test
  void pollsWithTimeout50AndTheSixUpdateTypesAndConfirmsWhatWasHandled() {
    server.json(200, Fixtures.read("found/getUpdates_bot_added_to_group_then_promoted_real.json"));
    server.json(200, batch());
    LongPoller poller = poller(recording());

    assertThat(poller.pollOnce()).isEqualTo(3);
    assertThat(handled).containsExactly(448152148L, 448152149L, 448152150L);
    assertThat(poller.offset()).isEqualTo(448152151L);

    var added = (BotMemberChanged) events.get(0);
    assertThat(added.before().status()).isEqualTo(MemberStatus.LEFT);
    assertThat(added.after().status()).isEqualTo(MemberStatus.MEMBER);
    assertThat(added.chat().id().value()).isEqualTo(-4008338308L);
    assertThat(added.actor().username()).contains("graffic");
    var joined = (MembersJoined) events.get(1);
    assertThat(joined.members()).hasSize(1);
    assertThat(joined.members().get(0).id()).isEqualTo(UserId.of(6596880317L));
    assertThat(joined.members().get(0).isBot()).isTrue();
    var promoted = (BotMemberChanged) events.get(2);
    assertThat(promoted.after().status()).isEqualTo(MemberStatus.ADMINISTRATOR);
    assertThat(promoted.after().rights().sufficientForGroup()).isTrue();

    Map<String, Object> first = body(server.take());
    assertThat(first)
        .containsEntry("offset", 0.0)
        .containsEntry("timeout", 50.0)
        .containsEntry("limit", 100.0)
        .containsEntry(
            "allowed_updates",
            List.of(
                "message",
                "edited_message",
                "callback_query",
                "chat_member",
                "my_chat_member",
                "chat_join_request"));
    assertThat(poller.pollOnce()).isZero();
    assertThat(body(server.take())).containsEntry("offset", 448152151.0);
  }

  @Test
  void aFailingHandlerLeavesTheUpdateUnconfirmedSoItComesAgain() {
    server.json(200, batch(message(10), message(11), message(12)));
    server.json(200, batch(message(11), message(12)));
    AtomicBoolean failOnce = new AtomicBoolean(true);
    LongPoller poller =
        poller(
            (id, event) -> {
              if (id == 11 && failOnce.getAndSet(false)) {
                throw new IllegalStateException("database down");
              }
              handled.add(id);
            });

    assertThatThrownBy(poller::pollOnce).isInstanceOf(LongPoller.HandlerFailedException.class);
    assertThat(handled).containsExactly(10L);
    assertThat(poller.offset()).isEqualTo(11L);

    assertThat(poller.pollOnce()).isEqualTo(2);
    assertThat(handled).containsExactly(10L, 11L, 12L);
    assertThat(poller.offset()).isEqualTo(13L);
    assertThat(body(server.take())).containsEntry("offset", 0.0);
    assertThat(body(server.take())).containsEntry("offset", 11.0);
  }

  @Test
  void ignoredAndUndecodableUpdatesAreConfirmedAndCounted() {
    server.json(
        200,
        batch(
            "{\"update_id\":20,\"channel_post\":{\"message_id\":1}}",
            "{\"update_id\":21,\"message\":{\"message_id\":1,\"date\":1}}",
            message(22)));
    LongPoller poller = poller(recording());
    assertThat(poller.pollOnce()).isEqualTo(3);
    assertThat(handled).containsExactly(22L);
    assertThat(events.get(0)).isInstanceOf(MessagePosted.class);
    assertThat(poller.offset()).isEqualTo(23L);
    assertThat(poller.undecodableCount()).isEqualTo(1);
    assertThat(decoder.ignoredCounts()).containsEntry("channel_post", 1L);
  }

  @Test
  void longPollReadTimeoutExceedsThePollTimeout() {
    // A 10 s read timeout would cut a 50 s poll: the long-poll client adds the poll timeout.
    assertThat(client.longPollClient(50).readTimeoutMillis()).isEqualTo(60_000);
    assertThat(client.longPollClient(50).connectionPool())
        .isSameAs(client.longPollClient(0).connectionPool());
  }

  @Test
  void runsInTheBackgroundAndCloseCancelsTheWaitingPoll() throws Exception {
    CountDownLatch first = new CountDownLatch(1);
    server.json(200, batch(message(30)));
    server.slow();
    LongPoller poller =
        poller(
            (id, event) -> {
              handled.add(id);
              first.countDown();
            });
    poller.start();
    assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> server.requestCount() == 2);

    poller.close();

    assertThat(poller.isRunning()).isFalse();
    assertThat(handled).containsExactly(30L);
    assertThat(poller.offset()).isEqualTo(31L);
  }

  @Test
  void conflictsAreLoggedInPlainWordsAndRetried() throws Exception {
    server.error(409, Fixtures.read("derived/error_409_webhook_active.json"), null);
    server.error(409, Fixtures.read("derived/error_409_other_getupdates.json"), null);
    server.error(429, Fixtures.read("derived/error_429_retry_after.json").replace("5", "0"), null);
    server.json(200, batch(message(40)));
    server.slow();
    try (LogCapture log = new LogCapture()) {
      LongPoller poller = poller(recording());
      poller.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains(40L));
      poller.close();
      assertThat(log.text())
          .contains("Long polling conflict (409): a webhook is set for this bot")
          .contains("deleteWebhook")
          .contains("Long polling conflict (409): another process is polling this bot")
          .contains("getUpdates: flood wait of 0 s");
    }
  }

  @Test
  void unauthorizedStopsThePoller() {
    server.error(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}", null);
    try (LogCapture log = new LogCapture()) {
      LongPoller poller = poller(recording());
      poller.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> !poller.isRunning());
      poller.close();
      assertThat(log.text()).contains("Long polling stopped: Telegram rejects the bot token");
      assertThat(server.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void settingsAreChecked() {
    assertThatThrownBy(() -> new LongPoller.Settings(51, 100, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LongPoller.Settings(50, 0, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(LongPoller.Settings.DEFAULT.timeoutSeconds()).isEqualTo(50);
  }
}
