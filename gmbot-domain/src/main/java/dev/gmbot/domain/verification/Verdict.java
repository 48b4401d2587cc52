package dev.gmbot.domain.verification;

import dev.gmbot.port.model.EnforcedChannel;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The answer to "is this user subscribed to every channel of the group". An error is never an
 * answer: it is {@link CannotCheck}, and nobody is punished for it.
 */
public sealed interface Verdict {

  /** Subscribed to every required channel. */
  record Subscribed() implements Verdict {}

  /** Known not subscribed to the {@code missing} channels (never empty). */
  record NotSubscribed(List<EnforcedChannel> missing) implements Verdict {
    public NotSubscribed {
      missing = List.copyOf(missing);
      if (missing.isEmpty()) {
        throw new IllegalArgumentException("not subscribed names at least one channel");
      }
    }

    /** "@a, @b" for texts. */
    public String missingNames() {
      return missing.stream().map(EnforcedChannel::displayName).collect(Collectors.joining(", "));
    }
  }

  /**
   * The bot could not find out. {@link Cause#NO_ACCESS} means it cannot read the channel's members
   * (the group must be paused and its owner told); {@link Cause#UNAVAILABLE} means Telegram failed
   * even after retries (try again later).
   */
  record CannotCheck(EnforcedChannel channel, Cause cause, String detail) implements Verdict {
    public CannotCheck {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(cause, "cause");
      detail = detail == null ? "" : detail;
    }
  }

  /** Why a check was impossible. */
  enum Cause {
    /** The bot lacks access or rights in the channel: a configuration fault. */
    NO_ACCESS,
    /** Timeouts, 5xx or other failures that persisted through the retries. */
    UNAVAILABLE
  }

  static Verdict subscribed() {
    return new Subscribed();
  }
}
