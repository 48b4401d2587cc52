package dev.gmbot.domain.commands;

import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.domain.protection.BotSelf;
import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.scheduling.DirectScheduler;
import dev.gmbot.port.in.ButtonPressed;
import dev.gmbot.port.in.TextReceived;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.OutgoingMessage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The language and topic entries of the menu, through their hooks: hidden while none is installed
 * (every other test), shown and working once one is. The hooks here keep the value beside the
 * settings, as a stand-in for the GroupSettings fields they will read.
 */
class SettingsHooksTest {
  private final GuardFixture world = new GuardFixture().protectedGroup();
  private final AtomicReference<String> language = new AtomicReference<>("en");
  private final AtomicReference<Optional<Long>> topic = new AtomicReference<>(Optional.empty());
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
          MenuTexts.english(),
          new LanguageSetting() {
            @Override
            public boolean supported() {
              return true;
            }

            @Override
            public String current(GroupSettings settings) {
              return language.get();
            }

            @Override
            public GroupSettings with(GroupSettings settings, String code) {
              language.set(code);
              return settings;
            }
          },
          new PromptTopicSetting() {
            @Override
            public boolean supported() {
              return true;
            }

            @Override
            public Optional<Long> current(GroupSettings settings) {
              return topic.get();
            }

            @Override
            public GroupSettings with(GroupSettings settings, Optional<Long> thread) {
              topic.set(thread);
              return settings;
            }
          });
  private OutgoingMessage screen;

  private List<Decision> press(String label) {
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
                OWNER,
                Optional.of(ChatRef.privateChat(OWNER)),
                Optional.of(MessageId.of(5)),
                data)));
  }

  private List<Decision> show(List<Decision> decisions) {
    for (Decision d : decisions) {
      switch (d) {
        case Decision.EditMessage e -> screen = e.replacement();
        case Decision.Reply r -> screen = r.message();
        case Decision.SaveConversation s -> world.repos.conversations().save(s.conversation());
        default -> {}
      }
    }
    return decisions;
  }

  private List<String> labels() {
    return screen.keyboard().stream().flatMap(List::stream).map(Button::text).toList();
  }

  private void openGroup() {
    show(
        commands.decide(
            world.command(
                ChatRef.privateChat(OWNER),
                OWNER,
                "start",
                new DeepLink(DeepLink.Target.SETTINGS, GROUP.groupId()).payload())));
  }

  @Test
  void theLanguageScreenListsTheLanguagesAndSetsTheChosenOne() {
    openGroup();
    assertThat(screen.text()).contains("• Language: English");
    assertThat(labels()).contains("🌐 Language: English", "🧵 Topic: General");

    press("🌐 Language: English");
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
    List<Decision> chosen = press("العربية");

    assertThat(language.get()).isEqualTo("ar");
    assertThat(chosen).anyMatch(d -> d instanceof Decision.ChangeSettings);
    assertThat(labels()).contains("🌐 Language: العربية");
  }

  @Test
  void theTopicIsAskedForAndSetFromALink() {
    openGroup();
    press("🧵 Topic: General");
    assertThat(screen.text()).startsWith("🧵 Send me the topic where join prompts of Fans");

    show(
        commands.decide(
            new TextReceived(
                world.nextUpdateId(),
                world.clock.instant(),
                ChatRef.privateChat(OWNER),
                world.nextMessageId(),
                OWNER,
                "https://t.me/c/1000000001/45/900")));

    assertThat(topic.get()).contains(45L);
    assertThat(screen.text()).startsWith("✅ Saved.").contains("• Topic for join prompts: topic 45");
  }
}
