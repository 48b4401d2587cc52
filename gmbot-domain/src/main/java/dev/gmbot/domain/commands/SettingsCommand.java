package dev.gmbot.domain.commands;

import dev.gmbot.domain.protection.BotSelf;
import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.protection.Decision.ChangeSettings;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.ProtectedGroup;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * /settings [key value]: in a group, shows the group's settings with a button that opens the
 * settings menu in the private chat ({@link DeepLink}), or changes one {@link Setting}; in private,
 * opens the menu's list of groups.
 */
final class SettingsCommand implements Command {
  private final AdminAccess access;
  private final Function<Language, CommandTexts> languages;
  private final Function<Language, MenuTexts> menuTexts;
  private final MenuEntrances menu;
  private final BotSelf self;

  SettingsCommand(
      AdminAccess access,
      Function<Language, CommandTexts> languages,
      Function<Language, MenuTexts> menuTexts,
      MenuEntrances menu,
      BotSelf self) {
    this.access = Objects.requireNonNull(access, "access");
    this.languages = Objects.requireNonNull(languages, "languages");
    this.menuTexts = Objects.requireNonNull(menuTexts, "menuTexts");
    this.menu = Objects.requireNonNull(menu, "menu");
    this.self = Objects.requireNonNull(self, "self");
  }

  @Override
  public List<Decision> decide(CommandRequest request) {
    if (request.chat().type() == ChatType.PRIVATE) {
      return menu.settings(request);
    }
    return switch (access.check(request)) {
      case AdminAccess.Outcome.Refused refused -> request.reply(refused.reply());
      case AdminAccess.Outcome.Granted granted -> settings(request, granted.group());
    };
  }

  private List<Decision> settings(CommandRequest request, ProtectedGroup g) {
    CommandTexts texts = request.texts();
    List<String> args = request.args();
    if (args.isEmpty()) {
      String link = new DeepLink(DeepLink.Target.SETTINGS, g.id()).url(self.profile());
      return List.of(
          request.answer(
              texts.settings(g.settings()),
              List.of(
                  List.of(
                      new Button.Url(
                          menuTexts.apply(texts.language()).openSettingsButton(), link)))));
    }
    String key = args.get(0).toLowerCase(Locale.ROOT);
    String value = String.join(" ", args.subList(1, args.size())).strip();
    if (value.isEmpty()) {
      return request.reply(texts.whichValue());
    }
    Optional<GroupSettings> changed = change(g.settings(), key, value);
    if (changed.isEmpty()) {
      return request.reply(texts.cannotSet(key, value));
    }
    // A new language confirms in that language.
    CommandTexts saved =
        changed.get().language() == texts.language()
            ? texts
            : languages.apply(changed.get().language());
    return List.of(
        new ChangeSettings(g.id(), changed.get()),
        request.answer(saved.settingsSaved(changed.get())));
  }

  private static Optional<GroupSettings> change(GroupSettings current, String key, String value) {
    try {
      return Setting.named(key).flatMap(setting -> setting.apply(current, value));
    } catch (IllegalArgumentException outOfRange) {
      return Optional.empty();
    }
  }
}
