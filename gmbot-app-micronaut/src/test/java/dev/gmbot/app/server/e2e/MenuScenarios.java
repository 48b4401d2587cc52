package dev.gmbot.app.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.testkit.simulator.AdminRight;
import dev.gmbot.testkit.simulator.AdminRights;
import dev.gmbot.testkit.simulator.SimButton;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimMessage;
import dev.gmbot.testkit.simulator.SimPhoto;
import dev.gmbot.testkit.simulator.SimUser;
import dev.gmbot.testkit.simulator.UploadedFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The settings menu, the audit log and the /stats chart end to end: the server over real HTTP
 * against the Bot API simulator, an owner in the private chat pressing buttons and typing texts.
 * Each concrete class runs them in one mode on one backend (docs/owners-guide.md describes what is
 * pressed here).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MenuScenarios {
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

  /** A protected supergroup of an owner who has not started the bot yet. */
  final class World {
    final int n = WORLDS.incrementAndGet();
    final SimUser owner = it.sim.newUser("Owner" + n, "menu_owner" + n);
    final SimChat channel = it.sim.newChannel("News " + n, owner).withUsername("menu_news_" + n);
    final SimChat group = it.sim.newSupergroup("Group " + n, owner);

    World() {
      this("", "Protection Activated");
    }

    /** The owner's Telegram speaks the language (empty: none), so the group speaks it too. */
    World(String language, String activated) {
      if (!language.isEmpty()) {
        owner.speaks(language);
      }
      channel.withBotAsAdmin(AdminRights.guard());
      group.withBotAsAdmin(AdminRights.guard());
      owner.says(group, "/protect @menu_news_" + n);
      it.settle();
      assertThat(lastText(group)).contains(activated);
    }

    /** A member who joined before protection, not subscribed to the channel. */
    SimUser member(String name) {
      SimUser user = it.sim.newUser(name + n, "menu_" + name.toLowerCase() + n);
      group.withMembers(user);
      return user;
    }

    SimMessage promptNaming(SimUser user) {
      return group.botMessages().stream()
          .filter(m -> m.text().contains(user.firstName()))
          .reduce((a, b) -> b)
          .orElseThrow(() -> new AssertionError("no prompt naming " + user.firstName()));
    }

    /** A newcomer not subscribed to the channel joins, is muted, subscribes and presses verify. */
    SimUser joinsMutedThenVerifies(String name) {
      SimUser user = it.sim.newUser(name + n, "menu_" + name.toLowerCase() + n);
      user.joins(group);
      it.settle();
      assertThat(group.isMuted(user)).as(group.transcript()).isTrue();
      channel.withMembers(user);
      user.presses(promptNaming(user), "✅ I joined - verify");
      it.settle();
      assertThat(group.isMuted(user)).as(group.transcript()).isFalse();
      return user;
    }

    List<SimPhoto> photos() {
      return it.sim.photos().stream().filter(p -> p.chatId() == group.id()).toList();
    }

    /** The owner's /settings in the group, then its button opened: the menu in private. */
    SimMessage openMenu(SimUser who) {
      who.says(group, "/settings");
      it.settle();
      SimButton open = urlButton(group.lastBotMessage().orElseThrow());
      who.opens(open.url().orElseThrow());
      it.settle();
      return menu(who);
    }
  }

  /** Today's line of the /stats caption after one newcomer was muted and verified by button. */
  static String oneVerifiedToday() {
    return "📊 Today ("
        + LocalDate.now(ZoneOffset.UTC)
        + "): joined 1, restricted 1, verified 1 (1 by button, 0 automatically)";
  }

  static String lastText(SimChat chat) {
    return chat.lastBotMessage().map(SimMessage::text).orElse("");
  }

  static SimMessage menu(SimUser who) {
    return who.privateChat().lastBotMessage().orElseThrow();
  }

  static SimButton urlButton(SimMessage message) {
    return message.keyboard().stream()
        .flatMap(List::stream)
        .filter(b -> b.url().isPresent())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no URL button under: " + message.text()));
  }

  /** Presses a button of the menu and waits; returns the answer to the press. */
  String press(SimUser who, String label) {
    String query = who.presses(menu(who), label);
    it.settle();
    return it.sim
        .callbackAnswer(query)
        .orElseThrow(() -> new AssertionError(label + " unanswered"));
  }

  @Test
  void theMenuOpensInPrivateFromTheGroupAndEveryPressEditsTheSameMessage() {
    World w = new World();

    SimMessage menu = w.openMenu(w.owner);

    assertThat(menu.text()).startsWith("⚙️ Group " + w.n + "\n\n• Channels: @menu_news_" + w.n);
    assertThat(press(w.owner, "📢 Channels (1)")).isEmpty();
    assertThat(menu(w.owner).text()).startsWith("📢 Channels of Group " + w.n);
    press(w.owner, "⬅️ Back");
    press(w.owner, "⏱ Prompt lifetime: 10 minutes");
    assertThat(press(w.owner, "30 minutes")).isEqualTo("✅ Saved");
    assertThat(press(w.owner, "🗑 Delete messages: on")).isEqualTo("✅ Saved");
    press(w.owner, "⬅️ All groups");

    assertThat(menu(w.owner).text()).startsWith("⚙️ Settings\n\nChoose a group:");
    assertThat(menu(w.owner).button("🛡️ Group " + w.n)).isPresent();
    press(w.owner, "🛡️ Group " + w.n);
    assertThat(menu(w.owner).text())
        .contains("• Prompt lifetime: 30 minutes")
        .contains("• Delete messages of unsubscribed members: off");
    assertThat(w.owner.privateChat().botMessages()).hasSize(1);
    assertThat(menu(w.owner).messageId()).isEqualTo(menu.messageId());
    assertThat(menu(w.owner).edited()).isTrue();
    assertThat(it.sim.calls().of("editMessageText")).hasSizeGreaterThanOrEqualTo(7);
    w.owner.says(w.group, "/settings");
    it.settle();
    assertThat(lastText(w.group)).contains("prompt_lifetime: 30m").contains("delete_messages: off");
  }

  @Test
  void aPromptTextIsPreviewedThenSavedAndNewcomersSeeIt() {
    World w = new World();
    w.openMenu(w.owner);
    press(w.owner, "✏️ Prompt text");
    assertThat(menu(w.owner).text()).startsWith("✏️ Send me the new prompt text");

    w.owner.tellsBot("Welcome! Join @menu_news_" + w.n + " and press the button.");
    it.settle();

    List<SimMessage> mine = w.owner.privateChat().botMessages();
    SimMessage preview = mine.get(mine.size() - 2);
    assertThat(preview.text())
        .isEqualTo(
            "👋 Owner" + w.n + "\n\nWelcome! Join @menu_news_" + w.n + " and press the button.");
    assertThat(preview.button("📢 Join channel").flatMap(SimButton::url))
        .contains("https://t.me/menu_news_" + w.n);
    assertThat(preview.button("✅ I joined - verify")).isPresent();
    assertThat(menu(w.owner).text()).isEqualTo("☝️ This is how the prompt will look. Save it?");
    assertThat(it.sim.calls().inChat("sendMessage", w.group.id()))
        .as("in the group only the replies to /protect and /settings")
        .hasSize(2);

    assertThat(press(w.owner, "✅ Save")).isEqualTo("✅ Saved");
    assertThat(menu(w.owner).text()).startsWith("✅ Saved.\n\n⚙️ Group " + w.n);

    SimUser alice = it.sim.newUser("Alice" + w.n, "menu_alice" + w.n);
    alice.joins(w.group);
    it.settle();
    assertThat(w.group.botMessages())
        .anySatisfy(
            m ->
                assertThat(m.text())
                    .isEqualTo(
                        "👋 Alice"
                            + w.n
                            + "\n\nWelcome! Join @menu_news_"
                            + w.n
                            + " and press the button."));
  }

  @Test
  void aForumPromptsInTheMessagesTopicAndJoinsInTheTopicChosenInTheMenu() {
    World w = new World();
    w.group.asForum();
    long questions = w.group.createTopic("Questions");
    long welcome = w.group.createTopic("Welcome");
    it.settle();
    SimUser bob = w.member("Bob");

    bob.saysInTopic(w.group, questions, "hello from the questions topic");
    it.settle();

    assertThat(w.group.topicOf(w.promptNaming(bob))).contains(questions);
    assertThat(w.group.isMuted(bob)).isTrue();

    w.openMenu(w.owner);
    press(w.owner, "🧵 Topic: General");
    assertThat(menu(w.owner).text()).startsWith("🧵 Send me the topic where join prompts of Group");
    w.owner.tellsBot("https://t.me/c/" + (-w.group.id() - 1_000_000_000_000L) + "/" + welcome);
    it.settle();
    assertThat(menu(w.owner).text())
        .startsWith("✅ Saved.")
        .contains("• Topic for join prompts: topic " + welcome);

    SimUser alice = it.sim.newUser("Alice" + w.n, "menu_forum_alice" + w.n);
    alice.joins(w.group);
    it.settle();

    SimMessage joined = w.promptNaming(alice);
    assertThat(w.group.topicOf(joined)).contains(welcome);
    assertThat(w.group.topicOf(w.promptNaming(bob))).contains(questions);
    w.owner.says(w.group, "/settings");
    it.settle();
    assertThat(lastText(w.group)).contains("prompt_topic: " + welcome);
  }

  @Test
  void aRussianGroupHearsRussianInRepliesPromptsAndTheMenu() {
    World w = new World("ru", "🛡️ Защита включена!");
    SimUser bob = w.member("Bob");

    bob.says(w.group, "привет");
    it.settle();
    assertThat(w.promptNaming(bob).text()).contains("подпишитесь на @menu_news_" + w.n);
    assertThat(w.promptNaming(bob).button("✅ Я подписался — проверить")).isPresent();

    SimMessage menu = w.openMenu(w.owner);
    assertThat(menu.text())
        .startsWith("⚙️ Group " + w.n)
        .contains("• Каналы: @menu_news_" + w.n)
        .contains("• Время жизни напоминания: 10 минут")
        .contains("• Язык: Русский");
    assertThat(press(w.owner, "⏱ Время жизни: 10 минут")).isEmpty();
    assertThat(press(w.owner, "30 минут")).isEqualTo("✅ Сохранено");
    assertThat(menu(w.owner).text()).contains("• Время жизни напоминания: 30 минут");
    w.owner.says(w.group, "/status");
    it.settle();
    assertThat(lastText(w.group)).doesNotContain("Protection").containsPattern("\\p{IsCyrillic}");
  }

  @Test
  void anArabicGroupHearsArabicWithNamesAndNumbersIsolated() {
    World w = new World("ar", "🛡️ تم تفعيل الحماية!");
    String channel = "\u2068@menu_news_" + w.n + "\u2069";
    assertThat(lastText(w.group)).contains(channel);
    SimUser bob = w.member("Bob");

    bob.says(w.group, "مرحبا");
    it.settle();
    assertThat(w.promptNaming(bob).text()).contains("اشترك أولًا في " + channel);

    SimMessage menu = w.openMenu(w.owner);
    assertThat(menu.text())
        .startsWith("⚙️ \u2068Group " + w.n + "\u2069")
        .contains("• القنوات: " + channel)
        .contains("• مدة بقاء التنبيه: \u206810\u2069 دقائق");
    assertThat(press(w.owner, "📢 القنوات (\u20681\u2069)")).isEmpty();
    assertThat(menu(w.owner).text()).startsWith("📢 قنوات \u2068Group " + w.n + "\u2069");
  }

  @Test
  void aStaleMenuSaysTheGroupIsNoLongerProtected() {
    World w = new World();
    w.openMenu(w.owner);
    w.owner.says(w.group, "/unprotect");
    it.settle();

    assertThat(press(w.owner, "⏱ Prompt lifetime: 10 minutes"))
        .isEqualTo("This group is no longer protected.");

    assertThat(menu(w.owner).text()).startsWith("⚠️ Group " + w.n + " is no longer protected");
  }

  @Test
  void aPressBySomeoneNoLongerAdminIsRefused() {
    World w = new World();
    SimUser helper = it.sim.newUser("Helper" + w.n, "menu_helper" + w.n);
    w.group.withMembers(helper);
    w.owner.promotes(w.group, helper, AdminRights.of(AdminRight.DELETE_MESSAGES));
    it.settle();
    w.openMenu(helper);
    w.owner.demotes(w.group, helper);
    it.settle();

    assertThat(press(helper, "🗑 Delete messages: on"))
        .isEqualTo("Only admins of Group " + w.n + " can change its settings.");

    assertThat(menu(helper).text()).startsWith("⛔ Only admins of Group " + w.n);
    w.owner.says(w.group, "/settings");
    it.settle();
    assertThat(lastText(w.group)).contains("delete_messages: on");
  }

  @Test
  void anAdminsStatsIsAPngChartWithTodaysFiguresAndANonAdminsIsRefused() throws IOException {
    World w = new World();
    w.joinsMutedThenVerifies("Alice");

    w.owner.says(w.group, "/stats");
    it.settle();

    assertThat(w.photos()).as(w.group.transcript()).hasSize(1);
    SimPhoto photo = w.photos().get(0);
    assertThat(photo.caption()).startsWith(oneVerifiedToday());
    assertThat(photo.file().contentType()).isEqualTo("image/png");
    assertThat(it.sim.calls().inChat("sendPhoto", w.group.id()))
        .singleElement()
        .as("uploaded as a multipart file part")
        .satisfies(call -> assertThat(call.params().get("photo")).isInstanceOf(UploadedFile.class));
    BufferedImage image = photo.image();
    assertThat(image.getWidth()).isPositive();
    assertThat(image.getHeight()).isPositive();

    SimUser bob = w.member("Bob");
    w.channel.withMembers(bob);
    bob.says(w.group, "/stats");
    it.settle();
    assertThat(lastText(w.group)).contains("Only admins");
    assertThat(w.photos()).hasSize(1);
  }

  @Test
  void aGroupThatRefusesPhotosGetsTheStatsAsText() {
    World w = new World();
    w.joinsMutedThenVerifies("Alice");
    it.sim.denyPhotos(w.group.id());

    w.owner.says(w.group, "/stats");
    it.settle();

    assertThat(w.photos()).isEmpty();
    assertThat(lastText(w.group)).startsWith(oneVerifiedToday()).contains("The last 14 days");
  }

  @Test
  void theAuditLogIsPagedWithButtons() {
    World w = new World();
    for (int i = 1; i <= 5; i++) {
      it.sim.newUser("Joiner" + i + "x" + w.n, "menu_joiner" + i + "x" + w.n).joins(w.group);
    }
    it.settle();
    w.owner.startsBot();
    it.settle();

    w.owner.tellsBot("/audit");
    it.settle();

    assertThat(menu(w.owner).text())
        .startsWith("📜 Audit log of Group " + w.n + " — page 1 of 2")
        .contains("👋 prompted")
        .contains("🔇 muted");
    assertThat(press(w.owner, "Older ▶️")).isEmpty();
    assertThat(menu(w.owner).text()).contains("page 2 of 2").contains("🛡️ protection on");
    press(w.owner, "◀️ Newer");
    assertThat(menu(w.owner).text()).contains("page 1 of 2");
    assertThat(w.owner.privateChat().botMessages()).hasSize(2);
  }
}
