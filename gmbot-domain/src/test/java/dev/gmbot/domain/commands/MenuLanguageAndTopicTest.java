package dev.gmbot.domain.commands;

import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.domain.i18n.Bidi;
import dev.gmbot.domain.protection.BotSelf;
import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.scheduling.DirectScheduler;
import dev.gmbot.port.in.ButtonPressed;
import dev.gmbot.port.in.TextReceived;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.UserRef;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The menu's language and topic entries over the group's real settings, and the language the menu
 * speaks: the reader's own (their Telegram {@code language_code}), else the group's.
 */
class MenuLanguageAndTopicTest {
  private final GuardFixture world = new GuardFixture().protectedGroup();
  private final DirectScheduler scheduler = new DirectScheduler();
  private final BotSelf self = new BotSelf(world.telegram, scheduler);
  private final CommandPolicy commands =
      new CommandPolicy(
          world.repos.groups(),
          world.repos.members(),
          world.repos.owners(),
          world.repos.audit(),
          world.repos.conversations(),
          new TelegramReads(world.telegram, world.telegram, scheduler, self),
          self,
          world.clock,
          CommandTexts::of,
          MenuTexts::of);
  private OutgoingMessage screen;
  private String answer = "";

  private List<Decision> press(UserRef who, String label) {
    String data =
        screen.keyboard().stream()
            .flatMap(List::stream)
            .filter(b -> b.text().equals(label))
            .map(b -> ((Button.Callback) b).data())
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + label + " in " + labels()));
    return show(
        commands.decide(
            new ButtonPressed(
                world.nextUpdateId(),
                world.clock.instant(),
                "q",
                who,
                Optional.of(ChatRef.privateChat(who)),
                Optional.of(MessageId.of(5)),
                data)));
  }

  private void type(UserRef who, String text) {
    show(
        commands.decide(
            new TextReceived(
                world.nextUpdateId(),
                world.clock.instant(),
                ChatRef.privateChat(who),
                world.nextMessageId(),
                who,
                text)));
  }

  /** Shows the screens and carries out the changes of settings, as the executor would. */
  private List<Decision> show(List<Decision> decisions) {
    for (Decision d : decisions) {
      switch (d) {
        case Decision.EditMessage e -> screen = e.replacement();
        case Decision.Reply r -> screen = r.message();
        case Decision.AnswerCallback a -> answer = a.answer().text().orElse("");
        case Decision.SaveConversation s -> world.repos.conversations().save(s.conversation());
        case Decision.EndConversation e -> world.repos.conversations().end(e.user());
        case Decision.ChangeSettings c ->
            world.repos.groups().updateSettings(c.group(), c.settings(), world.clock.instant());
        default -> {}
      }
    }
    return decisions;
  }

  private List<String> labels() {
    return screen.keyboard().stream().flatMap(List::stream).map(Button::text).toList();
  }

  private void openGroup(UserRef who) {
    show(
        commands.decide(
            world.command(
                ChatRef.privateChat(who),
                who,
                "start",
                new DeepLink(DeepLink.Target.SETTINGS, GROUP.groupId()).payload())));
  }

  private void groupSpeaks(Language language) {
    world
        .repos
        .groups()
        .updateSettings(
            GROUP.groupId(),
            world.group(GROUP).settings().withLanguage(language),
            world.clock.instant());
  }

  @Test
  void theLanguageScreenListsTheLanguagesAndTheChosenOneIsSaved() {
    openGroup(OWNER);
    assertThat(screen.text()).contains("• Language: English");
    assertThat(labels()).contains("🌐 Language: English", "🧵 Topic: General");

    press(OWNER, "🌐 Language: English");
    assertThat(labels())
        .containsExactly(
            "• English",
            "Русский",
            "Español",
            "Português (Brasil)",
            "Bahasa Indonesia",
            "हिन्दी",
            "فارسی",
            "العربية",
            "Türkçe",
            "Oʻzbekcha",
            "⬅️ Back");
    List<Decision> chosen = press(OWNER, "Русский");

    assertThat(chosen).anyMatch(d -> d instanceof Decision.ChangeSettings);
    assertThat(world.group(GROUP).settings().language()).isEqualTo(Language.RUSSIAN);
    // The owner's Telegram told no language: the menu now speaks the group's.
    assertThat(answer).isEqualTo("✅ Сохранено");
    assertThat(labels()).contains("🌐 Язык: Русский", "🧵 Тема: Общая", "⬅️ Все группы");
    assertThat(screen.text()).contains("• Время жизни напоминания: 10 минут");
  }

  @Test
  void theTopicIsAskedForAndSavedFromALink() {
    openGroup(OWNER);
    press(OWNER, "🧵 Topic: General");
    assertThat(screen.text()).startsWith("🧵 Send me the topic where join prompts of Fans");

    type(OWNER, "no topic");
    assertThat(screen.text())
        .isEqualTo("“no topic” names no topic. Send a topic link, its number or “general”.");
    type(OWNER, "https://t.me/c/1000000001/45/900");

    assertThat(world.group(GROUP).settings().promptTopic()).contains(45L);
    assertThat(screen.text()).startsWith("✅ Saved.").contains("• Topic for join prompts: topic 45");
    assertThat(labels()).contains("🧵 Topic: topic 45");

    press(OWNER, "🧵 Topic: topic 45");
    type(OWNER, "general");
    assertThat(world.group(GROUP).settings().promptTopic()).isEmpty();
  }

  @Test
  void aReaderWithATelegramLanguageReadsTheMenuInItWhateverTheGroupSpeaks() {
    groupSpeaks(Language.ARABIC);
    UserRef russianOwner = OWNER.withLanguageCode("ru");

    openGroup(russianOwner);

    assertThat(screen.text()).startsWith("⚙️ Fans").contains("• Язык: العربية");
    assertThat(labels()).contains("📢 Каналы (1)", "🌐 Язык: العربية");
  }

  @Test
  void anArabicGroupsMenuIsInArabicWithNamesAndNumbersIsolated() {
    groupSpeaks(Language.ARABIC);

    openGroup(OWNER);

    String fans = Bidi.FSI + "Fans" + Bidi.PDI;
    assertThat(screen.text())
        .startsWith("⚙️ " + fans)
        .contains("• القنوات: " + Bidi.FSI + "@news" + Bidi.PDI)
        .contains("• مدة بقاء التنبيه: " + Bidi.FSI + "10" + Bidi.PDI + " دقائق");
    assertThat(labels())
        .contains("📢 القنوات (" + Bidi.FSI + "1" + Bidi.PDI + ")", "📜 سجل الإجراءات");

    press(OWNER, "🧵 الموضوع: العام");
    type(OWNER, "7");
    assertThat(screen.text()).startsWith("✅ تم الحفظ.");
    assertThat(labels()).contains("🧵 الموضوع: الموضوع " + Bidi.FSI + "7" + Bidi.PDI);
  }

  @Test
  void theTopicCanBeSetWithTheTypedSettingToo() {
    show(commands.decide(world.command(GROUP, OWNER, "settings", "prompt_topic", "7")));
    assertThat(world.group(GROUP).settings().promptTopic()).contains(7L);
    assertThat(screen.text()).contains("• prompt_topic: 7");

    show(commands.decide(world.command(GROUP, OWNER, "settings", "prompt_topic", "nowhere")));
    assertThat(screen.text()).startsWith("I can't set prompt_topic to “nowhere”.");
    assertThat(world.group(GROUP).settings().promptTopic()).contains(7L);
  }
}
