package dev.gmbot.domain.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.model.CommandMenu;
import dev.gmbot.port.model.CommandMenu.Scope;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.out.BotApiRejectedException;
import dev.gmbot.port.out.CommandMenus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The command menus GMBot registers at start-up: two scopes, every language. */
class CommandMenuRegistrationTest {
  private final List<CommandMenu> set = new ArrayList<>();

  @Test
  void everyScopeGetsADefaultMenuAndOnePerOtherLanguage() {
    List<String> lines = new CommandMenuRegistration(set::add).registerCommandMenus();

    assertThat(set).hasSize(2 * Language.values().length);
    assertThat(lines).hasSize(set.size()).allMatch(line -> line.startsWith("set the "));
    for (Scope scope : Scope.values()) {
      List<CommandMenu> menus = set.stream().filter(m -> m.scope() == scope).toList();
      assertThat(menus.get(0).language()).isEmpty();
      assertThat(menus.stream().skip(1).map(m -> m.language().orElseThrow()))
          .containsExactlyInAnyOrder(
              List.of(Language.values()).stream()
                  .filter(l -> l != Language.ENGLISH)
                  .toArray(Language[]::new));
      assertThat(menus)
          .allSatisfy(
              m ->
                  assertThat(m.items())
                      .extracting(CommandMenu.Item::command)
                      .containsExactlyElementsOf(CommandMenuRegistration.COMMANDS.get(scope)));
    }
  }

  @Test
  void theMenusReadInTheirLanguage() {
    new CommandMenuRegistration(set::add).registerCommandMenus();

    assertThat(menu(Scope.PRIVATE_CHATS, Optional.empty()).items())
        .containsExactly(
            new CommandMenu.Item("start", "Welcome and quick setup"),
            new CommandMenu.Item("help", "All commands and settings"),
            new CommandMenu.Item("status", "Your protected groups"),
            new CommandMenu.Item("settings", "Settings of your groups"),
            new CommandMenu.Item("audit", "What I did in your groups, and why"));
    assertThat(menu(Scope.GROUP_ADMINISTRATORS, Optional.of(Language.RUSSIAN)).items().get(0))
        .isEqualTo(new CommandMenu.Item("protect", "Требовать подписку на канал"));
    assertThat(menu(Scope.GROUP_ADMINISTRATORS, Optional.of(Language.ARABIC)).items().get(5))
        .isEqualTo(new CommandMenu.Item("stats", "أحدث الأرقام"));
  }

  @Test
  void aMenuTelegramRefusesIsReportedAndTheOthersAreStillSet() {
    CommandMenus refusingRussian =
        menu -> {
          if (menu.language().equals(Optional.of(Language.RUSSIAN))) {
            throw new BotApiRejectedException(
                "setMyCommands",
                BotApiRejectedException.Reason.OTHER,
                400,
                "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
          }
          set.add(menu);
        };

    List<String> lines = new CommandMenuRegistration(refusingRussian).registerCommandMenus();

    assertThat(set).hasSize(2 * Language.values().length - 2);
    assertThat(lines)
        .filteredOn(line -> line.startsWith("could not"))
        .hasSize(2)
        .allMatch(line -> line.contains("menu (ru): ") && line.contains("DESCRIPTION_INVALID"))
        .anyMatch(line -> line.startsWith("could not set the private_chats menu"))
        .anyMatch(line -> line.startsWith("could not set the group_administrators menu"));
  }

  private CommandMenu menu(Scope scope, Optional<Language> language) {
    return set.stream()
        .filter(m -> m.scope() == scope && m.language().equals(language))
        .findFirst()
        .orElseThrow();
  }
}
