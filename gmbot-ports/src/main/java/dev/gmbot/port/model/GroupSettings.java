package dev.gmbot.port.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a group owner can customise (/settings). Change one value with its wither ({@code
 * settings.withPromptLifetime(d)}); each checks the new value like the constructor does.
 *
 * @param promptText custom text of the prompt (empty: the built-in text)
 * @param verifyButtonText label of the verify button
 * @param joinButtonText label of the join-channel button
 * @param promptLifetime how long a prompt stays before it is deleted
 * @param deleteMessages whether messages of unsubscribed members are deleted
 */
public record GroupSettings(
    Optional<String> promptText,
    String verifyButtonText,
    String joinButtonText,
    Duration promptLifetime,
    boolean deleteMessages) {

  public static final GroupSettings DEFAULTS =
      new GroupSettings(
          Optional.empty(), "✅ I joined - verify", "📢 Join channel", Duration.ofMinutes(10), true);

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
  }

  public GroupSettings withPromptText(Optional<String> promptText) {
    return new GroupSettings(
        promptText, verifyButtonText, joinButtonText, promptLifetime, deleteMessages);
  }

  public GroupSettings withVerifyButtonText(String verifyButtonText) {
    return new GroupSettings(
        promptText, verifyButtonText, joinButtonText, promptLifetime, deleteMessages);
  }

  public GroupSettings withJoinButtonText(String joinButtonText) {
    return new GroupSettings(
        promptText, verifyButtonText, joinButtonText, promptLifetime, deleteMessages);
  }

  public GroupSettings withPromptLifetime(Duration promptLifetime) {
    return new GroupSettings(
        promptText, verifyButtonText, joinButtonText, promptLifetime, deleteMessages);
  }

  public GroupSettings withDeleteMessages(boolean deleteMessages) {
    return new GroupSettings(
        promptText, verifyButtonText, joinButtonText, promptLifetime, deleteMessages);
  }
}
