package dev.gmbot.domain.commands;

import dev.gmbot.domain.i18n.Readers;
import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.protection.Decision.ForgetMenuGroup;
import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.domain.protection.Decision.RememberMenuGroup;
import dev.gmbot.domain.protection.Decision.Reply;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.AuditPage;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.AuditTrail;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ways into the menu in a private chat, each a new message whose buttons then edit it: {@code
 * /settings} (the list of groups), {@code /start <link>} from a group's {@code /settings} or {@code
 * /audit} button (that group's menu or log, and the group is remembered for the list), and {@code
 * /audit} (the log of the one group the person administers, or the list to pick from).
 */
final class MenuEntrances {
  private final MenuAccess access;
  private final MenuGroups groups;
  private final Function<Language, MenuScreens> screens;
  private final AuditTrail audit;

  MenuEntrances(
      MenuAccess access,
      MenuGroups groups,
      Function<Language, MenuScreens> screens,
      AuditTrail audit) {
    this.access = Objects.requireNonNull(access, "access");
    this.groups = Objects.requireNonNull(groups, "groups");
    this.screens = Objects.requireNonNull(screens, "screens");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  /** /settings in private: the groups the person administers. */
  List<Decision> settings(CommandRequest request) {
    return person(request)
        .map(
            who -> {
              MenuGroups.Listing listing = groups.of(who);
              List<Decision> decisions = new ArrayList<>(listing.forget());
              decisions.add(show(request, screens(request).groups(listing.groups())));
              return decisions;
            })
        .orElse(List.of(new Note("ignored: /settings from no person")));
  }

  /** /audit in private: the one group's log, or the groups to choose from. */
  List<Decision> audit(CommandRequest request) {
    return person(request)
        .map(
            who -> {
              MenuGroups.Listing listing = groups.of(who);
              List<Decision> decisions = new ArrayList<>(listing.forget());
              decisions.add(
                  show(
                      request,
                      listing.groups().size() == 1
                          ? in(who, listing.groups().get(0))
                              .audit(listing.groups().get(0), firstPage(listing.groups().get(0)))
                          : screens(request).auditGroups(listing.groups())));
              return decisions;
            })
        .orElse(List.of(new Note("ignored: /audit from no person")));
  }

  /** /start with a link from a group: its menu or its log, once the person is checked. */
  List<Decision> open(CommandRequest request, DeepLink link) {
    Optional<UserRef> who = person(request);
    if (who.isEmpty()) {
      return List.of(new Note("ignored: a menu link opened by no person"));
    }
    return switch (access.check(who.get(), link.group())) {
      case MenuAccess.Outcome.Granted granted -> {
        ProtectedGroup g = granted.group();
        MenuScreens in = in(who.get(), g);
        OutgoingMessage screen =
            link.target() == DeepLink.Target.SETTINGS ? in.group(g) : in.audit(g, firstPage(g));
        yield List.of(new RememberMenuGroup(who.get().id(), g.id()), show(request, screen));
      }
      case MenuAccess.Outcome.Stale stale ->
          List.of(show(request, screens(request).stale(stale.title())));
      case MenuAccess.Outcome.NotAdmin refused ->
          List.of(
              new ForgetMenuGroup(who.get().id(), link.group()),
              show(request, in(who.get(), refused.group()).notAdmin(refused.group().title())));
      case MenuAccess.Outcome.CannotCheck cannot -> {
        MenuScreens reader = screens(request);
        yield List.of(show(request, reader.notice(reader.texts().cannotCheckAlert())));
      }
    };
  }

  /** The texts of the request: the reader's language, else English (no group on the screen). */
  private MenuScreens screens(CommandRequest request) {
    return screens.apply(request.texts().language());
  }

  /** About one group: the reader's own language, else the group's. */
  private MenuScreens in(UserRef reader, ProtectedGroup g) {
    return screens.apply(Readers.languageFor(reader, g.settings().language()));
  }

  private AuditPage firstPage(ProtectedGroup g) {
    return audit.page(g.id(), 0, MenuOptions.AUDIT_PAGE_SIZE);
  }

  private static Optional<UserRef> person(CommandRequest request) {
    return request.sender() instanceof Sender.User u && !u.user().isBot()
        ? Optional.of(u.user())
        : Optional.empty();
  }

  private static Decision show(CommandRequest request, OutgoingMessage screen) {
    ChatId chat = request.chat().id();
    return new Reply(chat, screen, Priority.P0_INTERACTIVE);
  }
}
