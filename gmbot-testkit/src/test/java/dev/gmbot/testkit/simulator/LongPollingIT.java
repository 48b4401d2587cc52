package dev.gmbot.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LongPollingIT {
  @RegisterExtension
  static TelegramSimulatorExtension telegram = TelegramSimulatorExtension.start();

  @Test
  void offsetsConfirmUpdatesAndLimitPages() {
    TelegramSimulator sim = telegram.sim();
    BotClient api = new BotClient(sim);
    SimChat group = sim.newSupergroup("G").withBotAsAdmin(AdminRights.guard());
    SimUser alice = sim.newUser("Alice");
    alice.joins(group);
    alice.says(group, "one");
    alice.says(group, "two");

    List<Map<String, Object>> all = api.call("getUpdates").resultList();
    // my_chat_member (bot added), new_chat_members (bot), new_chat_members (alice), two messages
    assertThat(all).hasSize(5);
    assertThat(all.get(0)).containsKey("my_chat_member");
    long first = (Long) all.get(0).get("update_id");
    assertThat(all)
        .extracting(u -> u.get("update_id"))
        .containsExactly(first, first + 1, first + 2, first + 3, first + 4);

    assertThat(api.call("getUpdates").resultList()).hasSize(5); // not confirmed yet
    List<Map<String, Object>> page =
        api.call("getUpdates", Map.of("offset", first + 3, "limit", 1)).resultList();
    assertThat(page).hasSize(1);
    assertThat(page.get(0).get("update_id")).isEqualTo(first + 3);
    assertThat(sim.pendingUpdateCount()).isEqualTo(2);
    assertThat(api.get("getUpdates", "offset=-1").resultList())
        .extracting(u -> u.get("update_id"))
        .containsExactly(first + 4);
    assertThat(api.call("getUpdates", Map.of("offset", first + 5)).resultList()).isEmpty();
  }

  @Test
  void chatMemberOnlyWhenExplicitlyAllowed(TelegramSimulator sim) {
    BotClient api = new BotClient(sim);
    SimChat group = sim.newSupergroup("G").withBotAsAdmin(AdminRights.guard());
    SimUser alice = sim.newUser("Alice");
    alice.joins(group);
    assertThat(sim.updates("chat_member")).isEmpty();
    api.call(
        "getUpdates",
        Map.of("allowed_updates", List.of("message", "chat_member", "callback_query")));
    SimUser bob = sim.newUser("Bob");
    bob.joins(group);
    List<Map<String, Object>> cm = sim.updates("chat_member");
    assertThat(cm).hasSize(1);
    assertThat(Json.write(cm.get(0)))
        .contains("\"old_chat_member\":{\"user\":")
        .contains("\"status\":\"left\"}");
  }

  @Test
  void longPollWakesOnNewUpdateAndConflictsAreReported() throws Exception {
    TelegramSimulator sim = telegram.sim();
    BotClient api = new BotClient(sim);
    SimUser alice = sim.newUser("Alice");
    CompletableFuture<BotClient.Resp> poll =
        CompletableFuture.supplyAsync(() -> api.call("getUpdates", Map.of("timeout", 30)));
    org.awaitility.Awaitility.await()
        .until(() -> sim.calls().count("getUpdates") == 0 && pollerWaiting(sim));
    alice.startsBot();
    BotClient.Resp r = poll.get(10, TimeUnit.SECONDS);
    assertThat(r.resultList()).hasSize(1);
    assertThat(Json.write(r.resultList().get(0))).contains("\"text\":\"/start\"");

    long next = (Long) r.resultList().get(0).get("update_id") + 1;
    CompletableFuture<BotClient.Resp> older =
        CompletableFuture.supplyAsync(
            () -> api.call("getUpdates", Map.of("offset", next, "timeout", 30)));
    org.awaitility.Awaitility.await().until(() -> pollerWaiting(sim));
    BotClient.Resp newer = api.call("getUpdates", Map.of("offset", next, "timeout", 0));
    assertThat(newer.ok()).isTrue();
    BotClient.Resp terminated = older.get(10, TimeUnit.SECONDS);
    assertThat(terminated.status()).isEqualTo(409);
    assertThat(terminated.raw())
        .isEqualTo(
            "{\"ok\":false,\"error_code\":409,\"description\":\"Conflict: terminated by other getUpdates request; make sure that only one bot instance is running\"}");

    api.call("setWebhook", Map.of("url", "http://127.0.0.1:9/hook"));
    BotClient.Resp withWebhook = api.call("getUpdates");
    assertThat(withWebhook.status()).isEqualTo(409);
    assertThat(withWebhook.description())
        .isEqualTo(
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
  }

  private static boolean pollerWaiting(TelegramSimulator sim) {
    return sim.inWorld(w -> w.lock.hasWaiters(w.updatesChanged));
  }
}
