package dev.gmbot.port.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How a group deals with members who are not subscribed, and with moments the bot cannot check
 * (issue 16; ADR 0016). Part of {@link GroupSettings}.
 *
 * @param action what happens to a member who is not subscribed
 * @param removeAfter with {@link Action#MUTE_THEN_REMOVE}: how long a muted member may stay
 *     unverified before they are removed from the group (banned, then unbanned at once so that they
 *     can come back after subscribing)
 * @param onCheckFailure what happens to a joiner the bot cannot check (Telegram unavailable)
 * @param holdLimit with {@link CheckFailure#HOLD}: the longest a joiner is held without a check;
 *     then they are released
 */
public record EnforcementRules(
    Action action, Duration removeAfter, CheckFailure onCheckFailure, Duration holdLimit) {

  /** What happens to a member who is not subscribed. */
  public enum Action {
    /** Muted until they subscribe (and prompted); their messages deleted if the group says so. */
    MUTE,
    /** Never restricted: their messages are deleted and they are prompted. */
    DELETE,
    /**
     * Muted and prompted; still unverified after {@link #removeAfter()}: removed from the group.
     */
    MUTE_THEN_REMOVE;

    /** The name used in /settings and in the stored settings: {@code mute-then-remove}. */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static java.util.Optional<Action> ofKey(String key) {
      for (Action a : values()) {
        if (a.key().equalsIgnoreCase(key.strip())) {
          return java.util.Optional.of(a);
        }
      }
      return java.util.Optional.empty();
    }
  }

  /** What happens to a joiner when the bot cannot check them. */
  public enum CheckFailure {
    /** They pass unchecked (nobody is punished for the bot's blindness). */
    LET_THROUGH,
    /** Muted with a "checking" prompt, re-checked when checks work again, released at the limit. */
    HOLD;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static java.util.Optional<CheckFailure> ofKey(String key) {
      for (CheckFailure f : values()) {
        if (f.key().equalsIgnoreCase(key.strip())) {
          return java.util.Optional.of(f);
        }
      }
      return java.util.Optional.empty();
    }
  }

  public static final Duration MIN_REMOVE_AFTER = Duration.ofMinutes(1);
  public static final Duration MAX_REMOVE_AFTER = Duration.ofDays(30);
  public static final Duration MIN_HOLD_LIMIT = Duration.ofMinutes(1);
  public static final Duration MAX_HOLD_LIMIT = Duration.ofDays(1);

  /** Today's behaviour: mute; removal after 24 h when chosen; let through; hold at most 10 min. */
  public static final EnforcementRules DEFAULTS =
      new EnforcementRules(
          Action.MUTE, Duration.ofHours(24), CheckFailure.LET_THROUGH, Duration.ofMinutes(10));

  public EnforcementRules {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(onCheckFailure, "onCheckFailure");
    if (removeAfter == null
        || removeAfter.compareTo(MIN_REMOVE_AFTER) < 0
        || removeAfter.compareTo(MAX_REMOVE_AFTER) > 0) {
      throw new IllegalArgumentException("a member is removed after 1 minute to 30 days");
    }
    if (holdLimit == null
        || holdLimit.compareTo(MIN_HOLD_LIMIT) < 0
        || holdLimit.compareTo(MAX_HOLD_LIMIT) > 0) {
      throw new IllegalArgumentException("a joiner is held 1 minute to 1 day at most");
    }
  }

  public EnforcementRules withAction(Action action) {
    return new EnforcementRules(action, removeAfter, onCheckFailure, holdLimit);
  }

  public EnforcementRules withRemoveAfter(Duration removeAfter) {
    return new EnforcementRules(action, removeAfter, onCheckFailure, holdLimit);
  }

  public EnforcementRules withOnCheckFailure(CheckFailure onCheckFailure) {
    return new EnforcementRules(action, removeAfter, onCheckFailure, holdLimit);
  }

  public EnforcementRules withHoldLimit(Duration holdLimit) {
    return new EnforcementRules(action, removeAfter, onCheckFailure, holdLimit);
  }
}
