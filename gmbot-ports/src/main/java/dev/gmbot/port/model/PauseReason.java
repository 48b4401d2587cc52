package dev.gmbot.port.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Why protection of a group is paused: the bot cannot do its job there. {@code channel} names the
 * linked channel concerned, if any.
 */
public record PauseReason(Kind kind, Optional<ChannelId> channel, String detail) {
  public enum Kind {
    /** The bot is no longer an administrator of the group, or lacks a right it needs there. */
    BOT_LACKS_GROUP_RIGHTS,
    /** The bot was removed from the group. */
    BOT_REMOVED_FROM_GROUP,
    /** The bot cannot read a linked channel's member list (not admin, removed, channel gone). */
    CANNOT_CHECK_CHANNEL,
  }

  public PauseReason {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(channel, "channel");
    detail = detail == null ? "" : detail;
  }
}
