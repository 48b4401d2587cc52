package dev.gmbot.domain.commands;

import dev.gmbot.port.in.RegisterCommandMenusUseCase;
import dev.gmbot.port.model.CommandMenu;
import dev.gmbot.port.model.CommandMenu.Scope;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.out.BotApiException;
import dev.gmbot.port.out.CommandMenus;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * GMBot's command menus: in private chats the commands anyone may use there, for group
 * administrators the admin commands. English is every reader's menu whose language has none of its
 * own; each other language gets its own, with the descriptions of its {@link CommandTexts}.
 */
public final class CommandMenuRegistration implements RegisterCommandMenusUseCase {
  /** The commands of each menu, in the order Telegram lists them. */
  static final Map<Scope, List<String>> COMMANDS =
      Map.of(
          Scope.PRIVATE_CHATS,
          List.of("start", "help", "status", "settings", "audit"),
          Scope.GROUP_ADMINISTRATORS,
          List.of(
              "protect",
              "unprotect",
              "status",
              "settings",
              "reactivate",
              "stats",
              "audit",
              "trust",
              "untrust",
              "offpeak",
              "help"));

  private final CommandMenus menus;

  @Inject
  public CommandMenuRegistration(CommandMenus menus) {
    this.menus = Objects.requireNonNull(menus, "menus");
  }

  /** Every menu GMBot registers: per scope, the default (English) one, then one per language. */
  static List<CommandMenu> menus() {
    List<CommandMenu> all = new ArrayList<>();
    for (Scope scope : Scope.values()) {
      all.add(menu(scope, Optional.empty(), CommandTexts.english()));
      for (Language language : Language.values()) {
        if (language != Language.ENGLISH) {
          all.add(menu(scope, Optional.of(language), CommandTexts.of(language)));
        }
      }
    }
    return all;
  }

  private static CommandMenu menu(Scope scope, Optional<Language> language, CommandTexts texts) {
    return new CommandMenu(
        scope,
        language,
        COMMANDS.get(scope).stream()
            .map(command -> new CommandMenu.Item(command, texts.menuDescription(scope, command)))
            .toList());
  }

  @Override
  public List<String> registerCommandMenus() {
    List<String> lines = new ArrayList<>();
    for (CommandMenu menu : menus()) {
      String which =
          menu.scope().name().toLowerCase(Locale.ROOT)
              + " menu ("
              + menu.language().map(Language::tag).orElse("default")
              + ")";
      try {
        menus.setCommands(menu);
        lines.add("set the " + which);
      } catch (BotApiException e) {
        lines.add("could not set the " + which + ": " + e.getMessage());
      }
    }
    return lines;
  }
}
