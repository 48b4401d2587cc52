package dev.gmbot.domain.commands;

import static dev.gmbot.domain.GuardFixture.ADMIN;
import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static dev.gmbot.domain.GuardFixture.SECOND_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.Guard;
import dev.gmbot.domain.GuardFixture;
import dev.gmbot.domain.scheduling.DirectScheduler;
import dev.gmbot.port.in.HandlingResult;
import dev.gmbot.port.in.TextReceived;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.CallbackAnswer;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.out.BotApiRejectedException;
import dev.gmbot.testkit.fake.FakeTelegram.SentMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The settings menu in the private chat: ways in, presses, typed texts, refusals. */
class SettingsMenuTest {
  private final GuardFixture world = new GuardFixture().protectedGroup();
  private final MenuDriver owner = new MenuDriver(world, OWNER);

  private long sentInPrivate(MenuDriver driver) {
    return world.telegram.count(
        "sendMessage", c -> c.chat().equals(Optional.of(driver.chat().id())));
  }

  private long editsInPrivate(MenuDriver driver) {
    return world.telegram.count(
        "editMessageText", c -> c.chat().equals(Optional.of(driver.chat().id())));
  }

  private CallbackAnswer lastAnswer() {
    List<CallbackAnswer> answers = world.telegram.callbackAnswers();
    return answers.get(answers.size() - 1);
  }

  private String answerText() {
    return lastAnswer().text().orElse("");
  }

  private SentMessage openGroupMenu(MenuDriver driver) {
    driver.sends("settings");
    driver.presses(driver.last(), "🛡️ Fans");
    return driver.last();
  }

  @Test
  void settingsInTheGroupAnswersWithAButtonThatOpensTheMenuInPrivate() {
    world.handle(world.command(GROUP, OWNER, "settings"));
    List<SentMessage> inGroup = world.telegram.messagesIn(GROUP.id());
    Button open = inGroup.get(inGroup.size() - 1).message().keyboard().get(0).get(0);

    assertThat(open).isInstanceOf(Button.Url.class);
    assertThat(open.text()).isEqualTo("⚙️ Open the settings menu");
    String url = ((Button.Url) open).url();
    assertThat(url).startsWith("https://t.me/group_guard_bot?start=");

    owner.sends("start", url.substring(url.indexOf("?start=") + 7));

    assertThat(owner.lastText()).startsWith("⚙️ Fans\n\n• Channels: @news");
    assertThat(MenuDriver.labels(owner.last()))
        .contains("📢 Channels (1)", "🗑 Delete messages: on", "⏱ Prompt lifetime: 10 minutes");
  }

  @Test
  void theTypedFormStillChangesASetting() {
    world.handle(world.command(GROUP, OWNER, "settings", "prompt_lifetime", "15m"));

    assertThat(world.group(GROUP).settings().promptLifetime()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void everyPressEditsTheSameMessageAndIsAnsweredFirst() {
    owner.sends("settings");
    assertThat(owner.lastText()).startsWith("⚙️ Settings\n\nChoose a group:");
    SentMessage menu = owner.last();

    List<HandlingResult> results =
        List.of(
            owner.presses(owner.last(), "🛡️ Fans"),
            owner.presses(owner.last(), "📢 Channels (1)"),
            owner.presses(owner.last(), "⬅️ Back"),
            owner.presses(owner.last(), "⏱ Prompt lifetime: 10 minutes"),
            owner.presses(owner.last(), "30 minutes"),
            owner.presses(owner.last(), "⬅️ All groups"));

    assertThat(results)
        .allSatisfy(r -> assertThat(r.effects().get(0)).startsWith("answered button press"));
    assertThat(sentInPrivate(owner)).isEqualTo(1);
    assertThat(editsInPrivate(owner)).isEqualTo(6);
    assertThat(owner.messages()).hasSize(1);
    assertThat(owner.last().id()).isEqualTo(menu.id());
    assertThat(world.group(GROUP).settings().promptLifetime()).isEqualTo(Duration.ofMinutes(30));
    assertThat(owner.lastText()).startsWith("⚙️ Settings\n\nChoose a group:");
  }

  @Test
  void deleteMessagesIsSwitchedAndTheScreenShowsTheNewValue() {
    openGroupMenu(owner);

    owner.presses(owner.last(), "🗑 Delete messages: on");

    assertThat(world.group(GROUP).settings().deleteMessages()).isFalse();
    assertThat(answerText()).contains("✅ Saved");
    assertThat(MenuDriver.labels(owner.last())).contains("🗑 Delete messages: off");

    owner.presses(owner.last(), "🗑 Delete messages: off");

    assertThat(world.group(GROUP).settings().deleteMessages()).isTrue();
  }

  @Test
  void anOldMenuSetsWhatItsButtonSaysNotTheOpposite() {
    SentMessage before = openGroupMenu(owner);
    world.handle(world.command(GROUP, OWNER, "settings", "delete_messages", "off"));

    owner.presses(before, "🗑 Delete messages: on");

    assertThat(world.group(GROUP).settings().deleteMessages()).isFalse();
  }

  @Test
  void theLanguageScreenSetsTheGroupsLanguage() {
    openGroupMenu(owner);
    assertThat(owner.lastText()).contains("• Language: English");

    owner.presses(owner.last(), "🌐 Language: English");
    assertThat(MenuDriver.labels(owner.last())).hasSize(Language.values().length + 1);
    owner.presses(owner.last(), "Русский");

    assertThat(world.group(GROUP).settings().language()).isEqualTo(Language.RUSSIAN);
    // The owner's Telegram told no language of theirs: the menu now speaks the group's new one.
    assertThat(MenuDriver.labels(owner.last())).contains("🌐 Язык: Русский");
    world.handle(world.command(GROUP, OWNER, "settings"));
    List<SentMessage> inGroup = world.telegram.messagesIn(GROUP.id());
    assertThat(inGroup.get(inGroup.size() - 1).message().text()).startsWith("⚙️ Настройки");
  }

  @Test
  void thePromptTextIsPreviewedAsThePromptThenSaved() {
    openGroupMenu(owner);
    owner.presses(owner.last(), "✏️ Prompt text");
    assertThat(owner.lastText()).startsWith("✏️ Send me the new prompt text for Fans");

    owner.types("  Join our channel to chat here!  ");

    List<SentMessage> messages = owner.messages();
    SentMessage preview = messages.get(messages.size() - 2);
    assertThat(preview.message().text()).isEqualTo("👋 Olga\n\nJoin our channel to chat here!");
    assertThat(MenuDriver.labels(preview))
        .containsExactly("📢 Join channel", "✅ I joined - verify");
    assertThat(MenuDriver.data(preview, "✅ I joined - verify")).isEqualTo("m:n");
    assertThat(owner.lastText()).isEqualTo("☝️ This is how the prompt will look. Save it?");
    assertThat(world.group(GROUP).settings().promptText()).isEmpty();

    owner.presses(preview, "✅ I joined - verify");
    assertThat(answerText()).contains("This is only a preview.");

    owner.presses(owner.last(), "✅ Save");

    assertThat(world.group(GROUP).settings().promptText())
        .contains("Join our channel to chat here!");
    assertThat(owner.lastText()).startsWith("✅ Saved.\n\n⚙️ Fans");
    assertThat(world.repos.conversations().find(OWNER.id(), world.clock.instant())).isEmpty();
  }

  @Test
  void defaultRestoresTheBuiltInLabel() {
    world.handle(world.command(GROUP, OWNER, "settings", "verify_text", "Done!"));
    openGroupMenu(owner);
    owner.presses(owner.last(), "🔘 Verify button");
    assertThat(owner.lastText()).contains("Now: Done!");

    owner.types("default");
    owner.presses(owner.last(), "✅ Save");

    assertThat(world.group(GROUP).settings().verifyButtonText())
        .isEqualTo(GroupSettings.DEFAULTS.verifyButtonText());
  }

  @Test
  void aTextThatCannotBeALabelIsRefusedAndTheMenuKeepsWaiting() {
    openGroupMenu(owner);
    owner.presses(owner.last(), "🔘 Join button");

    owner.types("x".repeat(65));

    assertThat(owner.lastText())
        .isEqualTo("That text can't be used: send 1 to 64 characters, or press Cancel.");
    owner.types("📢 Subscribe");
    owner.presses(owner.last(), "✅ Save");
    assertThat(world.group(GROUP).settings().joinButtonText()).isEqualTo("📢 Subscribe");
  }

  @Test
  void typeAgainAsksOnceMoreAndCancelEndsTheWait() {
    openGroupMenu(owner);
    owner.presses(owner.last(), "✏️ Prompt text");
    owner.types("First try");
    owner.presses(owner.last(), "✏️ Type again");
    assertThat(owner.lastText()).startsWith("✏️ Send me the new prompt text");

    owner.presses(owner.last(), "✖️ Cancel");

    assertThat(owner.lastText()).startsWith("⚙️ Fans");
    assertThat(world.repos.conversations().find(OWNER.id(), world.clock.instant())).isEmpty();
    HandlingResult ignored = owner.types("Second try");
    assertThat(ignored.effects())
        .containsExactly("ignored: a text in private while nothing was asked");
    assertThat(world.group(GROUP).settings().promptText()).isEmpty();
  }

  @Test
  void theWaitOutlivesARestartAndIsTheSameOnAnotherInstance() {
    openGroupMenu(owner);
    owner.presses(owner.last(), "✏️ Prompt text");
    Guard another =
        Guard.builder()
            .telegram(world.telegram)
            .repositories(
                world.repos.groups(),
                world.repos.owners(),
                world.repos.members(),
                world.repos.prompts(),
                world.repos.audit())
            .conversations(world.repos.conversations())
            .cache(world.membershipCache, world.adminCache)
            .updateLog(world.updateLog)
            .clock(world.clock)
            .scheduler(new DirectScheduler())
            .build();

    another.handle(
        new TextReceived(
            world.nextUpdateId(),
            world.clock.instant(),
            owner.chat(),
            world.nextMessageId(),
            OWNER,
            "Hello from the other instance"));

    assertThat(owner.lastText()).isEqualTo("☝️ This is how the prompt will look. Save it?");
  }

  @Test
  void theWaitEndsAfterAQuarterOfAnHour() {
    openGroupMenu(owner);
    owner.presses(owner.last(), "✏️ Prompt text");
    world.clock.advance(Duration.ofMinutes(16));

    assertThat(owner.types("Too late").effects())
        .containsExactly("ignored: a text in private while nothing was asked");
  }

  @Test
  void aSaveAfterThePreviewExpiredSaysSoAndChangesNothing() {
    openGroupMenu(owner);
    owner.presses(owner.last(), "✏️ Prompt text");
    owner.types("Later");
    world.clock.advance(Duration.ofMinutes(16));

    owner.presses(owner.last(), "✅ Save");

    assertThat(lastAnswer().alert()).isTrue();
    assertThat(answerText()).contains("This preview has expired.");
    assertThat(world.group(GROUP).settings().promptText()).isEmpty();
  }

  @Test
  void aPressBySomeoneNoLongerAdminIsRefusedAndChangesNothing() {
    MenuDriver admin = new MenuDriver(world, ADMIN);
    admin.sends("start", new DeepLink(DeepLink.Target.SETTINGS, GROUP.groupId()).payload());
    SentMessage menu = admin.last();
    assertThat(menu.message().text()).startsWith("⚙️ Fans");
    world.telegram.setStatus(GROUP.id(), ADMIN, MemberStatus.MEMBER);

    admin.presses(menu, "🗑 Delete messages: on");

    assertThat(lastAnswer().alert()).isTrue();
    assertThat(answerText()).isEqualTo("Only admins of Fans can change its settings.");
    assertThat(world.group(GROUP).settings().deleteMessages()).isTrue();
    assertThat(admin.lastText()).startsWith("⛔ Only admins of Fans");
    assertThat(world.repos.conversations().rememberedGroups(ADMIN.id())).isEmpty();
  }

  @Test
  void someoneWhoNeverAdministeredTheGroupCannotOpenItsMenuByLink() {
    MenuDriver alice = new MenuDriver(world, ALICE);

    alice.sends("start", new DeepLink(DeepLink.Target.SETTINGS, GROUP.groupId()).payload());

    assertThat(alice.lastText()).startsWith("⛔ Only admins of Fans");
    assertThat(MenuDriver.labels(alice.last())).containsExactly("⬅️ All groups");
  }

  @Test
  void aPressForACraftedGroupIsRefusedLikeAnyOther() {
    MenuDriver alice = new MenuDriver(world, ALICE);
    alice.sends("settings");
    String forged =
        MenuCallback.of(MenuCallback.Action.DELETE_MESSAGES, GROUP.groupId(), "0").encode();

    world.handle(alice.pressData(alice.last(), forged));

    assertThat(answerText()).isEqualTo("Only admins of Fans can change its settings.");
    assertThat(world.group(GROUP).settings().deleteMessages()).isTrue();
  }

  @Test
  void aStaleMenuSaysTheGroupIsNoLongerProtected() {
    SentMessage menu = openGroupMenu(owner);
    world.handle(world.command(GROUP, OWNER, "unprotect"));

    owner.presses(menu, "⏱ Prompt lifetime: 10 minutes");

    assertThat(answerText()).isEqualTo("This group is no longer protected.");
    assertThat(owner.lastText()).startsWith("⚠️ Fans is no longer protected");
    assertThat(MenuDriver.labels(owner.last())).containsExactly("⬅️ All groups");
    owner.presses(owner.last(), "⬅️ All groups");
    assertThat(owner.lastText()).startsWith("⚙️ Settings\n\nI know no protected group");
  }

  @Test
  void anAdminWhoIsNotTheOwnerFindsTheGroupInTheirListOnceOpenedFromIt() {
    MenuDriver admin = new MenuDriver(world, ADMIN);
    admin.sends("settings");
    assertThat(admin.lastText()).startsWith("⚙️ Settings\n\nI know no protected group");

    admin.sends("start", new DeepLink(DeepLink.Target.SETTINGS, GROUP.groupId()).payload());
    admin.sends("settings");

    assertThat(MenuDriver.labels(admin.last())).containsExactly("🛡️ Fans");
  }

  @Test
  void channelsAreAddedAfterTheChecksOfProtectAndRemovedButNeverTheLast() {
    openGroupMenu(owner);
    owner.presses(owner.last(), "📢 Channels (1)");
    owner.presses(owner.last(), "➕ Add a channel");
    owner.types("not a channel!");
    assertThat(owner.lastText()).startsWith("“not a channel!” is not a channel name.");

    owner.types("@extra");

    assertThat(world.group(GROUP).channels()).extracting(c -> c.id()).hasSize(2);
    assertThat(owner.lastText()).startsWith("✅ @extra is required from now on.");
    assertThat(world.group(GROUP).owner()).isEqualTo(OWNER.id());

    owner.presses(owner.last(), "❌ @news");

    assertThat(world.group(GROUP).channels())
        .extracting(c -> c.id())
        .containsExactly(SECOND_CHANNEL.channelId());
    assertThat(MenuDriver.labels(owner.last())).contains("❌ @extra").doesNotContain("❌ @news");

    owner.presses(owner.last(), "❌ @extra");

    assertThat(lastAnswer().alert()).isTrue();
    assertThat(answerText()).startsWith("A protected group needs at least one channel.");
    assertThat(world.group(GROUP).isActive()).isTrue();
  }

  @Test
  void aChannelTheAdderDoesNotAdministerIsNotAdded() {
    MenuDriver admin = new MenuDriver(world, ADMIN);
    admin.sends("start", new DeepLink(DeepLink.Target.SETTINGS, GROUP.groupId()).payload());
    admin.presses(admin.last(), "📢 Channels (1)");
    admin.presses(admin.last(), "➕ Add a channel");

    admin.types("@extra");

    assertThat(admin.lastText()).contains("❌").contains("I didn't add the channel.");
    assertThat(world.group(GROUP).channels()).hasSize(1);
  }

  @Test
  void aPressOnAMessageTelegramNoLongerEditsShowsTheScreenAnew() {
    SentMessage menu = openGroupMenu(owner);
    world.telegram.failNext(
        "editMessageText",
        new BotApiRejectedException(
            "editMessageText",
            BotApiRejectedException.Reason.MESSAGE_NOT_FOUND,
            400,
            "Bad Request: message to edit not found"));

    owner.presses(menu, "📢 Channels (1)");

    assertThat(owner.messages()).hasSize(2);
    assertThat(owner.lastText()).startsWith("📢 Channels of Fans");
  }

  @Test
  void aPressThatChangesNothingOnScreenIsFine() {
    SentMessage menu = openGroupMenu(owner);
    world.telegram.failNext(
        "editMessageText",
        new BotApiRejectedException(
            "editMessageText",
            BotApiRejectedException.Reason.MESSAGE_NOT_MODIFIED,
            400,
            "Bad Request: message is not modified"));

    HandlingResult result = owner.presses(menu, "⬅️ All groups");

    assertThat(result.effects()).contains("message " + menu.id() + " already showed it");
    assertThat(owner.messages()).hasSize(1);
  }

  @Test
  void settingsAndAuditInPrivateAnswerOnlyInTheirChat() {
    owner.sends("settings");
    owner.sends("audit");

    assertThat(world.telegram.messagesIn(GROUP.id())).isEmpty();
    assertThat(world.telegram.messagesIn(ChatId.of(OWNER.id().value()))).hasSize(2);
  }
}
