package dev.gmbot.app.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.testkit.simulator.AdminRights;
import dev.gmbot.testkit.simulator.SimButton;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimMessage;
import dev.gmbot.testkit.simulator.SimUser;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One real server against the Bot API simulator for a test class, and the worlds its tests build in
 * the shared simulator (an owner, a public channel and a supergroup, the bot admin in both). The
 * scenario suites ({@link ServerScenarios}) and the fault suite ({@link OutboxFaultIT}) extend it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerWorlds {
  private static final AtomicInteger WORLDS = new AtomicInteger();

  protected ServerUnderTest it;

  abstract ServerUnderTest.Mode mode();

  abstract ServerUnderTest.Backend backend();

  @BeforeAll
  void startServer() {
    it = ServerUnderTest.start(mode(), backend());
  }

  @AfterAll
  void stopServer() {
    if (it != null) {
      it.close();
    }
  }

  /** An owner (who started the bot), a public channel and a supergroup, the bot admin in both. */
  final class World {
    final int n = WORLDS.incrementAndGet();
    final SimUser owner = it.sim.newUser("Owner" + n, "owner" + n);
    final SimChat channel = it.sim.newChannel("News " + n, owner).withUsername("news_" + n);
    final SimChat group = it.sim.newSupergroup("Group " + n, owner);

    World() {
      this("en");
    }

    /** A world whose owner's Telegram speaks this language. */
    World(String ownerLanguage) {
      owner.speaks(ownerLanguage);
      owner.startsBot();
      channel.withBotAsAdmin(AdminRights.guard());
      group.withBotAsAdmin(AdminRights.guard());
      it.settle();
    }

    World protect() {
      owner.says(group, "/protect @news_" + n);
      it.settle(); // the reply may have waited in the outbox (ADR 0014): settling awaits it
      assertThat(lastBotText(group)).contains("Protection Activated");
      return this;
    }

    SimUser user(String name) {
      return it.sim.newUser(name + n, name.toLowerCase() + n);
    }
  }

  static String lastBotText(SimChat chat) {
    List<SimMessage> messages = chat.botMessages();
    return messages.isEmpty() ? "" : messages.get(messages.size() - 1).text();
  }

  static Optional<SimMessage> promptFor(SimChat group, SimUser user) {
    return group.botMessages().stream()
        .filter(
            m -> !m.deleted() && m.text().contains(user.firstName()) && verifyButton(m).isPresent())
        .reduce((a, b) -> b);
  }

  static Optional<SimButton> verifyButton(SimMessage message) {
    return message.keyboard().stream()
        .flatMap(List::stream)
        .filter(b -> b.callbackData().isPresent())
        .findFirst();
  }
}
