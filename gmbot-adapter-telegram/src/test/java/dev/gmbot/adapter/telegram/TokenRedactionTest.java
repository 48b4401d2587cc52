package dev.gmbot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.UserId;
import dev.gmbot.testkit.fake.RecordingMetrics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The token is in every request path; no log line, exception or metric label may contain it. */
class TokenRedactionTest {
  private static final String TOKEN = BotApiServer.TOKEN;
  private static final String SECRET_PART = TOKEN.substring(TOKEN.indexOf(':') + 1);

  private final List<Throwable> failures = new ArrayList<>();

  private void capture(Supplier<Object> call) {
    Throwable failure = catchThrowable(call::get);
    assertThat(failure).as("the call must fail").isNotNull();
    failures.add(failure);
  }

  private static String everything(Throwable failure) {
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    return failure + "\n" + failure.getMessage() + "\n" + out;
  }

  @Test
  void noFailingCallLeaksTheToken() throws Exception {
    RecordingMetrics metrics = new RecordingMetrics();
    try (LogCapture log = new LogCapture();
        BotApiServer server = new BotApiServer()) {
      TelegramBotApi api = new TelegramBotApi(new TelegramBotApiClient(server.config(), metrics));

      // Telegram-style errors, one whose description even echoes the request path (a proxy).
      server.error(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}", null);
      capture(api::me);
      server.error(
          404,
          "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: /bot"
              + TOKEN
              + "/getChat\"}",
          null);
      capture(() -> api.getChat(ChatId.of(-1001234567890L)));
      server.error(500, "<html>/bot" + TOKEN + "/restrictChatMember failed</html>", null);
      capture(
          () -> {
            api.restrict(GroupId.of(-1001234567890L), UserId.of(1));
            return null;
          });
      server.error(429, Fixtures.read("derived/error_429_retry_after.json"), "5");
      capture(() -> api.send(ChatId.of(-1001234567890L), OutgoingMessage.text("x")));

      // Timeouts (read twice: a read is retried once).
      try (TelegramBotApiClient impatient =
          new TelegramBotApiClient(server.config(Duration.ofMillis(200)), metrics)) {
        server.slow();
        server.slow();
        capture(() -> new TelegramBotApi(impatient).getChatMember(ChatId.of(-1001L), UserId.of(1)));
      }

      // A dropped connection and a refused one.
      try (DroppingServer dropping = new DroppingServer(List.of());
          TelegramBotApiClient flaky =
              new TelegramBotApiClient(server.config().withBaseUrl(dropping.url()), metrics)) {
        capture(() -> new TelegramBotApi(flaky).send(ChatId.of(1), OutgoingMessage.text("x")));
      }
      int closedPort;
      try (ServerSocket probe = new ServerSocket(0)) {
        closedPort = probe.getLocalPort();
      }
      try (TelegramBotApiClient refused =
          new TelegramBotApiClient(
              server.config().withBaseUrl(URI.create("http://127.0.0.1:" + closedPort)), metrics)) {
        capture(() -> new TelegramBotApi(refused).me());
      }

      // The poller's failure paths log too.
      server.error(409, Fixtures.read("derived/error_409_webhook_active.json"), null);
      server.error(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}", null);
      try (TelegramBotApiClient pollClient = new TelegramBotApiClient(server.config(), metrics)) {
        LongPoller poller =
            new LongPoller(
                pollClient,
                new TelegramUpdateDecoder(),
                (id, event) -> {},
                new LongPoller.Settings(1, 100, Duration.ZERO, Duration.ZERO));
        poller.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !poller.isRunning());
        poller.close();
      }

      String logs = log.text();
      assertThat(logs).contains("getMe", "restrictChatMember", "getUpdates", "Long polling");
      assertThat(logs).doesNotContain(TOKEN).doesNotContain(SECRET_PART);
      assertThat(failures).hasSize(7);
      for (Throwable failure : failures) {
        assertThat(everything(failure)).doesNotContain(SECRET_PART);
      }
      assertThat(everything(failures.get(1))).contains("<token>");
      assertThat(metrics.snapshot().keySet().toString()).doesNotContain(SECRET_PART);
    }
  }

  @Test
  void configToStringMasksTheToken() {
    assertThat(TelegramClientConfig.of(TOKEN).toString()).doesNotContain(SECRET_PART);
    assertThat(new TelegramBotApiClient(TelegramClientConfig.of(TOKEN)).toString())
        .doesNotContain(SECRET_PART);
  }
}
