package dev.gmbot.domain.commands;

import dev.gmbot.domain.protection.ProtectionPolicy;
import dev.gmbot.port.model.GroupId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The callback data of one settings-menu button: {@code m:<action>[:<group>[:<argument>]]}. The
 * action is a code of one to three letters, the group id is written in base 36 (a supergroup's id
 * takes 9 characters instead of 14), the argument is short ({@code [A-Za-z0-9_-]}, at most {@value
 * #MAX_ARGUMENT} characters). The longest datum is thus far below Telegram's 64 bytes: checked by
 * the constructor, so that no button can ever be refused. Every press carries what it needs: the
 * menu keeps no state per message, and an old menu's buttons still mean what they say.
 */
record MenuCallback(MenuCallback.Action action, Optional<GroupId> group, String argument) {
  /** Telegram's limit on callback data. */
  static final int MAX_BYTES = 64;

  static final int MAX_ARGUMENT = 16;

  private static final Pattern ARGUMENT = Pattern.compile("[A-Za-z0-9_-]{0," + MAX_ARGUMENT + "}");

  /** What a press asks for; {@code needsGroup} is false only for the list of groups and no-op. */
  enum Action {
    HOME("h", false),
    GROUP("g", true),
    CHANNELS("c", true),
    ADD_CHANNEL("ca", true),
    REMOVE_CHANNEL("cr", true),
    DELETE_MESSAGES("d", true),
    LIFETIMES("l", true),
    SET_LIFETIME("ls", true),
    EDIT("e", true),
    SAVE("s", true),
    CANCEL("x", true),
    LANGUAGES("lg", true),
    SET_LANGUAGE("lgs", true),
    AUDIT("a", true),
    ENFORCEMENT("ac", true),
    SET_ACTION("acs", true),
    SET_REMOVE_AFTER("ra", true),
    ON_FAILURE("cf", true),
    SET_ON_FAILURE("cfs", true),
    SET_HOLD_LIMIT("hl", true),
    TRUSTED("t", true),
    UNTRUST("tu", true),
    NOOP("n", false);

    private final String code;
    private final boolean needsGroup;

    Action(String code, boolean needsGroup) {
      this.code = code;
      this.needsGroup = needsGroup;
    }

    static Optional<Action> of(String code) {
      return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
  }

  MenuCallback {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(argument, "argument");
    if (action.needsGroup != group.isPresent()) {
      throw new IllegalArgumentException(
          action + (action.needsGroup ? " needs" : " has no") + " group");
    }
    if (!ARGUMENT.matcher(argument).matches()) {
      throw new IllegalArgumentException("a menu argument is short and plain: " + argument);
    }
    if (!argument.isEmpty() && group.isEmpty()) {
      throw new IllegalArgumentException("an argument comes after a group");
    }
  }

  static MenuCallback home() {
    return new MenuCallback(Action.HOME, Optional.empty(), "");
  }

  static MenuCallback noop() {
    return new MenuCallback(Action.NOOP, Optional.empty(), "");
  }

  static MenuCallback of(Action action, GroupId group) {
    return new MenuCallback(action, Optional.of(group), "");
  }

  static MenuCallback of(Action action, GroupId group, String argument) {
    return new MenuCallback(action, Optional.of(group), argument);
  }

  /** Whether the data is a menu button's (and so never a verify or join button's). */
  static boolean isMenu(String data) {
    return data.startsWith(ProtectionPolicy.MENU_PREFIX);
  }

  /** The callback data, at most {@value #MAX_BYTES} bytes. */
  String encode() {
    StringBuilder out = new StringBuilder(ProtectionPolicy.MENU_PREFIX).append(action.code);
    group.ifPresent(g -> out.append(':').append(Long.toString(g.value(), 36)));
    if (!argument.isEmpty()) {
      out.append(':').append(argument);
    }
    String data = out.toString();
    if (data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new IllegalStateException("menu callback data over 64 bytes: " + data);
    }
    return data;
  }

  /** The press the data describes; empty when it is not (or no longer) a menu datum. */
  static Optional<MenuCallback> parse(String data) {
    if (data == null || !isMenu(data)) {
      return Optional.empty();
    }
    String[] parts = data.substring(ProtectionPolicy.MENU_PREFIX.length()).split(":", -1);
    if (parts.length > 3) {
      return Optional.empty();
    }
    Optional<Action> action = Action.of(parts[0]);
    if (action.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<GroupId> group =
          parts.length > 1
              ? Optional.of(GroupId.of(Long.parseLong(parts[1], 36)))
              : Optional.empty();
      String argument = parts.length > 2 ? parts[2] : "";
      if (parts.length > 2 && argument.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new MenuCallback(action.get(), group, argument));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  /** The argument as a number written in base 36 (a channel id, seconds, a page). */
  Optional<Long> number() {
    try {
      return Optional.of(Long.parseLong(argument, 36));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A number as an argument. */
  static String number(long value) {
    return Long.toString(value, 36);
  }
}
