package dev.gmbot.domain.protection;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the protection flows.
 *
 * @param joinWindow how long a join is remembered so its second signal ({@code chat_member} and
 *     {@code new_chat_members}) does not act again
 * @param promptCooldown a user is not prompted again within this time
 * @param promptEditInterval the standing prompt is edited at most once per this interval; names
 *     added in between are shown by the next edit or by {@code sweepPrompts}
 * @param namesShown how many names a prompt shows before "and N others"
 * @param sweepBatch how many prompts one sweep handles at most
 */
public record ProtectionSettings(
    Duration joinWindow,
    Duration promptCooldown,
    Duration promptEditInterval,
    int namesShown,
    int sweepBatch) {

  public static final ProtectionSettings DEFAULTS =
      new ProtectionSettings(
          Duration.ofMinutes(3), Duration.ofMinutes(3), Duration.ofSeconds(15), 10, 100);

  public ProtectionSettings {
    Objects.requireNonNull(joinWindow, "joinWindow");
    Objects.requireNonNull(promptCooldown, "promptCooldown");
    Objects.requireNonNull(promptEditInterval, "promptEditInterval");
    if (namesShown < 1 || sweepBatch < 1) {
      throw new IllegalArgumentException("namesShown and sweepBatch are positive");
    }
  }
}
