package dev.gmbot.port.out;

import dev.gmbot.port.model.CommandMenu;

/**
 * Telegram's command menus (setMyCommands). Failures are the Bot API exceptions of the other
 * Telegram ports.
 */
public interface CommandMenus {
  /** Replaces the menu of the scope for its language (or the menu of every other language). */
  void setCommands(CommandMenu menu);
}
