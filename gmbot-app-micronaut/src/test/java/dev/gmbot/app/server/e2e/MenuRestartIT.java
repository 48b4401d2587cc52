package dev.gmbot.app.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmbot.adapter.telegram.LongPoller;
import dev.gmbot.app.server.config.ServerConfig;
import dev.gmbot.app.server.runtime.GmbotServer;
import dev.gmbot.app.server.wiring.ServerComponents;
import dev.gmbot.testkit.simulator.AdminRights;
import dev.gmbot.testkit.simulator.SimButton;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimMessage;
import dev.gmbot.testkit.simulator.SimUser;
import dev.gmbot.testkit.simulator.TelegramSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The menu's question outlives the server: asked by one server process, answered after it stopped
 * and another started on the same PostgreSQL database (what a deploy or a second instance sees).
 */
class MenuRestartIT {
  @Test
  void aTextAskedForBeforeARestartIsPreviewedAndSavedAfterIt() {
    String database = TestServices.freshPostgresDatabase();
    try (TelegramSimulator sim = TelegramSimulator.start()) {
      SimUser owner = sim.newUser("Olivia", "restart_olivia");
      SimChat channel = sim.newChannel("News", owner).withUsername("restart_news");
      channel.withBotAsAdmin(AdminRights.guard());
      SimChat group = sim.newSupergroup("Restart group", owner);
      group.withBotAsAdmin(AdminRights.guard());

      GmbotServer first = start(sim, database);
      try {
        owner.says(group, "/protect @restart_news");
        owner.says(group, "/settings");
        settle(sim, first);
        SimButton open = group.lastBotMessage().orElseThrow().keyboard().get(0).get(0);
        owner.opens(open.url().orElseThrow());
        settle(sim, first);
        owner.presses(menu(owner), "🔘 Verify button");
        settle(sim, first);
        assertThat(menu(owner).text()).startsWith("🔘 Send me the new label of the verify button");
      } finally {
        first.close();
      }

      GmbotServer second = start(sim, database);
      try {
        owner.tellsBot("✅ Done, let me in");
        settle(sim, second);
        List<SimMessage> mine = owner.privateChat().botMessages();
        assertThat(mine.get(mine.size() - 2).button("✅ Done, let me in")).isPresent();
        String save = owner.presses(menu(owner), "✅ Save");
        settle(sim, second);

        assertThat(sim.callbackAnswer(save)).contains("✅ Saved");
        owner.says(group, "/settings");
        settle(sim, second);
        assertThat(group.lastBotMessage().orElseThrow().text())
            .contains("verify_text: ✅ Done, let me in");
      } finally {
        second.close();
      }
    } finally {
      TestServices.dropPostgresDatabase(database);
    }
  }

  private static SimMessage menu(SimUser who) {
    return who.privateChat().lastBotMessage().orElseThrow();
  }

  /** Every update taken and what it deferred to the outbox carried out (ADR 0014). */
  private static void settle(TelegramSimulator sim, GmbotServer server) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> sim.pendingUpdateCount() == 0);
    ServerUnderTest.awaitOutboxDrained(server);
  }

  private static GmbotServer start(TelegramSimulator sim, String database) {
    Map<String, String> env = new HashMap<>();
    env.put("BOT_TOKEN", sim.token());
    env.put("TELEGRAM_API_URL", sim.baseUrl());
    env.put("DATABASE_URL", database);
    env.put("DATABASE_USER", TestServices.PG_USER);
    env.put("PORT", "0");
    env.put("GMBOT_SHUTDOWN_GRACE_SECONDS", "5");
    return GmbotServer.start(
        ServerComponents.create(ServerConfig.fromEnvironment(env), Clock.systemUTC()),
        new LongPoller.Settings(2, 100, Duration.ofMillis(50), Duration.ofMillis(500)));
  }
}
