package dev.gmbot.app.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.testkit.simulator.Json;
import dev.gmbot.testkit.simulator.SimUser;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scenarios only the webhook has: the secret, duplicate deliveries, malformed and huge bodies. */
abstract class WebhookScenarios extends ServerScenarios {
  @Override
  ServerUnderTest.Mode mode() {
    return ServerUnderTest.Mode.WEBHOOK;
  }

  @Test
  void registeredItsWebhookWithTheSecretAndAllowedUpdates() {
    var call = it.sim.calls().of("setWebhook").get(0);
    assertThat(call.params().get("url").toString()).endsWith(":" + it.server.port() + "/webhook");
    assertThat(call.params().get("secret_token")).isEqualTo(ServerUnderTest.SECRET);
    assertThat(call.params().get("allowed_updates").toString()).contains("chat_member");
  }

  @Test
  void duplicateDeliveryHasOneEffect() {
    World w = new World().protect();
    SimUser alice = w.user("Alice");
    alice.joins(w.group);
    it.settle();
    int restricts = it.sim.calls().of("restrictChatMember", alice.id()).size();
    assertThat(restricts).isEqualTo(1);
    List<Map<String, Object>> joins =
        it.sim.updates().stream()
            .filter(
                u -> u.containsKey("chat_member") && Json.write(u).contains("\"id\":" + alice.id()))
            .toList();
    assertThat(joins).isNotEmpty();

    for (Map<String, Object> update : joins) {
      HttpResponse<String> again = it.postWebhook(Json.write(update), ServerUnderTest.SECRET);
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.body()).contains("duplicate");
    }

    assertThat(it.sim.calls().of("restrictChatMember", alice.id())).hasSize(restricts);
  }

  @Test
  void wrongOrMissingSecretIsRejectedAndNothingIsProcessed() {
    World w = new World().protect();
    SimUser mallory = w.user("Mallory");
    int callsBefore = it.sim.calls().all().size();
    String forged =
        "{\"update_id\":990000001,\"message\":{\"message_id\":1,\"date\":1700000000,"
            + "\"chat\":{\"id\":"
            + w.group.id()
            + ",\"type\":\"supergroup\",\"title\":\"x\"},\"from\":{\"id\":"
            + mallory.id()
            + ",\"is_bot\":false,\"first_name\":\"M\"},\"text\":\"spam\"}}";

    assertThat(it.postWebhook(forged, "wrong-secret").statusCode()).isEqualTo(401);
    assertThat(it.postWebhook(forged, null).statusCode()).isEqualTo(401);
    assertThat(it.postWebhook(forged, ServerUnderTest.SECRET + "x").statusCode()).isEqualTo(401);

    assertThat(it.sim.calls().all().subList(callsBefore, it.sim.calls().all().size()))
        .noneMatch(c -> c.userId().orElse(0L) == mallory.id());
  }

  @Test
  void malformedBodyIs400AndOversizedBodyIs413() {
    assertThat(it.postWebhook("{not json", ServerUnderTest.SECRET).statusCode()).isEqualTo(400);
    String huge = "{\"update_id\":1,\"pad\":\"" + "x".repeat(2 << 20) + "\"}";
    assertThat(it.postWebhook(huge, ServerUnderTest.SECRET).statusCode()).isEqualTo(413);
  }

  /**
   * Requests held open by a client that stops sending (headers never finished, or a declared
   * Content-Length longer than the body) are closed by the server's idle timeout instead of holding
   * a connection forever. Figure: seconds until the server closed each.
   */
  @Test
  void requestsHeldIncompleteAreClosedByTheServer() throws IOException {
    String[] held = {
      "POST /webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n",
      "POST /webhook HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n"
          + "X-Telegram-Bot-Api-Secret-Token: "
          + ServerUnderTest.SECRET
          + "\r\n\r\n{\"update_id\":"
    };
    for (String start : held) {
      try (Socket socket = new Socket("127.0.0.1", it.server.port())) {
        socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
        socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        long began = System.nanoTime();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        while (in.read(buffer) >= 0) {
          // an answer (408/400) may come before the close: read until the server closes
        }
        Duration open = Duration.ofNanos(System.nanoTime() - began);
        System.err.printf(
            "FAULT | held incomplete request closed by the server after %d ms%n", open.toMillis());
        assertThat(open)
            .as("closed by the server, not by the read timeout")
            .isLessThan(Duration.ofSeconds(60));
      }
    }
  }
}
