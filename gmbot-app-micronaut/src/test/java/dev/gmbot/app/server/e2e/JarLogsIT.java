package dev.gmbot.app.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmbot.testkit.sentry.FakeSentry;
import dev.gmbot.testkit.sentry.SentryEnvelope;
import dev.gmbot.testkit.simulator.AdminRights;
import dev.gmbot.testkit.simulator.Json;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimMessage;
import dev.gmbot.testkit.simulator.SimUser;
import dev.gmbot.testkit.simulator.TelegramSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as it is deployed, in its own process: a full webhook run against the Bot API
 * simulator, with Sentry pointed at a stand-in, read back from the process's output. Every line is
 * one JSON object; each update has a handling line with its id, type, chat, outcome and duration;
 * an update that keeps failing is one Sentry event across its redeliveries; neither the token, the
 * webhook secret nor a message text appears in the log or in what reached Sentry. The sandbox keeps
 * writing text.
 */
class JarLogsIT {
  private static final String SECRET = "jar_Secret-" + Long.toHexString(System.nanoTime());
  private static final Set<String> EVERY_LINE = Set.of("time", "level", "logger", "message");
  private static final Set<String> HANDLING =
      Set.of("updateType", "outcome", "status", "durationMs");
  private static final Pattern TEXT_LINE =
      Pattern.compile(
          "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (TRACE|DEBUG|INFO|WARN|ERROR) \\S+ - .*");

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aWebhookRunLogsJsonLinesAndReportsAFailingUpdateToSentryOnce(@TempDir Path dir) {
    try (TelegramSimulator sim = TelegramSimulator.start();
        FakeSentry sentry = FakeSentry.start()) {
      int port = freePort();
      Map<String, String> env = new HashMap<>();
      env.put("BOT_TOKEN", sim.token());
      env.put("TELEGRAM_API_URL", sim.baseUrl());
      env.put("ENVIRONMENT", "production");
      env.put("WEBHOOK_URL", "http://127.0.0.1:" + port);
      env.put("WEBHOOK_SECRET", SECRET);
      env.put("PORT", Integer.toString(port));
      // A file the test can open beside the server (AUTO_SERVER), to damage one row by hand.
      String database = "jdbc:h2:file:" + dir.resolve("gmbot") + ";AUTO_SERVER=TRUE";
      env.put("DATABASE_URL", database);
      env.put("GMBOT_INSTANCE_ID", "jar-logs");
      env.put("GMBOT_SHUTDOWN_GRACE_SECONDS", "5");
      env.put("SENTRY_DSN", sentry.dsn());

      List<String> texts = new ArrayList<>();
      int status;
      long brokenUpdate = 970_000_001L;
      long[] brokenChat = {0};
      List<Integer> redeliveries = new ArrayList<>();
      JarProcess jar = JarProcess.start(env, dir, "server");
      try (jar) {
        awaitHealthy(jar, port);
        await().atMost(Duration.ofSeconds(20)).until(() -> sim.calls().count("setWebhook") > 0);

        SimUser owner = sim.newUser("Olivia", "olivia");
        SimChat channel = sim.newChannel("Jar News", owner).withUsername("jar_news");
        SimChat group = sim.newSupergroup("Jar Group", owner);
        owner.startsBot();
        channel.withBotAsAdmin(AdminRights.guard());
        group.withBotAsAdmin(AdminRights.guard());
        settle(sim);
        owner.says(group, "/protect @jar_news");
        settle(sim);
        SimUser alice = sim.newUser("Alice", "alice");
        alice.joins(group);
        settle(sim);
        SimMessage prompt =
            ServerScenarios.promptFor(group, alice)
                .orElseThrow(() -> new AssertionError("no prompt"));
        texts.add(prompt.text());
        alice.subscribes(channel);
        alice.presses(prompt, ServerScenarios.verifyButton(prompt).orElseThrow().text());
        settle(sim);
        SimUser bob = sim.newUser("Bob", "bob");
        bob.subscribes(channel);
        bob.joins(group);
        String words = "Bob's private words " + Long.toHexString(System.nanoTime());
        texts.add(words);
        bob.says(group, words);
        settle(sim);
        group.botMessages().forEach(m -> texts.add(m.text()));
        assertThat(group.isMuted(alice)).as("the scenario ran: Alice was released").isFalse();

        // A forged request, and an update the guard cannot handle, delivered as Telegram would:
        // again and again until it is acknowledged. It cannot be handled because someone damaged
        // its group's stored settings by hand: an operator's fault to repair, reported to Sentry.
        long damaged = -1001234500042L;
        damagedGroup(database, damaged, owner.id());
        brokenChat[0] = damaged;
        assertThat(
                post(port, message(brokenUpdate, damaged, owner.id(), "never logged"), "wrong")
                    .statusCode())
            .isEqualTo(401);
        texts.add("never logged");
        String broken =
            message(brokenUpdate, damaged, owner.id(), "a message in the damaged group");
        texts.add("a message in the damaged group");
        do {
          status = post(port, broken, SECRET).statusCode();
          redeliveries.add(status);
        } while (status != 200 && redeliveries.size() < 10);

        await().atMost(Duration.ofSeconds(10)).until(() -> !sentry.events().isEmpty());
        assertThat(jar.stop()).as("a graceful stop").isIn(0, 143);
      }

      assertThat(redeliveries).as("failed, failed, then dropped").containsExactly(500, 500, 200);
      assertThat(sentry.events()).as("one event for the failing update").hasSize(1);
      Map<String, Object> event = sentry.events().get(0);
      assertThat(event.get("environment")).isEqualTo("production");
      assertThat(String.valueOf(event.get("release"))).matches("gmbot@\\d+\\.\\d+\\.\\d+.*");
      assertThat(event.get("tags"))
          .isEqualTo(Map.of("deployable", "server", "update_type", "message", "outcome", "failed"));

      List<Map<String, Object>> lines = new ArrayList<>();
      for (String line : jar.stdoutLines()) {
        Map<String, Object> json = Json.parseObject(line); // throws for anything but one object
        assertThat(json.keySet()).as(line).containsAll(EVERY_LINE);
        lines.add(json);
      }
      assertThat(jar.stderrLines())
          .as("nothing but the JVM's own warnings on stderr")
          .allMatch(l -> l.startsWith("WARNING: "));
      List<Map<String, Object>> handling =
          lines.stream()
              .filter(l -> String.valueOf(l.get("logger")).endsWith(".OutcomeLog"))
              .toList();
      assertThat(handling).allSatisfy(l -> assertThat(l.keySet()).containsAll(HANDLING));
      assertThat(handling)
          .filteredOn(l -> "handled".equals(l.get("outcome")))
          .extracting(l -> l.get("updateType"))
          .contains("message", "chat_member", "callback_query", "my_chat_member");
      assertThat(handling)
          .filteredOn(l -> "handled".equals(l.get("outcome")))
          .allSatisfy(
              l -> {
                assertThat(l.get("updateId")).isInstanceOf(Long.class);
                assertThat(l.get("chatId")).isInstanceOf(Long.class);
                assertThat(l.get("status")).isEqualTo(200L);
              });
      assertThat(handling)
          .filteredOn(l -> Long.valueOf(brokenUpdate).equals(l.get("updateId")))
          .extracting(l -> l.get("outcome"))
          .containsExactly("failed", "failed", "dropped");
      assertThat(handling)
          .filteredOn(l -> Long.valueOf(brokenUpdate).equals(l.get("updateId")))
          .allSatisfy(l -> assertThat(l.get("chatId")).isEqualTo(brokenChat[0]));
      assertThat(handling).anySatisfy(l -> assertThat(l.get("outcome")).isEqualTo("unauthorized"));
      assertThat(lines)
          .anySatisfy(
              l -> {
                assertThat(l.get("level")).isEqualTo("ERROR");
                assertThat(String.valueOf(l.get("stack"))).contains("\n\tat ");
              });

      List<String> output = new ArrayList<>(jar.stdoutLines());
      output.addAll(jar.stderrLines());
      for (SentryEnvelope envelope : sentry.envelopes()) {
        output.add(envelope.text());
      }
      String everything = String.join("\n", output);
      String tokenSecretHalf = sim.token().substring(sim.token().indexOf(':') + 1);
      assertThat(everything)
          .doesNotContain(sim.token())
          .doesNotContain(tokenSecretHalf)
          .doesNotContain(SECRET);
      for (String text : texts) {
        for (String line : text.lines().filter(t -> t.strip().length() > 8).toList()) {
          assertThat(everything).as("a message text in the log").doesNotContain(line.strip());
        }
      }
    }
  }

  /** Also: without {@code SENTRY_DSN}, nothing of Sentry is loaded. */
  @Test
  void textFormatForATerminalAndTheSandboxStaysText(@TempDir Path dir) throws IOException {
    Map<String, String> env = Map.of("GMBOT_LOG_FORMAT", "json");
    JarProcess sandbox = JarProcess.start(env, dir, "sandbox", "--scenario-only", "--port", "0");
    try (sandbox) {
      assertThat(sandbox.await()).isZero();
    }
    assertThat(String.join("\n", sandbox.stdoutLines()))
        .contains("Alice is muted")
        .contains("Alice is released");
    List<String> logLines =
        sandbox.stderrLines().stream().filter(l -> !l.startsWith("WARNING: ")).toList();
    assertThat(logLines).isNotEmpty().allMatch(l -> TEXT_LINE.matcher(l).matches());
    assertThat(logLines)
        .as("the transcript shows the updates: no handling lines")
        .noneMatch(l -> l.contains(" OutcomeLog - update handled"));

    try (TelegramSimulator sim = TelegramSimulator.start()) {
      int port = freePort();
      Map<String, String> text =
          Map.of(
              "BOT_TOKEN", sim.token(),
              "TELEGRAM_API_URL", sim.baseUrl(),
              "PORT", Integer.toString(port),
              "DATABASE_URL", "jdbc:h2:mem:jar_text;DB_CLOSE_DELAY=-1",
              "GMBOT_LOG_FORMAT", "text");
      Path classes = dir.resolve("classes.log");
      JarProcess server =
          JarProcess.start(
              text,
              Files.createDirectories(dir.resolve("server")),
              List.of("-Xlog:class+load=info:file=" + classes),
              "server");
      try (server) {
        awaitHealthy(server, port);
        SimUser owner = sim.newUser("Olivia", "olivia");
        owner.startsBot();
        settle(sim);
        server.stop();
      }
      assertThat(server.stdoutLines()).as("text goes to stderr").isEmpty();
      List<String> lines =
          server.stderrLines().stream().filter(l -> !l.startsWith("WARNING: ")).toList();
      assertThat(lines).allMatch(l -> TEXT_LINE.matcher(l).matches());
      assertThat(lines)
          .anyMatch(
              l -> l.contains(" OutcomeLog - update handled updateId=") && l.contains(" chatId="));
      assertThat(Files.readString(classes))
          .as("without SENTRY_DSN no Sentry class is even loaded")
          .contains("dev.gmbot.app.server.ingest.OutcomeLog")
          .doesNotContain("io.sentry.");
    }
  }

  @Test
  void anInvalidLogFormatStopsStartUpNamingTheVariable(@TempDir Path dir) {
    JarProcess jar =
        JarProcess.start(
            Map.of("BOT_TOKEN", "123456:abcdefghijklmnopqrstuvwxyz", "GMBOT_LOG_FORMAT", "xml"),
            dir,
            "server");
    try (jar) {
      assertThat(jar.await()).isEqualTo(2);
    }
    assertThat(jar.stderrLines())
        .filteredOn(l -> !l.startsWith("WARNING: "))
        .singleElement()
        .asString()
        .startsWith("configuration error: GMBOT_LOG_FORMAT");
  }

  /** A message of this user in this supergroup; a command gets its bot_command entity. */
  private static String message(long updateId, long chat, long from, String text) {
    String entities =
        text.startsWith("/")
            ? ",\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":"
                + text.split(" ")[0].length()
                + "}]"
            : "";
    return "{\"update_id\":"
        + updateId
        + ",\"message\":{\"message_id\":5,\"date\":1700000000,"
        + "\"chat\":{\"id\":"
        + chat
        + ",\"type\":\"supergroup\",\"title\":\"Jar Group\"},"
        + "\"from\":{\"id\":"
        + from
        + ",\"is_bot\":false,\"first_name\":\"Olivia\"},\"text\":\""
        + text
        + "\""
        + entities
        + "}}";
  }

  private HttpResponse<String> post(int port, String body, String secret) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhook"))
            .header("Content-Type", "application/json")
            .header("X-Telegram-Bot-Api-Secret-Token", secret)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitHealthy(JarProcess jar, int port) {
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).GET().build();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              assertThat(jar.alive()).as("the server is running").isTrue();
              try {
                http.send(health, HttpResponse.BodyHandlers.ofString());
                return true;
              } catch (ConnectException e) {
                return false;
              }
            });
  }

  private static void settle(TelegramSimulator sim) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> sim.pendingUpdateCount() == 0);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A protected group whose settings JSON is cut short, written behind the server's back. */
  private static void damagedGroup(String url, long group, long owner) {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.executeUpdate("MERGE INTO owners (user_id) KEY (user_id) VALUES (" + owner + ")");
      st.executeUpdate(
          "INSERT INTO protected_groups (group_id, owner_id, group_title, params) VALUES ("
              + group
              + ", "
              + owner
              + ", 'Damaged', '{\"deleteMessages\":tru')");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
