package dev.gmbot.domain.commands;

import dev.gmbot.domain.i18n.Readers;
import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.protection.Decision.AnswerCallback;
import dev.gmbot.domain.protection.Decision.ChangeSettings;
import dev.gmbot.domain.protection.Decision.EditMessage;
import dev.gmbot.domain.protection.Decision.EndConversation;
import dev.gmbot.domain.protection.Decision.ForgetMenuGroup;
import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.domain.protection.Decision.Reply;
import dev.gmbot.domain.protection.Decision.SaveConversation;
import dev.gmbot.domain.protection.Decision.UnprotectGroup;
import dev.gmbot.domain.protection.Decision.UntrustMember;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.port.in.ButtonPressed;
import dev.gmbot.port.in.ProtectGroupCommand;
import dev.gmbot.port.model.AuditPage;
import dev.gmbot.port.model.CallbackAnswer;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.Conversation;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.EnforcementRules;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.TrustedMember;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.AuditTrail;
import dev.gmbot.port.out.ConversationRepository;
import dev.gmbot.port.out.TrustList;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A press of a settings-menu button. Every press is answered first (P0, so the spinner stops at
 * once), is authorized afresh ({@link MenuAccess}: the group still protected, the presser still its
 * admin), and shows its result by editing the very message pressed (a new message only when
 * Telegram no longer gives it). What a press changes is a {@link Decision} like any other.
 */
final class MenuPresses {
  private final MenuAccess access;
  private final MenuGroups groups;
  private final Function<Language, MenuScreens> screens;
  private final ConversationRepository conversations;
  private final AuditTrail audit;
  private final TrustList trust;
  private final Clock clock;

  MenuPresses(
      MenuAccess access,
      MenuGroups groups,
      Function<Language, MenuScreens> screens,
      ConversationRepository conversations,
      AuditTrail audit,
      TrustList trust,
      Clock clock) {
    this.access = Objects.requireNonNull(access, "access");
    this.groups = Objects.requireNonNull(groups, "groups");
    this.screens = Objects.requireNonNull(screens, "screens");
    this.conversations = Objects.requireNonNull(conversations, "conversations");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.trust = Objects.requireNonNull(trust, "trust");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * One press, in the presser's private chat, and the screens in the presser's language (else the
   * group's, once the group is known).
   */
  private record Press(
      ButtonPressed event, ChatId chat, MenuCallback callback, MenuScreens screens) {
    UserRef presser() {
      return event.from();
    }

    MenuTexts texts() {
      return screens.texts();
    }

    Decision answer(CallbackAnswer answer) {
      return new AnswerCallback(answer);
    }

    Decision silent() {
      return answer(CallbackAnswer.silent(event.callbackQueryId()));
    }

    Decision toast(String text) {
      return answer(CallbackAnswer.toast(event.callbackQueryId(), text));
    }

    Decision alert(String text) {
      return answer(CallbackAnswer.alert(event.callbackQueryId(), text));
    }

    /** The screen in place of the pressed message, or sent anew when that is out of reach. */
    Decision show(OutgoingMessage screen) {
      return event
          .message()
          .<Decision>map(m -> new EditMessage(chat, m, screen))
          .orElse(new Reply(chat, screen, Priority.P0_INTERACTIVE));
    }
  }

  List<Decision> decide(ButtonPressed e) {
    ChatId own = e.from().id().privateChat();
    ChatId chat = e.chat().map(ChatRef::id).orElse(own);
    Optional<MenuCallback> parsed = MenuCallback.parse(e.data());
    MenuScreens reader = screensFor(e.from(), Language.DEFAULT);
    if (parsed.isEmpty() || !chat.equals(own)) {
      return List.of(
          new AnswerCallback(
              CallbackAnswer.alert(e.callbackQueryId(), reader.texts().unknownButtonAlert())),
          new Note("unknown menu button " + e.data()));
    }
    Press press = new Press(e, chat, parsed.get(), reader);
    return switch (press.callback().action()) {
      case NOOP -> List.of(press.toast(press.texts().previewOnlyToast()));
      case HOME -> home(press);
      default -> inGroup(press);
    };
  }

  private List<Decision> home(Press press) {
    MenuGroups.Listing listing = groups.of(press.presser());
    List<Decision> decisions = new ArrayList<>();
    decisions.add(press.silent());
    decisions.addAll(listing.forget());
    decisions.add(press.show(press.screens().groups(listing.groups())));
    return decisions;
  }

  private List<Decision> inGroup(Press press) {
    return switch (access.check(press.presser(), press.callback().group().orElseThrow())) {
      case MenuAccess.Outcome.Granted granted ->
          act(speaking(press, granted.group()), granted.group());
      case MenuAccess.Outcome.Stale stale ->
          List.of(
              press.alert(press.texts().staleAlert()),
              new ForgetMenuGroup(press.presser().id(), press.callback().group().orElseThrow()),
              press.show(press.screens().stale(stale.title())));
      case MenuAccess.Outcome.NotAdmin refused -> {
        Press in = speaking(press, refused.group());
        yield List.of(
            in.alert(in.texts().notAdminAlert(refused.group().title())),
            new ForgetMenuGroup(press.presser().id(), refused.group().id()),
            in.show(in.screens().notAdmin(refused.group().title())),
            new Note("menu press by " + press.presser().id() + ", not an admin"));
      }
      case MenuAccess.Outcome.CannotCheck c ->
          List.of(press.alert(press.texts().cannotCheckAlert()));
    };
  }

  private List<Decision> act(Press press, ProtectedGroup g) {
    MenuCallback cb = press.callback();
    return switch (cb.action()) {
      case GROUP -> List.of(press.silent(), press.show(press.screens().group(g)));
      case CHANNELS ->
          List.of(press.silent(), press.show(press.screens().channels(g, Optional.empty())));
      case ADD_CHANNEL ->
          g.channels().size() >= ProtectGroupCommand.MAX_CHANNELS
              ? List.of(
                  press.alert(press.texts().tooManyChannelsAlert(ProtectGroupCommand.MAX_CHANNELS)))
              : ask(press, g, MenuSubject.CHANNEL);
      case REMOVE_CHANNEL -> removeChannel(press, g);
      case DELETE_MESSAGES ->
          switch (cb.argument()) {
            case "1" -> change(press, g, g.settings().withDeleteMessages(true));
            case "0" -> change(press, g, g.settings().withDeleteMessages(false));
            default -> unknown(press);
          };
      case LIFETIMES -> List.of(press.silent(), press.show(press.screens().lifetimes(g)));
      case SET_LIFETIME -> setLifetime(press, g);
      case EDIT -> edit(press, g);
      case SAVE -> save(press, g);
      case CANCEL ->
          List.of(
              press.toast(press.texts().cancelledToast()),
              new EndConversation(press.presser().id()),
              press.show(press.screens().group(g)));
      case LANGUAGES -> List.of(press.silent(), press.show(press.screens().languages(g)));
      case SET_LANGUAGE ->
          Language.ofTag(cb.argument())
              .filter(l -> MenuOptions.LANGUAGES.contains(cb.argument()))
              .map(l -> change(press, g, g.settings().withLanguage(l)))
              .orElseGet(() -> unknown(press));
      case AUDIT -> auditPage(press, g);
      case ENFORCEMENT -> List.of(press.silent(), press.show(press.screens().enforcement(g)));
      case SET_ACTION ->
          EnforcementRules.Action.ofKey(cb.argument())
              .map(a -> enforce(press, g, g.settings().enforcement().withAction(a), true))
              .orElseGet(() -> unknown(press));
      case SET_REMOVE_AFTER ->
          withDuration(
              press, d -> enforce(press, g, g.settings().enforcement().withRemoveAfter(d), true));
      case ON_FAILURE -> List.of(press.silent(), press.show(press.screens().onFailure(g)));
      case SET_ON_FAILURE ->
          EnforcementRules.CheckFailure.ofKey(cb.argument())
              .map(f -> enforce(press, g, g.settings().enforcement().withOnCheckFailure(f), false))
              .orElseGet(() -> unknown(press));
      case SET_HOLD_LIMIT ->
          withDuration(
              press, d -> enforce(press, g, g.settings().enforcement().withHoldLimit(d), false));
      case TRUSTED -> List.of(press.silent(), press.show(trusted(press, g, Optional.empty())));
      case UNTRUST -> untrust(press, g);
      case HOME, NOOP -> throw new IllegalStateException(cb.action() + " has no group");
    };
  }

  private List<Decision> removeChannel(Press press, ProtectedGroup g) {
    Optional<EnforcedChannel> linked =
        press
            .callback()
            .number()
            .filter(id -> id < 0)
            .map(ChannelId::of)
            .flatMap(id -> g.channels().stream().filter(c -> c.id().equals(id)).findFirst());
    if (linked.isEmpty()) {
      return List.of(press.silent(), press.show(press.screens().channels(g, Optional.empty())));
    }
    if (g.channels().size() == 1) {
      return List.of(press.alert(press.texts().lastChannelAlert()));
    }
    EnforcedChannel gone = linked.get();
    List<EnforcedChannel> rest = g.channels().stream().filter(c -> c != gone).toList();
    return List.of(
        press.toast(press.texts().channelRemovedToast(gone.displayName())),
        new UnprotectGroup(g.id(), Set.of(gone.id())),
        press.show(press.screens().channels(MenuScreens.withChannels(g, rest), Optional.empty())));
  }

  private List<Decision> setLifetime(Press press, ProtectedGroup g) {
    Optional<Long> seconds = press.callback().number();
    if (seconds.isEmpty()) {
      return unknown(press);
    }
    try {
      return change(press, g, g.settings().withPromptLifetime(Duration.ofSeconds(seconds.get())));
    } catch (IllegalArgumentException outOfRange) {
      return unknown(press);
    }
  }

  /** A duration in seconds from the press; a value out of range is an unknown button. */
  private List<Decision> withDuration(Press press, Function<Duration, List<Decision>> then) {
    Optional<Long> seconds = press.callback().number();
    if (seconds.isEmpty()) {
      return unknown(press);
    }
    try {
      return then.apply(Duration.ofSeconds(seconds.get()));
    } catch (IllegalArgumentException outOfRange) {
      return unknown(press);
    }
  }

  /**
   * A change of the enforcement rules, shown on the screen it was made on: the actions' ({@code
   * actions}) or the failure policies'.
   */
  private List<Decision> enforce(
      Press press, ProtectedGroup g, EnforcementRules rules, boolean actions) {
    GroupSettings changed = g.settings().withEnforcement(rules);
    ProtectedGroup now = MenuScreens.withSettings(g, changed);
    return List.of(
        press.toast(press.texts().savedToast()),
        new ChangeSettings(g.id(), changed),
        press.show(actions ? press.screens().enforcement(now) : press.screens().onFailure(now)));
  }

  /** The trust list as it is, or as it is once {@code gone} is off it. */
  private OutgoingMessage trusted(Press press, ProtectedGroup g, Optional<UserId> gone) {
    List<TrustedMember> listed =
        trust.list(g.id(), MenuOptions.TRUSTED_LISTED + 1).stream()
            .filter(m -> gone.map(u -> !u.equals(m.user())).orElse(true))
            .limit(MenuOptions.TRUSTED_LISTED)
            .toList();
    int total = Math.max(listed.size(), trust.count(g.id()) - (gone.isPresent() ? 1 : 0));
    return press.screens().trusted(g, listed, total);
  }

  private List<Decision> untrust(Press press, ProtectedGroup g) {
    Optional<UserId> user = press.callback().number().filter(id -> id > 0).map(UserId::of);
    if (user.isEmpty()) {
      return unknown(press);
    }
    if (!trust.isTrusted(g.id(), user.get())) {
      // Already taken off (another admin, /untrust): show the list as it is now.
      return List.of(press.silent(), press.show(trusted(press, g, Optional.empty())));
    }
    String name =
        trust.list(g.id(), MenuOptions.TRUSTED_LISTED + 1).stream()
            .filter(m -> m.user().equals(user.get()))
            .findFirst()
            .map(CatalogueMenuTexts::trustedName)
            .orElse("id " + user.get().value());
    return List.of(
        press.toast(press.texts().untrustedToast(name)),
        new UntrustMember(g.id(), user.get(), press.presser().id()),
        press.show(trusted(press, g, user)));
  }

  private List<Decision> edit(Press press, ProtectedGroup g) {
    Optional<MenuSubject> subject = MenuSubject.coded(press.callback().argument());
    if (subject.isEmpty() || subject.get() == MenuSubject.CHANNEL) {
      return unknown(press);
    }
    return ask(press, g, subject.get());
  }

  /** The menu asks for a text and waits for it (the wait outlives restarts: it is stored). */
  private List<Decision> ask(Press press, ProtectedGroup g, MenuSubject subject) {
    Conversation waiting =
        new Conversation(
            press.presser().id(),
            g.id(),
            subject.key(),
            Optional.empty(),
            clock.instant().plus(MenuOptions.CONVERSATION_TIME));
    return List.of(
        press.silent(), new SaveConversation(waiting), press.show(press.screens().ask(g, subject)));
  }

  /** Saves the previewed text, applied to the settings as they are now. */
  private List<Decision> save(Press press, ProtectedGroup g) {
    Optional<Conversation> previewed =
        conversations
            .find(press.presser().id(), clock.instant())
            .filter(c -> c.group().equals(g.id()) && c.draft().isPresent());
    Optional<GroupSettings> changed =
        previewed.flatMap(
            c ->
                MenuSubject.named(c.subject())
                    .filter(MenuSubject::isPromptText)
                    .flatMap(s -> s.apply(g.settings(), c.draft().get())));
    if (changed.isEmpty()) {
      return List.of(
          press.alert(press.texts().previewExpiredAlert()), press.show(press.screens().group(g)));
    }
    return List.of(
        press.toast(press.texts().savedToast()),
        new ChangeSettings(g.id(), changed.get()),
        new EndConversation(press.presser().id()),
        press.show(press.screens().saved(MenuScreens.withSettings(g, changed.get()))));
  }

  /** A change of settings; a new language of the group speaks at once to a reader without one. */
  private List<Decision> change(Press press, ProtectedGroup g, GroupSettings changed) {
    ProtectedGroup now = MenuScreens.withSettings(g, changed);
    Press after = speaking(press, now);
    return List.of(
        after.toast(after.texts().savedToast()),
        new ChangeSettings(g.id(), changed),
        after.show(after.screens().group(now)));
  }

  private List<Decision> auditPage(Press press, ProtectedGroup g) {
    int wanted = press.callback().number().filter(n -> n >= 0 && n < 100_000).orElse(0L).intValue();
    AuditPage page = audit.page(g.id(), wanted, MenuOptions.AUDIT_PAGE_SIZE);
    if (page.entries().isEmpty() && page.page() > 0) {
      page = audit.page(g.id(), page.pageCount() - 1, MenuOptions.AUDIT_PAGE_SIZE);
    }
    return List.of(press.silent(), press.show(press.screens().audit(g, page)));
  }

  /** The screens in the presser's own language, else the given one. */
  private MenuScreens screensFor(UserRef reader, Language fallback) {
    return screens.apply(Readers.languageFor(reader, fallback));
  }

  /** The press, answered in the presser's language, else the group's. */
  private Press speaking(Press press, ProtectedGroup g) {
    return new Press(
        press.event(),
        press.chat(),
        press.callback(),
        screensFor(press.presser(), g.settings().language()));
  }

  private List<Decision> unknown(Press press) {
    return List.of(press.alert(press.texts().unknownButtonAlert()));
  }
}
