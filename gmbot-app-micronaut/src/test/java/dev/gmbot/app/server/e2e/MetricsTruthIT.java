package dev.gmbot.app.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmbot.testkit.simulator.AdminRights;
import dev.gmbot.testkit.simulator.ApiCall;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The metrics tell the truth: scripted traffic through the simulator (joins, a 5xx, a 429, a
 * demoted bot), then every Bot API request the simulator answered is in {@code bot_api_calls_total}
 * exactly once, under the outcome its answer deserves, and the update, pause, sweep and health
 * series show exactly what happened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTruthIT {
  private ServerUnderTest it;

  @BeforeAll
  void start() {
    it =
        ServerUnderTest.start(
            ServerUnderTest.Mode.WEBHOOK,
            ServerUnderTest.Backend.H2_IN_PROCESS,
            Map.of("GMBOT_PROMPT_SWEEP_SECONDS", "1"));
  }

  @AfterAll
  void stop() {
    if (it != null) {
      it.close();
    }
  }

  private Scrape scrape() {
    return Scrape.parse(it.get("/metrics").body());
  }

  /** What the simulator answered, by method and outcome class (ok, 4xx, 429, 5xx, network). */
  private Map<String, Long> simulatorCounts() {
    Map<String, Long> counts = new TreeMap<>();
    for (ApiCall call : it.sim.calls().all()) {
      counts.merge(call.method() + " " + outcomeClass(call), 1L, Long::sum);
    }
    return counts;
  }

  private static String outcomeClass(ApiCall call) {
    int status = call.httpStatus();
    if (status == 0) {
      return "network";
    }
    if (status == 200 && call.ok()) {
      return "ok";
    }
    if (status == 429) {
      return "429";
    }
    return status >= 500 ? "5xx" : "4xx";
  }

  /** The server's counters, by method and outcome class (every 4xx_<kind> is a 4xx). */
  private static Map<String, Long> serverCounts(Scrape scrape) {
    return scrape.countsBy(
        "bot_api_calls_total",
        labels -> {
          String outcome = labels.get("outcome");
          return labels.get("method") + " " + (outcome.startsWith("4xx_") ? "4xx" : outcome);
        });
  }

  @Test
  void everyBotApiRequestIsCountedOnceUnderItsOutcome() {
    SimUser owner = it.sim.newUser("Owner", "owner_truth");
    SimChat channel = it.sim.newChannel("Truth News", owner).withUsername("truth_news");
    SimChat group = it.sim.newSupergroup("Truth Group", owner);
    owner.startsBot();
    channel.withBotAsAdmin(AdminRights.guard());
    group.withBotAsAdmin(AdminRights.guard());
    it.settle();
    owner.says(group, "/protect @truth_news");
    it.settle();

    // Alice is not subscribed: muted and prompted. Her membership check first meets a 502 (the
    // client retries the read once), her prompt a 429 (the scheduler pauses the chat and retries).
    it.sim.faults().failNext("getChatMember", 1, 502).failNext("sendMessage", 1, 429);
    SimUser alice = it.sim.newUser("Alice", "alice_truth");
    alice.joins(group);
    it.settle();
    // Bob is subscribed: left alone.
    SimUser bob = it.sim.newUser("Bob", "bob_truth");
    bob.subscribes(channel);
    bob.joins(group);
    it.settle();
    assertThat(group.isMuted(alice)).isTrue();
    assertThat(group.isMuted(bob)).isFalse();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(serverCounts(scrape())).isEqualTo(simulatorCounts()));

    Scrape scrape = scrape();
    assertThat(
            scrape.value(
                "bot_api_calls_total", Map.of("method", "restrictChatMember", "outcome", "ok")))
        .as("Alice, and nobody else, was muted")
        .isEqualTo(1);
    assertThat(
            scrape.value(
                "bot_api_calls_total", Map.of("method", "getChatMember", "outcome", "5xx")))
        .isEqualTo(1);
    assertThat(
            scrape.value("bot_api_calls_total", Map.of("method", "sendMessage", "outcome", "429")))
        .isEqualTo(1);
    assertThat(scrape.value("bot_rate_limit_pauses_total", Map.of("scope", "chat")))
        .as("the 429 paused the group's chat once")
        .isEqualTo(1);
    assertThat(scrape.value("bot_rate_limit_pauses_total", Map.of("scope", "global"))).isEqualTo(0);
    assertThat(scrape.sum("bot_api_call_duration_seconds_count"))
        .as("one latency sample per request")
        .isEqualTo(scrape.sum("bot_api_calls_total"));
    assertThat(scrape.value("bot_verifications_total", Map.of("status", "restricted")))
        .isEqualTo(1);
  }

  @Test
  void updatesPausesSweepsAndHealthAreExact() {
    SimUser owner = it.sim.newUser("Owner2", "owner2_truth");
    SimChat channel = it.sim.newChannel("Truth News 2", owner).withUsername("truth_news_2");
    SimChat group = it.sim.newSupergroup("Truth Group 2", owner);
    owner.startsBot();
    channel.withBotAsAdmin(AdminRights.guard());
    group.withBotAsAdmin(AdminRights.guard());
    it.settle();
    owner.says(group, "/protect @truth_news_2");
    it.settle();
    double pausesBefore = scrape().sum("bot_group_pauses_total");

    group.demoteBot();
    it.settle();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Scrape s = scrape();
              assertThat(s.sum("bot_updates_received_total"))
                  .as("every update the simulator delivered, once")
                  .isEqualTo(it.sim.updates().size());
              assertThat(s.value("bot_paused_groups", Map.of("reason", "bot_lacks_group_rights")))
                  .isEqualTo(1);
              assertThat(
                      s.value("bot_sweep_runs_total", Map.of("outcome", "ok", "sweep", "prompts")))
                  .isPositive();
            });
    Scrape scrape = scrape();
    assertThat(scrape.sum("bot_group_pauses_total") - pausesBefore).isEqualTo(1);
    assertThat(scrape.value("bot_group_pauses_total", Map.of("reason", "bot_lacks_group_rights")))
        .isEqualTo(1);
    assertThat(
            scrape.value("bot_sweep_runs_total", Map.of("outcome", "failed", "sweep", "prompts")))
        .isZero();
    assertThat(scrape.value("bot_mode", Map.of("mode", "webhook"))).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(40))
        .untilAsserted(
            () -> {
              Scrape s = scrape();
              for (String component : List.of("database", "telegram", "redis")) {
                assertThat(s.value("bot_health_up", Map.of("component", component)))
                    .as(component)
                    .isEqualTo(1);
              }
            });
    assertThat(scrape.sum("jvm_memory_used_bytes")).isPositive();
    assertThat(
            scrape.sum(
                "http_server_requests_seconds_count",
                labels ->
                    "webhook".equals(labels.get("uri")) && "200".equals(labels.get("status"))))
        .as("the webhook route, never its path")
        .isEqualTo(scrape.sum("bot_updates_received_total"));
  }
}
