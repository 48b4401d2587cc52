package dev.gmbot.domain.commands;

import dev.gmbot.port.model.GroupSettings;
import java.util.Arrays;
import java.util.Optional;

/**
 * What the settings menu asks a person to type: the prompt text or a button label (previewed before
 * they are saved; {@code default} restores the built-in one), a channel to add, a topic. The key is
 * what a {@code Conversation} stores; the code is the menu button's argument.
 */
enum MenuSubject {
  PROMPT_TEXT("prompt_text", "p", Setting.PROMPT_TEXT),
  VERIFY_TEXT("verify_text", "v", Setting.VERIFY_TEXT),
  JOIN_TEXT("join_text", "j", Setting.JOIN_TEXT),
  CHANNEL("channel", "c", null),
  TOPIC("topic", "t", null);

  private static final String DEFAULT = "default";

  private final String key;
  private final String code;
  private final Setting setting;

  MenuSubject(String key, String code, Setting setting) {
    this.key = key;
    this.code = code;
    this.setting = setting;
  }

  String key() {
    return key;
  }

  String code() {
    return code;
  }

  static Optional<MenuSubject> named(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }

  static Optional<MenuSubject> coded(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }

  /** A text of the prompt, shown in a preview before it is saved. */
  boolean isPromptText() {
    return setting != null;
  }

  /**
   * The settings with the typed text in place (for a prompt text or a label); {@code default}
   * restores the built-in one. Empty when the text is not allowed there (too long, blank).
   */
  Optional<GroupSettings> apply(GroupSettings settings, String typed) {
    if (setting == null) {
      throw new IllegalStateException(this + " is not a text of the prompt");
    }
    String text = typed.strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    boolean restore = text.equalsIgnoreCase(DEFAULT);
    try {
      return switch (this) {
        case VERIFY_TEXT ->
            restore
                ? Optional.of(
                    settings.withVerifyButtonText(GroupSettings.DEFAULTS.verifyButtonText()))
                : setting.apply(settings, text);
        case JOIN_TEXT ->
            restore
                ? Optional.of(settings.withJoinButtonText(GroupSettings.DEFAULTS.joinButtonText()))
                : setting.apply(settings, text);
        default -> setting.apply(settings, text);
      };
    } catch (IllegalArgumentException refused) {
      return Optional.empty();
    }
  }
}
