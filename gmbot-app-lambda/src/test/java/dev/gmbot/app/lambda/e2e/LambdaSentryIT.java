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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
  private static final long BROKEN_GROUP = -1001234500042L;

  /** A protected group whose settings JSON is cut short, written behind the function's back. */
  static void damagedGroup(String url, long group) {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.executeUpdate("INSERT INTO owners (user_id) VALUES (77)");
      st.executeUpdate(
          "INSERT INTO protected_groups (group_id, owner_id, group_title, params) VALUES ("
              + group
              + ", 77, 'Broken', '{\"deleteMessages\":tru')");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anUpdateFailingOnEveryDeliveryIsOneSentryEvent() {
    List<String> stdout = new CopyOnWriteArrayList<>();
    List<Integer> statuses = new ArrayList<>();
    String token;
    String database = "jdbc:h2:mem:lambda-sentry-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
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
                  database,
                  "SENTRY_DSN",
                  sentry.dsn(),
                  "SENTRY_ENVIRONMENT",
                  "lambda-staging"));
      LambdaComponent graph = LambdaRuntime.graph(config, Clock.systemUTC(), stdout::add);
      try {
        // A group whose stored settings someone damaged by hand: every update of it fails
        // unexpectedly (an operator must repair the row), and is dropped after its retries.
        String quiet =
            "{\"update_id\":880000000,\"message\":{\"message_id\":4,\"date\":1700000000,"
                + "\"chat\":{\"id\":-1001234500043,\"type\":\"supergroup\",\"title\":\"Q\"},"
                + "\"from\":{\"id\":78,\"is_bot\":false,\"first_name\":\"Quinn\"},\"text\":\"hi\"}}";
        assertThat(
                LambdaEvents.invoke(
                        Kind.FUNCTION_URL_V2,
                        LambdaEvents.withBody(Kind.FUNCTION_URL_V2, quiet),
                        graph.webhookFunction())
                    .status())
            .as("an update of a group nobody protected: the database is ready after it")
            .isEqualTo(200);
        damagedGroup(database, BROKEN_GROUP);
        String broken =
            "{\"update_id\":880000001,\"message\":{\"message_id\":5,\"date\":1700000000,"
                + "\"chat\":{\"id\":"
                + BROKEN_GROUP
                + ",\"type\":\"supergroup\",\"title\":\"Broken\"},"
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
    // One write may carry several lines (the metric documents of an invocation come together).
    for (String line : String.join("\n", stdout).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      Map<String, Object> json;
      try {
        json = Json.parseObject(line);
      } catch (RuntimeException notJson) {
        throw new AssertionError("not one JSON object: " + line, notJson);
      }
      if (String.valueOf(json.get("message")).startsWith("update ")
          && !Long.valueOf(880000000L).equals(json.get("updateId"))) {
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
                    .containsEntry("chatId", BROKEN_GROUP)
                    .containsKeys("status", "durationMs"));
    assertThat(String.join("\n", stdout))
        .doesNotContain(token)
        .doesNotContain(LambdaEvents.SECRET)
        .doesNotContain(TEXT);
  }
}
