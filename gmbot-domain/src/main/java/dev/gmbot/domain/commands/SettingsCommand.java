package dev.gmbot.domain.commands;

import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.protection.Decision.ChangeSettings;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.ProtectedGroup;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** /settings [key value]: shows the group's settings, or changes one {@link Setting}. */
final class SettingsCommand implements Command {
  private final AdminAccess access;
  private final CommandTexts texts;

  SettingsCommand(AdminAccess access, CommandTexts texts) {
    this.access = Objects.requireNonNull(access, "access");
    this.texts = Objects.requireNonNull(texts, "texts");
  }

  @Override
  public List<Decision> decide(CommandRequest request) {
    return switch (access.check(request)) {
      case AdminAccess.Outcome.Refused refused -> request.reply(refused.reply());
      case AdminAccess.Outcome.Granted granted -> settings(request, granted.group());
    };
  }

  private List<Decision> settings(CommandRequest request, ProtectedGroup g) {
    List<String> args = request.args();
    if (args.isEmpty()) {
      return request.reply(texts.settings(g.settings()));
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
    return List.of(
        new ChangeSettings(g.id(), changed.get()),
        request.answer(texts.settingsSaved(changed.get())));
  }

  private static Optional<GroupSettings> change(GroupSettings current, String key, String value) {
    try {
      return Setting.named(key).flatMap(setting -> setting.apply(current, value));
    } catch (IllegalArgumentException outOfRange) {
      return Optional.empty();
    }
  }
}
