package dev.gmbot.domain.commands;

import dev.gmbot.port.model.GroupSettings;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a person names the forum topic join prompts go to ({@link GroupSettings#promptTopic()}), in
 * the menu's topic entry and in {@code /settings prompt_topic}: {@code general}, the topic's
 * number, or a link to it or to a message in it.
 */
final class PromptTopicSetting {
  /** The word that means the General topic. */
  static final String GENERAL = "general";

  private static final Pattern TOPIC =
      Pattern.compile(
          "(?:(?:https://)?t\\.me/(?:c/\\d{1,13}|[A-Za-z][A-Za-z0-9_]{3,31})/)?(\\d{1,9})"
              + "(?:/\\d{1,10})?");

  private PromptTopicSetting() {}

  /**
   * What a person typed to name a topic: {@code general}, the topic's number, or a link to it or to
   * a message in it ({@code https://t.me/c/1234567890/45}, {@code t.me/groupname/45/678}).
   *
   * @return empty when it names no topic; a present empty optional for General
   */
  static Optional<Optional<Long>> parse(String text) {
    String typed = text.strip();
    if (typed.equalsIgnoreCase(GENERAL)) {
      return Optional.of(Optional.empty());
    }
    Matcher m = TOPIC.matcher(typed);
    if (!m.matches()) {
      return Optional.empty();
    }
    long thread = Long.parseLong(m.group(1));
    return thread < 1 ? Optional.empty() : Optional.of(Optional.of(thread));
  }

  /** The settings with join prompts in the named topic; empty when the text names none. */
  static Optional<GroupSettings> apply(GroupSettings settings, String text) {
    return parse(text).map(settings::withPromptTopic);
  }
}
