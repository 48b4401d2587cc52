package dev.gmbot.domain.commands;

import static dev.gmbot.domain.GuardFixture.ALICE;
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
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.UserRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every text the menu shows comes from its catalogue: with a catalogue that answers each message
 * with its own name, every screen, button label and answer to a press is made of such names.
 */
class MenuTextsTest {
  private final GuardFixture world = new GuardFixture().protectedGroup();
  private final MessageNames<MenuTexts> names = MessageNames.of(MenuTexts.class);
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
          language -> names.texts());
  private final List<String> shown = new ArrayList<>();
  private final MessageId menu = MessageId.of(77);
  private int presses;

  /** Decides, keeps what was shown, and carries out the state changes the next steps need. */
  private List<Decision> decide(List<Decision> decisions) {
    for (Decision d : decisions) {
      switch (d) {
        case Decision.Reply r -> show(r.message());
        case Decision.EditMessage m -> show(m.replacement());
        case Decision.AnswerCallback a -> a.answer().text().ifPresent(shown::add);
        case Decision.SaveConversation s -> world.repos.conversations().save(s.conversation());
        case Decision.EndConversation e -> world.repos.conversations().end(e.user());
        case Decision.ProtectGroup p ->
            world
                .repos
                .groups()
                .protect(p.group(), p.title(), p.owner(), p.channels(), world.clock.instant());
        case Decision.UnprotectGroup u ->
            world.repos.groups().unlink(u.group(), u.channels(), world.clock.instant());
        default -> {}
      }
    }
    return decisions;
  }

  private void show(OutgoingMessage message) {
    shown.add(message.text());
    message.keyboard().stream().flatMap(List::stream).map(Button::text).forEach(shown::add);
  }

  private void press(UserRef who, String data) {
    presses++;
    decide(
        commands.decide(
            new ButtonPressed(
                world.nextUpdateId(),
                world.clock.instant(),
                "q" + presses,
                who,
                Optional.of(ChatRef.privateChat(who)),
                Optional.of(menu),
                data)));
  }

  private void press(MenuCallback.Action action, String argument) {
    press(OWNER, MenuCallback.of(action, GROUP.groupId(), argument).encode());
  }

  private void type(String text) {
    decide(
        commands.decide(
            new TextReceived(
                world.nextUpdateId(),
                world.clock.instant(),
                ChatRef.privateChat(OWNER),
                world.nextMessageId(),
                OWNER,
                text)));
  }

  private void command(ChatRef chat, UserRef who, String name, String... args) {
    decide(commands.decide(world.command(chat, who, name, args)));
  }

  @Test
  void everyScreenLabelAndAnswerOfTheMenuIsAMessageOfTheCatalogue() {
    ChatRef own = ChatRef.privateChat(OWNER);
    command(own, OWNER, "settings");
    command(own, OWNER, "start", new DeepLink(DeepLink.Target.SETTINGS, GROUP.groupId()).payload());
    command(own, OWNER, "audit");
    command(GROUP, OWNER, "audit");
    press(OWNER, MenuCallback.home().encode());
    press(OWNER, MenuCallback.noop().encode());
    press(OWNER, "m:zz");
    press(MenuCallback.Action.GROUP, "");
    press(MenuCallback.Action.CHANNELS, "");
    press(MenuCallback.Action.ADD_CHANNEL, "");
    type("not a channel");
    type("@nosuchchannel");
    type("@extra");
    press(
        MenuCallback.Action.REMOVE_CHANNEL, MenuCallback.number(GuardFixture.CHANNEL.id().value()));
    press(
        MenuCallback.Action.REMOVE_CHANNEL,
        MenuCallback.number(GuardFixture.SECOND_CHANNEL.id().value()));
    press(MenuCallback.Action.LIFETIMES, "");
    press(MenuCallback.Action.SET_LIFETIME, MenuCallback.number(300));
    press(MenuCallback.Action.DELETE_MESSAGES, "0");
    press(MenuCallback.Action.EDIT, MenuSubject.PROMPT_TEXT.code());
    type("x".repeat(1001));
    type("Welcome!");
    press(MenuCallback.Action.SAVE, "");
    press(MenuCallback.Action.SAVE, "");
    press(MenuCallback.Action.EDIT, MenuSubject.VERIFY_TEXT.code());
    press(MenuCallback.Action.CANCEL, "");
    press(MenuCallback.Action.EDIT, MenuSubject.JOIN_TEXT.code());
    press(MenuCallback.Action.AUDIT, "0");
    press(MenuCallback.Action.LANGUAGES, "");
    press(MenuCallback.Action.SET_LANGUAGE, "ru");
    press(MenuCallback.Action.EDIT, MenuSubject.TOPIC.code());
    type("no topic here");
    type("7");
    press(ALICE, MenuCallback.of(MenuCallback.Action.GROUP, GROUP.groupId()).encode());
    world.repos.groups().disable(GROUP.groupId(), world.clock.instant());
    press(MenuCallback.Action.GROUP, "");

    assertThat(shown).hasSizeGreaterThan(60).allMatch(MessageNames::onlyNames);
    assertThat(names.asked())
        .contains(
            "groupsScreen",
            "groupButton",
            "allGroupsButton",
            "groupScreen",
            "channelsButton",
            "deleteMessagesButton",
            "lifetimeButton",
            "promptTextButton",
            "verifyLabelButton",
            "joinLabelButton",
            "auditButton",
            "backButton",
            "channelsScreen",
            "removeChannelButton",
            "addChannelButton",
            "askChannel",
            "notAChannelName",
            "channelNotAdded",
            "channelAdded",
            "channelRemovedToast",
            "lastChannelAlert",
            "lifetimesScreen",
            "lifetimeChoice",
            "askPromptText",
            "askVerifyLabel",
            "askJoinLabel",
            "textRefused",
            "previewQuestion",
            "saveButton",
            "typeAgainButton",
            "cancelButton",
            "previewOnlyToast",
            "previewExpiredAlert",
            "savedToast",
            "cancelledToast",
            "saved",
            "staleScreen",
            "staleAlert",
            "notAdminAlert",
            "notAdmin",
            "unknownButtonAlert",
            "auditScreen",
            "auditInPrivate",
            "openAuditButton",
            "languageLine",
            "topicLine",
            "languageButton",
            "topicButton",
            "languagesScreen",
            "languageChoice",
            "askTopic",
            "notATopic");
  }
}
