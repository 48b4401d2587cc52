package dev.gmbot.port.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A group under GMBot's care.
 *
 * @param enabled the owner's switch (/protect turns it on, /unprotect all turns it off)
 * @param pause present while the bot cannot enforce (lost rights); cleared on resume
 * @param channels the linked channels, all of which a member must be subscribed to
 */
public record ProtectedGroup(
    GroupId id,
    String title,
    UserId owner,
    boolean enabled,
    Optional<PauseReason> pause,
    GroupSettings settings,
    List<EnforcedChannel> channels,
    Instant updatedAt) {
  public ProtectedGroup {
    Objects.requireNonNull(id, "id");
    title = title == null ? "" : title;
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(pause, "pause");
    Objects.requireNonNull(settings, "settings");
    channels = List.copyOf(channels);
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** Protection is enforced: switched on, not paused, with at least one channel. */
  public boolean isActive() {
    return enabled && pause.isEmpty() && !channels.isEmpty();
  }

  public boolean isPaused() {
    return pause.isPresent();
  }

  public boolean links(ChannelId channel) {
    return channels.stream().anyMatch(c -> c.id().equals(channel));
  }
}
