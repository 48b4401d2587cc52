package dev.gmbot.port.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a group owner can customise (/settings). Change one value with its wither ({@code
 * settings.withPromptLifetime(d)}); each checks the new value like the constructor does.
 *
 * @param promptText custom text of the prompt (empty: the built-in text)
 * @param verifyButtonText label of the verify button ({@link #DEFAULTS}' label is shown in the
 *     group's language)
 * @param joinButtonText label of the join-channel button (likewise)
 * @param promptLifetime how long a prompt stays before it is deleted
 * @param deleteMessages whether messages of unsubscribed members are deleted
 * @param language the language GMBot speaks in the group
 * @param promptTopic the forum topic ({@code message_thread_id}) join prompts are posted in; empty
 *     for the General topic (and in a group that is no forum). A prompt about a message always goes
 *     to that message's own topic.
 * @param enforcement what happens to members who are not subscribed, and to joiners the bot cannot
 *     check (issue 16)
 */
public record GroupSettings(
    Optional<String> promptText,
    String verifyButtonText,
    String joinButtonText,
    Duration promptLifetime,
    boolean deleteMessages,
    Language language,
    Optional<Long> promptTopic,
    // ---- enforcement policy (issue 16, items 1-2) ----
    EnforcementRules enforcement) {

  public static final GroupSettings DEFAULTS =
      new GroupSettings(
          Optional.empty(),
          "✅ I joined - verify",
          "📢 Join channel",
          Duration.ofMinutes(10),
          true,
          Language.DEFAULT,
          Optional.empty(),
          EnforcementRules.DEFAULTS);

  public GroupSettings {
    Objects.requireNonNull(promptText, "promptText");
    if (verifyButtonText == null || verifyButtonText.isBlank()) {
      throw new IllegalArgumentException("the verify button needs a label");
    }
    if (joinButtonText == null || joinButtonText.isBlank()) {
      throw new IllegalArgumentException("the join button needs a label");
    }
    if (promptLifetime == null
        || promptLifetime.compareTo(Duration.ofSeconds(30)) < 0
        || promptLifetime.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("a prompt lives between 30 seconds and 1 day");
    }
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(promptTopic, "promptTopic");
    if (promptTopic.isPresent() && promptTopic.get() < 1) {
      throw new IllegalArgumentException("a topic's message_thread_id is positive");
    }
    Objects.requireNonNull(enforcement, "enforcement");
  }

  /** Settings with the default enforcement rules. */
  public GroupSettings(
      Optional<String> promptText,
      String verifyButtonText,
      String joinButtonText,
      Duration promptLifetime,
      boolean deleteMessages,
      Language language,
      Optional<Long> promptTopic) {
    this(
        promptText,
        verifyButtonText,
        joinButtonText,
        promptLifetime,
        deleteMessages,
        language,
        promptTopic,
        EnforcementRules.DEFAULTS);
  }

  /** Settings whose join prompts go to the General topic. */
  public GroupSettings(
      Optional<String> promptText,
      String verifyButtonText,
      String joinButtonText,
      Duration promptLifetime,
      boolean deleteMessages,
      Language language) {
    this(
        promptText,
        verifyButtonText,
        joinButtonText,
        promptLifetime,
        deleteMessages,
        language,
        Optional.empty());
  }

  /** Settings in the default language. */
  public GroupSettings(
      Optional<String> promptText,
      String verifyButtonText,
      String joinButtonText,
      Duration promptLifetime,
      boolean deleteMessages) {
    this(
        promptText,
        verifyButtonText,
        joinButtonText,
        promptLifetime,
        deleteMessages,
        Language.DEFAULT);
  }

  public GroupSettings withPromptText(Optional<String> promptText) {
    return new GroupSettings(
        promptText,
        verifyButtonText,
        joinButtonText,
        promptLifetime,
        deleteMessages,
        language,
        promptTopic,
        enforcement);
  }

  public GroupSettings withVerifyButtonText(String verifyButtonText) {
    return new GroupSettings(
        promptText,
        verifyButtonText,
        joinButtonText,
        promptLifetime,
        deleteMessages,
        language,
        promptTopic,
        enforcement);
  }

  public GroupSettings withJoinButtonText(String joinButtonText) {
    return new GroupSettings(
        promptText,
        verifyButtonText,
        joinButtonText,
        promptLifetime,
        deleteMessages,
        language,
        promptTopic,
        enforcement);
  }

  public GroupSettings withPromptLifetime(Duration promptLifetime) {
    return new GroupSettings(
        promptText,
        verifyButtonText,
        joinButtonText,
        promptLifetime,
        deleteMessages,
        language,
        promptTopic,
        enforcement);
  }

  public GroupSettings withDeleteMessages(boolean deleteMessages) {
    return new GroupSettings(
        promptText,
        verifyButtonText,
        joinButtonText,
        promptLifetime,
        deleteMessages,
        language,
        promptTopic,
        enforcement);
  }

  public GroupSettings withLanguage(Language language) {
    return new GroupSettings(
        promptText,
        verifyButtonText,
        joinButtonText,
        promptLifetime,
        deleteMessages,
        language,
        promptTopic,
        enforcement);
  }

  public GroupSettings withPromptTopic(Optional<Long> promptTopic) {
    return new GroupSettings(
        promptText,
        verifyButtonText,
        joinButtonText,
        promptLifetime,
        deleteMessages,
        language,
        promptTopic,
        enforcement);
  }

  // ---- enforcement policy (issue 16, items 1-2) ----
  public GroupSettings withEnforcement(EnforcementRules enforcement) {
    return new GroupSettings(
        promptText,
        verifyButtonText,
        joinButtonText,
        promptLifetime,
        deleteMessages,
        language,
        promptTopic,
        enforcement);
  }
}
