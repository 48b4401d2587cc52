package dev.gmbot.port.out;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Protected groups, their owner, linked channels and settings. Every operation is keyed by the
 * group it concerns (tenant isolation) and is atomic: a change touching several rows happens whole
 * or not at all. Failures of the store are {@link StorageUnavailableException}.
 */
public interface GroupRepository {
  Optional<ProtectedGroup> find(GroupId group);

  /**
   * Turns protection on: creates or updates the group (title, owner), saves the owner and the
   * channels, links the channels (keeping channels already linked), enables it and clears any
   * pause. Settings of an existing group are kept.
   */
  ProtectedGroup protect(
      GroupId group, String title, Owner owner, List<EnforcedChannel> channels, Instant now);

  /**
   * Unlinks the given channels from the group. When no channel remains the group is disabled.
   *
   * @return the group after the change, empty when the group is unknown
   */
  Optional<ProtectedGroup> unlink(GroupId group, Set<ChannelId> channels, Instant now);

  /** Unlinks every channel and disables protection (/unprotect all). */
  Optional<ProtectedGroup> disable(GroupId group, Instant now);

  /** Pauses protection with a reason; a paused group stays paused until {@link #resume}. */
  void pause(GroupId group, PauseReason reason, Instant now);

  void resume(GroupId group, Instant now);

  void updateSettings(GroupId group, GroupSettings settings, Instant now);

  /** Enabled groups that link the channel (paused ones included): the channel-leave hot path. */
  List<GroupId> linkedTo(ChannelId channel);

  /** Groups whose owner is this user. */
  List<ProtectedGroup> ownedBy(UserId owner);

  /**
   * A basic group became a supergroup: moves the group and everything keyed by it (links, members,
   * prompts) to the new id. Does nothing when {@code from} is unknown.
   */
  void migrate(GroupId from, GroupId to, Instant now);

  /** Number of groups whose protection is active (enabled, not paused): the active-groups gauge. */
  long countActive();

  /**
   * Enabled groups whose protection is paused, by kind of pause (kinds without a paused group are
   * absent): the paused-groups gauge. The default knows nothing and answers an empty map.
   */
  default Map<PauseReason.Kind, Long> countPaused() {
    return Map.of();
  }
}
