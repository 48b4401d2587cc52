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
 * @param joinRequestTimeout how long a join request of someone not yet subscribed is held open
 *     before it is declined (ADR 0023)
 */
public record ProtectionSettings(
    Duration joinWindow,
    Duration promptCooldown,
    Duration promptEditInterval,
    int namesShown,
    int sweepBatch,
    Duration joinRequestTimeout) {

  /** How long a join request is held open by default: a day. */
  public static final Duration DEFAULT_JOIN_REQUEST_TIMEOUT = Duration.ofHours(24);

  public static final ProtectionSettings DEFAULTS =
      new ProtectionSettings(
          Duration.ofMinutes(3),
          Duration.ofMinutes(3),
          Duration.ofSeconds(15),
          10,
          100,
          DEFAULT_JOIN_REQUEST_TIMEOUT);

  /** The settings with the default join-request timeout. */
  public ProtectionSettings(
      Duration joinWindow,
      Duration promptCooldown,
      Duration promptEditInterval,
      int namesShown,
      int sweepBatch) {
    this(
        joinWindow,
        promptCooldown,
        promptEditInterval,
        namesShown,
        sweepBatch,
        DEFAULT_JOIN_REQUEST_TIMEOUT);
  }

  public ProtectionSettings {
    Objects.requireNonNull(joinWindow, "joinWindow");
    Objects.requireNonNull(promptCooldown, "promptCooldown");
    Objects.requireNonNull(promptEditInterval, "promptEditInterval");
    Objects.requireNonNull(joinRequestTimeout, "joinRequestTimeout");
    if (joinRequestTimeout.isNegative() || joinRequestTimeout.isZero()) {
      throw new IllegalArgumentException("joinRequestTimeout is positive");
    }
    if (namesShown < 1 || sweepBatch < 1) {
      throw new IllegalArgumentException("namesShown and sweepBatch are positive");
    }
  }
}
