package dev.gmbot.domain.protection;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.ProtectedGroup;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the update's admission already read for a message from a user in a group, so that deciding
 * it reads nothing twice: the group as the repository returned it, and, for an active group, the
 * sender's cached membership answers and whether they are a cached administrator (read together
 * with the update's claim, in one round trip on Redis: ADR 0056).
 *
 * @param group the group's record; empty when the group is not protected
 * @param memberships the cached answers among the group's channels (absent keys: not cached); empty
 *     when they were not read (deciding reads the cache)
 * @param administrator whether the sender is in the cached administrator list; empty when no list
 *     is cached (deciding loads it)
 */
public record MessageReads(
    Optional<ProtectedGroup> group,
    Optional<Map<ChannelId, Boolean>> memberships,
    Optional<Boolean> administrator) {
  public MessageReads {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(memberships, "memberships");
    Objects.requireNonNull(administrator, "administrator");
  }

  /** Only the group was read (it is not active: nothing else is needed). */
  public static MessageReads groupOnly(Optional<ProtectedGroup> group) {
    return new MessageReads(group, Optional.empty(), Optional.empty());
  }
}
