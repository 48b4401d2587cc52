package dev.gmbot.domain.commands;

import dev.gmbot.port.model.GroupSettings;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forum topic join prompts go to, as the settings menu reads and changes it: the hook between
 * the menu's topic entry and wherever {@link GroupSettings} keeps it. Empty means the General
 * topic. While no implementation is installed, the menu shows no topic entry.
 */
interface PromptTopicSetting {
  /** No topic setting: the menu hides its entry. */
  PromptTopicSetting NONE =
      new PromptTopicSetting() {
        @Override
        public boolean supported() {
          return false;
        }

        @Override
        public Optional<Long> current(GroupSettings settings) {
          throw new UnsupportedOperationException("no topic setting installed");
        }

        @Override
        public GroupSettings with(GroupSettings settings, Optional<Long> topic) {
          throw new UnsupportedOperationException("no topic setting installed");
        }
      };

  /** The word that means the General topic. */
  String GENERAL = "general";

  /**
   * The implementation the menu uses. INTEGRATION HOOK: once {@link GroupSettings} has its
   * join-prompt topic field, return an implementation over it here.
   */
  static PromptTopicSetting installed() {
    return NONE;
  }

  boolean supported();

  /** The topic's {@code message_thread_id}; empty for General. */
  Optional<Long> current(GroupSettings settings);

  /** The settings with another topic (empty: General). */
  GroupSettings with(GroupSettings settings, Optional<Long> topic);

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
    Matcher m = TopicSyntax.TOPIC.matcher(typed);
    if (!m.matches()) {
      return Optional.empty();
    }
    long thread = Long.parseLong(m.group(1));
    return thread < 1 ? Optional.empty() : Optional.of(Optional.of(thread));
  }

  /** How a topic is written. */
  final class TopicSyntax {
    private static final Pattern TOPIC =
        Pattern.compile(
            "(?:(?:https://)?t\\.me/(?:c/\\d{1,13}|[A-Za-z][A-Za-z0-9_]{3,31})/)?(\\d{1,9})"
                + "(?:/\\d{1,10})?");

    private TopicSyntax() {}
  }
}
