package dev.gmbot.port.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The menu of commands Telegram shows next to the message field, for one scope and one language
 * (setMyCommands). Without a language it is the menu of every reader whose language has no menu of
 * its own.
 */
public record CommandMenu(Scope scope, Optional<Language> language, List<Item> items) {
  /** Who sees the menu. */
  public enum Scope {
    /** Everyone, in their private chat with the bot. */
    PRIVATE_CHATS,
    /** The administrators of every group the bot is in. */
    GROUP_ADMINISTRATORS
  }

  /**
   * One command: its name (1 to 32 of {@code a-z}, {@code 0-9}, {@code _}, no slash) and what it
   * does (1 to 256 characters).
   */
  public record Item(String command, String description) {
    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1,32}");

    public Item {
      if (command == null || !COMMAND.matcher(command).matches()) {
        throw new IllegalArgumentException("not a command name: " + command);
      }
      if (description == null || description.isBlank() || description.length() > 256) {
        throw new IllegalArgumentException("a command's description has 1 to 256 characters");
      }
    }
  }

  public CommandMenu {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(language, "language");
    items = List.copyOf(items);
    if (items.isEmpty() || items.size() > 100) {
      throw new IllegalArgumentException("a menu has 1 to 100 commands");
    }
  }
}
