package dev.gmbot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.BotApiException;
import dev.gmbot.port.out.GuardMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every HTTP request to the Bot API is reported exactly once, with its outcome and latency. */
class ApiCallOutcomeTest {
  private static final ChatId CHANNEL = ChatId.of(-1009876543210L);
  private static final GroupId GROUP = GroupId.of(-1001234567890L);
  private static final UserId ALICE = UserId.of(111111111L);

  /** What the transport reported, in order. */
  private static final class Reported implements GuardMetrics {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<Duration> latencies = new CopyOnWriteArrayList<>();
    final List<String> legacy = new CopyOnWriteArrayList<>();

    @Override
    public void apiCall(String method) {
      legacy.add(method);
    }

    @Override
    public void apiCall(String method, String outcome, Duration latency) {
      calls.add(method + " " + outcome);
      latencies.add(latency);
    }
  }

  private final BotApiServer server = new BotApiServer();
  private final Reported metrics = new Reported();
  private final TelegramBotApiClient client = new TelegramBotApiClient(server.config(), metrics);
  private final TelegramBotApi api = new TelegramBotApi(client);

  @AfterEach
  void tearDown() {
    client.close();
    server.close();
  }

  @Test
  void successIsOk() {
    server.json(200, Fixtures.read("derived/response_getChatMember_left.json"));

    assertThat(api.getChatMember(CHANNEL, ALICE).status()).isEqualTo(MemberStatus.LEFT);

    assertThat(metrics.calls).containsExactly("getChatMember ok");
    assertThat(metrics.latencies).allSatisfy(d -> assertThat(d).isPositive());
    assertThat(metrics.legacy).as("the three-argument form replaces the old one").isEmpty();
  }

  @Test
  void refusalsAreCountedByKind() {
    server.error(
        400,
        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: user not found\"}",
        null);
    server.error(
        403,
        "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was kicked from the"
            + " supergroup chat\"}",
        null);
    server.error(
        400,
        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: group chat was upgraded"
            + " to a supergroup chat\",\"parameters\":{\"migrate_to_chat_id\":-1001111111111}}",
        null);

    assertThatThrownBy(() -> api.restrict(GROUP, ALICE)).isInstanceOf(BotApiException.class);
    assertThatThrownBy(() -> api.restrict(GROUP, ALICE)).isInstanceOf(BotApiException.class);
    assertThatThrownBy(() -> api.restrict(GROUP, ALICE)).isInstanceOf(BotApiException.class);

    assertThat(metrics.calls)
        .containsExactly(
            "restrictChatMember 4xx_member_not_found",
            "restrictChatMember 4xx_bot_kicked",
            "restrictChatMember 4xx_migrated");
  }

  @Test
  void floodWaitIs429() {
    server.error(
        429,
        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\","
            + "\"parameters\":{\"retry_after\":7}}",
        "7");

    assertThatThrownBy(() -> api.restrict(GROUP, ALICE)).isInstanceOf(BotApiException.class);

    assertThat(metrics.calls).containsExactly("restrictChatMember 429");
  }

  @Test
  void aRetriedReadIsTwoRequests() {
    server.error(502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}", null);
    server.json(200, Fixtures.read("derived/response_getChatMember_left.json"));

    api.getChatMember(CHANNEL, ALICE);

    assertThat(server.requestCount()).isEqualTo(2);
    assertThat(metrics.calls).containsExactly("getChatMember 5xx", "getChatMember ok");
  }

  @Test
  void aMalformedSuccessIsABadResponse() {
    server.json(200, "<html>a proxy's page</html>");
    server.json(200, "{\"ok\":true}"); // no result

    assertThatThrownBy(() -> api.getChatMember(CHANNEL, ALICE)).isInstanceOf(BotApiException.class);

    assertThat(metrics.calls)
        .containsExactly("getChatMember bad_response", "getChatMember bad_response");
  }

  @Test
  void noAnswerInTimeIsATimeout() {
    try (TelegramBotApiClient impatient =
        new TelegramBotApiClient(server.config(Duration.ofMillis(300)), metrics)) {
      server.slow();
      server.slow();

      assertThatThrownBy(() -> new TelegramBotApi(impatient).getChatMember(CHANNEL, ALICE))
          .isInstanceOf(BotApiException.class);
    }

    assertThat(metrics.calls).containsExactly("getChatMember timeout", "getChatMember timeout");
  }

  @Test
  void aDroppedConnectionIsANetworkFailure() {
    List<String> script = new ArrayList<>();
    script.add(null);
    try (DroppingServer dropping = new DroppingServer(script);
        TelegramBotApiClient flaky =
            new TelegramBotApiClient(server.config().withBaseUrl(dropping.url()), metrics)) {
      assertThatThrownBy(() -> new TelegramBotApi(flaky).restrict(GROUP, ALICE))
          .isInstanceOf(BotApiException.class);
    }

    assertThat(metrics.calls).containsExactly("restrictChatMember network");
  }
}
