package dev.gmbot.domain;

import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.CHANNEL;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.i18n.Bidi;
import dev.gmbot.domain.protection.Decision;
import dev.gmbot.port.model.AdminRights;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.CallbackAnswer;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.testkit.fake.FakeTelegram.SentMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which language GMBot speaks: a group its own (set at /protect from the owner's Telegram language,
 * changed with /settings language), a single reader (a private chat, a button's answer) their own
 * when GMBot speaks it, else the group's.
 */
class LanguagesTest {
  private final GuardFixture world = new GuardFixture();

  private void groupSpeaks(Language language) {
    world
        .repos
        .groups()
        .updateSettings(
            GROUP.groupId(),
            world.group(GROUP).settings().withLanguage(language),
            world.clock.instant());
  }

  private String lastTextIn(ChatRef chat) {
    List<SentMessage> sent = world.telegram.messagesIn(chat.id());
    return sent.get(sent.size() - 1).message().text();
  }

  private List<CallbackAnswer> answers() {
    return world.telegram.callbackAnswers();
  }

  @Test
  void aGroupProtectedByARussianSpeakingOwnerSpeaksRussian() {
    UserRef owner = OWNER.withLanguageCode("ru");

    List<Decision> decisions = world.guard.decide(world.command(GROUP, owner, "protect", "@news"));
    world.guard.execute(decisions);

    assertThat(decisions)
        .contains(
            new Decision.ChangeSettings(
                GROUP.groupId(), GroupSettings.DEFAULTS.withLanguage(Language.RUSSIAN)));
    assertThat(world.group(GROUP).settings().language()).isEqualTo(Language.RUSSIAN);
    assertThat(lastTextIn(GROUP)).contains("Защита включена!").contains("@news");
  }

  @Test
  void anOwnerWhoseLanguageGmbotDoesNotSpeakGetsAnEnglishGroup() {
    List<Decision> decisions =
        world.guard.decide(world.command(GROUP, OWNER.withLanguageCode("ja"), "protect", "@news"));
    world.guard.execute(decisions);

    assertThat(decisions).noneMatch(d -> d instanceof Decision.ChangeSettings);
    assertThat(world.group(GROUP).settings().language()).isEqualTo(Language.ENGLISH);
    assertThat(lastTextIn(GROUP)).contains("Protection Activated!");
  }

  @Test
  void protectingAgainKeepsTheLanguageTheGroupHas() {
    world.protectedGroup();
    groupSpeaks(Language.TURKISH);

    world.handle(world.command(GROUP, OWNER.withLanguageCode("ru"), "protect", "@extra"));

    assertThat(world.group(GROUP).settings().language()).isEqualTo(Language.TURKISH);
    assertThat(lastTextIn(GROUP)).contains("Koruma açıldı!");
  }

  @Test
  void aGroupRepliesInItsLanguageWhateverTheAdminSpeaks() {
    world.protectedGroup();
    groupSpeaks(Language.SPANISH);

    world.handle(world.command(GROUP, OWNER.withLanguageCode("ru"), "status"));

    assertThat(lastTextIn(GROUP)).startsWith("🛡️ Protección: ✅ activa\nCanales: @news");
  }

  @Test
  void settingsLanguageChangesItAndConfirmsInTheNewLanguage() {
    world.protectedGroup();

    world.handle(world.command(GROUP, OWNER, "settings", "language", "pt-BR"));

    assertThat(world.group(GROUP).settings().language()).isEqualTo(Language.PORTUGUESE_BRAZIL);
    assertThat(lastTextIn(GROUP)).startsWith("✅ Salvo.").contains("• language: pt-br");

    world.handle(world.command(GROUP, OWNER, "settings", "language", "klingon"));

    assertThat(world.group(GROUP).settings().language()).isEqualTo(Language.PORTUGUESE_BRAZIL);
    assertThat(lastTextIn(GROUP))
        .startsWith("Não consigo definir language como “klingon”.")
        .contains("en, ru, es, pt-br, id, hi, fa, ar, tr, uz");
  }

  @Test
  void aRussianPromptCountsTheOthersTheRussianWay() {
    world.protectedGroup();
    groupSpeaks(Language.RUSSIAN);
    for (int i = 0; i < 200; i++) {
      world.handle(world.joins(GROUP, UserRef.of(1000 + i, "Гость" + i)));
      world.clock.advance(Duration.ofMillis(300));
    }
    world.guard.sweepPrompts();

    SentMessage prompt = world.telegram.messagesIn(GROUP.id()).get(0);
    SentMessage shown = world.telegram.message(GROUP.id(), prompt.id()).orElseThrow();
    assertThat(shown.message().text())
        .startsWith("👋 Гость0, Гость1")
        .contains("и ещё 190 участников")
        .contains("Чтобы писать в этой группе, подпишитесь на @news");
    assertThat(shown.message().keyboard())
        .flatMap(row -> row)
        .extracting(Button::text)
        .containsExactly("📢 Подписаться на канал", "✅ Я подписался — проверить");
  }

  @Test
  void anArabicPromptIsolatesNamesChannelsAndNumbers() {
    world.protectedGroup();
    groupSpeaks(Language.ARABIC);

    world.handle(world.joins(GROUP, ALICE));

    String text = lastTextIn(GROUP);
    assertThat(text)
        .startsWith("👋 " + Bidi.FSI + "Alice" + Bidi.PDI)
        .contains("اشترك أولًا في " + Bidi.FSI + "@news" + Bidi.PDI)
        .contains("«" + Bidi.FSI + "✅ اشتركت - تحقق" + Bidi.PDI + "»");
  }

  @Test
  void aLabelTheOwnerChoseIsKeptInEveryLanguage() {
    world.protectedGroup();
    world
        .repos
        .groups()
        .updateSettings(
            GROUP.groupId(),
            world
                .group(GROUP)
                .settings()
                .withLanguage(Language.RUSSIAN)
                .withVerifyButtonText("Готово!"),
            world.clock.instant());

    world.handle(world.joins(GROUP, ALICE));

    SentMessage prompt = world.telegram.messagesIn(GROUP.id()).get(0);
    assertThat(prompt.message().text()).contains("нажмите «Готово!»");
    assertThat(prompt.message().keyboard().get(1))
        .containsExactly(new Button.Callback("Готово!", "verify:" + ALICE.id().value()));
  }

  @Test
  void aButtonIsAnsweredInThePressersLanguageElseTheGroups() {
    world.protectedGroup();
    groupSpeaks(Language.RUSSIAN);
    world.handle(world.joins(GROUP, ALICE));

    world.handle(world.pressesVerify(ALICE.withLanguageCode("es")));
    world.handle(world.pressesVerify(ALICE));
    world.subscribe(ALICE, CHANNEL);
    world.handle(world.pressesVerify(ALICE.withLanguageCode("hi")));

    assertThat(answers())
        .extracting(a -> a.text().orElse(""))
        .containsExactly(
            "❌ ¡Todavía no! Únete primero a @news y luego vuelve a pulsar el botón.",
            "❌ Пока нет! Сначала подпишитесь на @news, затем нажмите кнопку ещё раз.",
            "✅ सत्यापित! अब आप ग्रुप में लिख सकते हैं।");
  }

  @Test
  void privateCommandsAreInTheSendersLanguage() {
    ChatRef chat = ChatRef.privateChat(ALICE);

    world.handle(world.command(chat, ALICE.withLanguageCode("id"), "start"));
    assertThat(lastTextIn(chat)).startsWith("👋 Selamat datang di GMBot!");

    world.handle(world.command(chat, ALICE.withLanguageCode("fa"), "nonsense"));
    assertThat(lastTextIn(chat))
        .isEqualTo(
            "دستور \u2066/\u2068nonsense\u2069\u2069 را نمی\u200cشناسم. \u2066/help\u2069 را"
                + " ببینید.");

    world.handle(world.command(chat, ALICE, "help"));
    assertThat(lastTextIn(chat)).startsWith("🛡️ GMBot commands");
  }

  @Test
  void aJoinRequesterIsToldInTheirLanguageElseTheGroups() {
    world.protectedGroup();
    groupSpeaks(Language.UZBEK);

    world.handle(world.requestsToJoin(GROUP, ALICE.withLanguageCode("tr")));
    assertThat(lastTextIn(ChatRef.privateChat(ALICE)))
        .startsWith("👋 Merhaba! “Fans” grubuna katılmak için önce @news kanalına abone olun.");

    UserRef bob = UserRef.of(102, "Bob", "bob");
    world.handle(world.requestsToJoin(GROUP, bob));
    SentMessage toBob = world.telegram.messagesIn(bob.id().privateChat()).get(0);
    assertThat(toBob.message().text()).startsWith("👋 Salom! “Fans” guruhiga qoʻshilish");
    assertThat(toBob.message().keyboard())
        .flatMap(row -> row)
        .extracting(Button::text)
        .containsExactly("📢 Kanalga obuna boʻlish @news", "✅ Obuna boʻldim - meni kiriting");
  }

  @Test
  void theOwnerIsToldInTheGroupsLanguage() {
    world.protectedGroup();
    groupSpeaks(Language.HINDI);

    world.handle(
        world.botChange(
            GROUP,
            world.bot(MemberStatus.ADMINISTRATOR, AdminRights.ALL),
            world.bot(MemberStatus.LEFT, AdminRights.NONE)));

    assertThat(lastTextIn(ChatRef.privateChat(OWNER)))
        .isEqualTo(
            "⚠️ मुझे “Fans” से हटा दिया गया। जब तक आप मुझे फिर से एडमिन बनाकर /reactivate नहीं"
                + " भेजते, वहाँ सुरक्षा बंद रहेगी।");
  }

  @Test
  void aPausedGroupsStatusExplainsThePauseInItsLanguage() {
    world.protectedGroup();
    groupSpeaks(Language.RUSSIAN);
    world.handle(
        world.botChange(
            GROUP,
            world.bot(MemberStatus.ADMINISTRATOR, AdminRights.ALL),
            world.bot(MemberStatus.LEFT, AdminRights.NONE)));

    world.handle(world.command(GROUP, OWNER, "status"));

    assertThat(lastTextIn(GROUP))
        .startsWith(
            "🛡️ Защита: ⏸ приостановлена: меня удалили из этой группы (removed from group).");
  }
}
