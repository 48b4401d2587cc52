package dev.gmbot.domain.commands;

import dev.gmbot.port.model.EnforcementRules;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Language;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What /settings can change, by key, and how the value is written: {@code prompt_lifetime 15m}
 * (seconds, minutes or hours), {@code delete_messages on|off}, {@code verify_text} and {@code
 * join_text} (button labels, at most 64 characters), {@code prompt_text} (at most 1000 characters,
 * or {@code default} for the built-in text), {@code language} (a language's tag: {@code ru}, {@code
 * pt-br}), {@code prompt_topic} (the forum topic of join prompts: its number, a link to it, or
 * {@code general}); {@code action} ({@code mute}, {@code delete}, {@code mute-then-remove}), {@code
 * remove_after} and {@code hold_limit} (durations, also in days: {@code 2d}), {@code
 * on_check_failure} ({@code let-through}, {@code hold}).
 */
enum Setting {
  PROMPT_LIFETIME("prompt_lifetime") {
    @Override
    Optional<GroupSettings> apply(GroupSettings settings, String value) {
      return parseDuration(value).map(settings::withPromptLifetime);
    }
  },
  DELETE_MESSAGES("delete_messages") {
    @Override
    Optional<GroupSettings> apply(GroupSettings settings, String value) {
      return parseSwitch(value).map(settings::withDeleteMessages);
    }
  },
  VERIFY_TEXT("verify_text") {
    @Override
    Optional<GroupSettings> apply(GroupSettings settings, String value) {
      return label(value).map(settings::withVerifyButtonText);
    }
  },
  JOIN_TEXT("join_text") {
    @Override
    Optional<GroupSettings> apply(GroupSettings settings, String value) {
      return label(value).map(settings::withJoinButtonText);
    }
  },
  LANGUAGE("language") {
    @Override
    Optional<GroupSettings> apply(GroupSettings settings, String value) {
      return Language.ofTag(value).map(settings::withLanguage);
    }
  },
  PROMPT_TOPIC("prompt_topic") {
    @Override
    Optional<GroupSettings> apply(GroupSettings settings, String value) {
      return PromptTopicSetting.apply(settings, value);
    }
  },
  PROMPT_TEXT("prompt_text") {
    @Override
    Optional<GroupSettings> apply(GroupSettings settings, String value) {
      if (value.length() > MAX_PROMPT_TEXT) {
        return Optional.empty();
      }
      return Optional.of(
          settings.withPromptText(
              value.equalsIgnoreCase(DEFAULT) ? Optional.empty() : Optional.of(value)));
    }
  },
  // ---- enforcement policy (issue 16): action, removal time, failure policy, hold limit ----
  ACTION("action") {
    @Override
    Optional<GroupSettings> apply(GroupSettings settings, String value) {
      return EnforcementRules.Action.ofKey(value)
          .map(a -> settings.withEnforcement(settings.enforcement().withAction(a)));
    }
  },
  REMOVE_AFTER("remove_after") {
    @Override
    Optional<GroupSettings> apply(GroupSettings settings, String value) {
      return parseDuration(value)
          .map(d -> settings.withEnforcement(settings.enforcement().withRemoveAfter(d)));
    }
  },
  ON_CHECK_FAILURE("on_check_failure") {
    @Override
    Optional<GroupSettings> apply(GroupSettings settings, String value) {
      return EnforcementRules.CheckFailure.ofKey(value)
          .map(f -> settings.withEnforcement(settings.enforcement().withOnCheckFailure(f)));
    }
  },
  HOLD_LIMIT("hold_limit") {
    @Override
    Optional<GroupSettings> apply(GroupSettings settings, String value) {
      return parseDuration(value)
          .map(d -> settings.withEnforcement(settings.enforcement().withHoldLimit(d)));
    }
  };

  static final int MAX_LABEL = 64;
  static final int MAX_PROMPT_TEXT = 1000;
  private static final String DEFAULT = "default";
  private static final Pattern DURATION = Pattern.compile("(\\d{1,5})\\s*([smhd])");

  private final String key;

  Setting(String key) {
    this.key = key;
  }

  String key() {
    return key;
  }

  /** The setting with that key (lower case). */
  static Optional<Setting> named(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }

  /**
   * The settings with this one changed to the value; empty when the value is not written as this
   * setting's values are. {@link GroupSettings} may still refuse it ({@link
   * IllegalArgumentException}: e.g. a lifetime out of range).
   */
  abstract Optional<GroupSettings> apply(GroupSettings settings, String value);

  private static Optional<Duration> parseDuration(String text) {
    Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    long amount = Long.parseLong(m.group(1));
    return Optional.of(
        switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "d" -> Duration.ofDays(amount);
          default -> Duration.ofHours(amount);
        });
  }

  /** A duration as {@code prompt_lifetime} takes it: whole hours, else minutes, else seconds. */
  static String formatDuration(Duration d) {
    if (d.toSeconds() % 3600 == 0) {
      return d.toHours() + "h";
    }
    return d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
  }

  private static Optional<Boolean> parseSwitch(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "on", "yes", "true" -> Optional.of(true);
      case "off", "no", "false" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  private static Optional<String> label(String text) {
    return text.length() <= MAX_LABEL ? Optional.of(text) : Optional.empty();
  }
}
