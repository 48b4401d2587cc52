package dev.gmbot.app.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.testkit.simulator.Json;
import dev.gmbot.testkit.simulator.SimUser;
import java.net.http.HttpResponse;
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
}
