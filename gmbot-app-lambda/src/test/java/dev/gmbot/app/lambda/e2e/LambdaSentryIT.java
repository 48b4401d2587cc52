package dev.gmbot.app.lambda.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.app.lambda.LambdaComponent;
import dev.gmbot.app.lambda.LambdaEvents;
import dev.gmbot.app.lambda.LambdaEvents.Kind;
import dev.gmbot.app.lambda.LambdaRuntime;
import dev.gmbot.app.lambda.config.LambdaConfig;
import dev.gmbot.testkit.sentry.FakeSentry;
import dev.gmbot.testkit.sentry.SentryEnvelope;
import dev.gmbot.testkit.simulator.Json;
import dev.gmbot.testkit.simulator.TelegramSimulator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The function with {@code SENTRY_DSN} pointed at a stand-in for Sentry on loopback: an update that
 * fails unexpectedly on every delivery is one event, sent before the invocation returned, with the
 * release, the environment and the update type; neither the token nor the secret reaches Sentry or
 * the log, and every log line is JSON with the handling fields.
 */
class LambdaSentryIT {
  private static final String TEXT = "a message text nobody may read in a log";

  @Test
  void anUpdateFailingOnEveryDeliveryIsOneSentryEvent() {
    List<String> stdout = new CopyOnWriteArrayList<>();
    List<Integer> statuses = new ArrayList<>();
    String token;
    try (TelegramSimulator sim = TelegramSimulator.start();
        FakeSentry sentry = FakeSentry.start()) {
      token = sim.token();
      LambdaConfig config =
          LambdaConfig.fromEnvironment(
              Map.of(
                  "BOT_TOKEN",
                  sim.token(),
                  "WEBHOOK_SECRET",
                  LambdaEvents.SECRET,
                  "TELEGRAM_API_URL",
                  sim.baseUrl(),
                  "DATABASE_URL",
                  "jdbc:h2:mem:lambda-sentry-" + System.nanoTime(),
                  "SENTRY_DSN",
                  sentry.dsn(),
                  "SENTRY_ENVIRONMENT",
                  "lambda-staging"));
      LambdaComponent graph = LambdaRuntime.graph(config, Clock.systemUTC(), stdout::add);
      try {
        // A supergroup with a positive id: decodable, but no group the guard can name.
        String broken =
            "{\"update_id\":880000001,\"message\":{\"message_id\":5,\"date\":1700000000,"
                + "\"chat\":{\"id\":4242,\"type\":\"supergroup\",\"title\":\"Broken\"},"
                + "\"from\":{\"id\":77,\"is_bot\":false,\"first_name\":\"Eve\"},\"text\":\""
                + TEXT
                + "\"}}";
        String event = LambdaEvents.withBody(Kind.FUNCTION_URL_V2, broken);
        int status;
        do {
          status =
              LambdaEvents.invoke(Kind.FUNCTION_URL_V2, event, graph.webhookFunction()).status();
          statuses.add(status);
          if (statuses.size() == 1) {
            assertThat(sentry.events()).as("sent before the invocation returned").hasSize(1);
          }
        } while (status != 200 && statuses.size() < 10);
      } finally {
        graph.resources().close();
      }

      assertThat(statuses).containsExactly(500, 500, 200);
      assertThat(sentry.events()).hasSize(1);
      Map<String, Object> event = sentry.events().get(0);
      assertThat(event.get("environment")).isEqualTo("lambda-staging");
      assertThat(String.valueOf(event.get("release"))).matches("gmbot@\\d+\\.\\d+\\.\\d+.*");
      assertThat(event.get("tags"))
          .isEqualTo(Map.of("deployable", "lambda", "update_type", "message", "outcome", "failed"));
      for (SentryEnvelope envelope : sentry.envelopes()) {
        assertThat(envelope.text())
            .doesNotContain(token)
            .doesNotContain(token.substring(token.indexOf(':') + 1))
            .doesNotContain(LambdaEvents.SECRET)
            .doesNotContain(TEXT);
      }
    }

    List<Map<String, Object>> handling = new ArrayList<>();
    for (String line : stdout) {
      Map<String, Object> json = Json.parseObject(line);
      if (String.valueOf(json.get("message")).startsWith("update ")) {
        handling.add(json);
      }
    }
    assertThat(handling)
        .extracting(l -> l.get("outcome"))
        .containsExactly("failed", "failed", "dropped");
    assertThat(handling)
        .allSatisfy(
            l ->
                assertThat(l)
                    .containsEntry("updateId", 880000001L)
                    .containsEntry("updateType", "message")
                    .containsEntry("chatId", 4242L)
                    .containsKeys("status", "durationMs"));
    assertThat(String.join("\n", stdout))
        .doesNotContain(token)
        .doesNotContain(LambdaEvents.SECRET)
        .doesNotContain(TEXT);
  }
}
