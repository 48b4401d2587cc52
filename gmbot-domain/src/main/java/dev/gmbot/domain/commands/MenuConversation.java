package dev.gmbot.domain.commands;

import dev.gmbot.domain.commands.AdminAuthorization.Caller;
import dev.gmbot.domain.i18n.Readers;
import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.protection.Decision.ChangeSettings;
import dev.gmbot.domain.protection.Decision.EndConversation;
import dev.gmbot.domain.protection.Decision.ForgetMenuGroup;
import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.domain.protection.Decision.PreviewPrompt;
import dev.gmbot.domain.protection.Decision.ProtectGroup;
import dev.gmbot.domain.protection.Decision.Reply;
import dev.gmbot.domain.protection.Decision.SaveConversation;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.port.in.ChannelReference;
import dev.gmbot.port.in.ProtectGroupCommand;
import dev.gmbot.port.in.TextReceived;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.Conversation;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.ConversationRepository;
import dev.gmbot.port.out.OwnerRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a person types in private while the menu waits for it (a stored {@link Conversation}): a
 * prompt text or button label is previewed as the group's prompt and waits for "Save"; a channel is
 * checked as /protect checks it and added; a topic is set. The person's rights are checked afresh,
 * like on every press. A text while nothing is asked is ignored. The answers are new messages: a
 * typed text is not a press, so there is no message to edit.
 */
final class MenuConversation {
  private final MenuAccess access;
  private final Function<Language, MenuScreens> screens;
  private final ConversationRepository conversations;
  private final OwnerRepository owners;
  private final AdminAuthorization authorization;
  private final BotRightsCheck rights;
  private final ChannelResolution channels;
  private final Function<Language, CommandTexts> commandTexts;
  private final Clock clock;

  MenuConversation(
      MenuAccess access,
      Function<Language, MenuScreens> screens,
      ConversationRepository conversations,
      OwnerRepository owners,
      AdminAuthorization authorization,
      BotRightsCheck rights,
      ChannelResolution channels,
      Function<Language, CommandTexts> commandTexts,
      Clock clock) {
    this.access = Objects.requireNonNull(access, "access");
    this.screens = Objects.requireNonNull(screens, "screens");
    this.conversations = Objects.requireNonNull(conversations, "conversations");
    this.owners = Objects.requireNonNull(owners, "owners");
    this.authorization = Objects.requireNonNull(authorization, "authorization");
    this.rights = Objects.requireNonNull(rights, "rights");
    this.channels = Objects.requireNonNull(channels, "channels");
    this.commandTexts = Objects.requireNonNull(commandTexts, "commandTexts");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  List<Decision> decide(TextReceived e) {
    UserRef person = e.from();
    Optional<Conversation> waiting = conversations.find(person.id(), clock.instant());
    if (waiting.isEmpty()) {
      return List.of(new Note("ignored: a text in private while nothing was asked"));
    }
    Conversation c = waiting.get();
    Optional<MenuSubject> subject = MenuSubject.named(c.subject());
    if (subject.isEmpty()) {
      return List.of(
          new EndConversation(person.id()), new Note("ended a conversation about " + c.subject()));
    }
    ChatId chat = e.chat().id();
    MenuScreens reader = screens.apply(Readers.languageFor(person, Language.DEFAULT));
    return switch (access.check(person, c.group())) {
      case MenuAccess.Outcome.Stale stale ->
          List.of(new EndConversation(person.id()), reply(chat, reader.stale(stale.title())));
      case MenuAccess.Outcome.NotAdmin refused ->
          List.of(
              new EndConversation(person.id()),
              new ForgetMenuGroup(person.id(), c.group()),
              reply(chat, in(person, refused.group()).notAdmin(refused.group().title())));
      case MenuAccess.Outcome.CannotCheck cannot ->
          List.of(reply(chat, reader.notice(reader.texts().cannotCheckAlert())));
      case MenuAccess.Outcome.Granted granted ->
          answer(e, c, subject.get(), granted.group(), chat, in(person, granted.group()));
    };
  }

  /** The screens in the person's own language, else the group's. */
  private MenuScreens in(UserRef person, ProtectedGroup g) {
    return screens.apply(Readers.languageFor(person, g.settings().language()));
  }

  private List<Decision> answer(
      TextReceived e,
      Conversation c,
      MenuSubject subject,
      ProtectedGroup g,
      ChatId chat,
      MenuScreens screens) {
    return switch (subject) {
      case PROMPT_TEXT, VERIFY_TEXT, JOIN_TEXT -> preview(e, c, subject, g, chat, screens);
      case CHANNEL -> addChannel(e, g, chat, screens);
      case TOPIC -> setTopic(e, g, chat, screens);
    };
  }

  /** The typed text becomes the draft; the prompt is shown as it would be, then Save or not. */
  private List<Decision> preview(
      TextReceived e,
      Conversation c,
      MenuSubject subject,
      ProtectedGroup g,
      ChatId chat,
      MenuScreens screens) {
    MenuTexts texts = screens.texts();
    Optional<GroupSettings> drafted = subject.apply(g.settings(), e.text());
    if (drafted.isEmpty()) {
      int max = subject == MenuSubject.PROMPT_TEXT ? Setting.MAX_PROMPT_TEXT : Setting.MAX_LABEL;
      return List.of(reply(chat, screens.askAgain(g, texts.textRefused(max))));
    }
    return List.of(
        new SaveConversation(
            c.withDraft(e.text().strip(), clock.instant().plus(MenuOptions.CONVERSATION_TIME))),
        new PreviewPrompt(
            chat, e.from(), g.channels(), drafted.get(), MenuCallback.noop().encode()),
        reply(chat, screens.confirm(g, subject)));
  }

  /** A channel to require: checked like /protect checks one, then linked. */
  private List<Decision> addChannel(
      TextReceived e, ProtectedGroup g, ChatId chat, MenuScreens screens) {
    MenuTexts texts = screens.texts();
    String typed = e.text().strip();
    Optional<ChannelReference> reference = ChannelReference.parse(typed);
    if (reference.isEmpty()) {
      return List.of(reply(chat, screens.askAgain(g, texts.notAChannelName(typed))));
    }
    Optional<EnforcedChannel> linked =
        g.channels().stream().filter(reference.get()::names).findFirst();
    if (linked.isPresent()) {
      return List.of(
          new EndConversation(e.from().id()),
          reply(
              chat,
              screens.channels(g, Optional.of(texts.alreadyRequired(linked.get().displayName())))));
    }
    if (g.channels().size() >= ProtectGroupCommand.MAX_CHANNELS) {
      return List.of(
          new EndConversation(e.from().id()),
          reply(
              chat,
              screens.channels(
                  g, Optional.of(texts.tooManyChannelsAlert(ProtectGroupCommand.MAX_CHANNELS)))));
    }
    Owner accountable =
        authorization.accountable(g.id(), new Caller(Optional.of(e.from()))).orElseThrow();
    // The check lines are those of /protect, in the reader's language (else the group's).
    Checklist checks =
        new Checklist(commandTexts.apply(Readers.languageFor(e.from(), g.settings().language())));
    rights.inGroup(g.id(), checks);
    Optional<EnforcedChannel> added =
        checks.passed()
            ? channels.resolve(reference.get(), accountable, false, checks)
            : Optional.empty();
    if (added.isEmpty()) {
      return List.of(reply(chat, screens.askAgain(g, texts.channelNotAdded(checks.lines()))));
    }
    // The group keeps its owner: the menu changes what a group requires, not whose it is.
    Owner owner = owners.find(g.owner()).orElse(new Owner(g.owner(), Optional.empty(), false));
    List<EnforcedChannel> now = new ArrayList<>(g.channels());
    now.add(added.get());
    return List.of(
        new ProtectGroup(g.id(), g.title(), owner, List.of(added.get())),
        new EndConversation(e.from().id()),
        reply(
            chat,
            screens.channels(
                MenuScreens.withChannels(g, now),
                Optional.of(texts.channelAdded(added.get().displayName())))));
  }

  private List<Decision> setTopic(
      TextReceived e, ProtectedGroup g, ChatId chat, MenuScreens screens) {
    Optional<GroupSettings> named = PromptTopicSetting.apply(g.settings(), e.text());
    if (named.isEmpty()) {
      return List.of(reply(chat, screens.askAgain(g, screens.texts().notATopic(e.text().strip()))));
    }
    GroupSettings changed = named.get();
    return List.of(
        new ChangeSettings(g.id(), changed),
        new EndConversation(e.from().id()),
        reply(chat, screens.saved(MenuScreens.withSettings(g, changed))));
  }

  private static Decision reply(ChatId chat, OutgoingMessage screen) {
    return new Reply(chat, screen, Priority.P0_INTERACTIVE);
  }
}
