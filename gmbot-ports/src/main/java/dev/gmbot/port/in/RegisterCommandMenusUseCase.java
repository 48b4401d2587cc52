package dev.gmbot.port.in;

import java.util.List;

/**
 * Registers GMBot's command menus with Telegram: the private-chat menu and the group
 * administrators' menu, in every language GMBot speaks. The applications call it once at start-up;
 * calling it again replaces the menus with the same ones.
 */
public interface RegisterCommandMenusUseCase {
  /**
   * Sets every menu; a menu Telegram refuses is reported and the others are still set.
   *
   * @return one line per menu: set, or why not
   */
  List<String> registerCommandMenus();
}
