package dev.gmbot.port.out;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupMember;
import dev.gmbot.port.model.MemberCounts;
import dev.gmbot.port.model.RestrictionState;
import dev.gmbot.port.model.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Members GMBot knows in protected groups: last activity and restriction state. */
public interface MemberRepository {
  Optional<GroupMember> find(GroupId group, UserId user);

  /**
   * Records that the user was seen in the group (joined or wrote). Creates the member as {@code
   * FREE} when unknown; otherwise only moves {@code lastSeen} forward.
   */
  void recordActivity(GroupId group, UserId user, Instant at);

  /** Sets the restriction state (creating the member when unknown, seen at {@code at}). */
  void setRestriction(GroupId group, UserId user, RestrictionState state, Instant at);

  /** The user left the group: forgets them there. */
  void remove(GroupId group, UserId user);

  /** The user's memberships among the given groups (for channel leaves and joins). */
  List<GroupMember> findInGroups(UserId user, Collection<GroupId> groups);

  /** Users GMBot restricted in the group, oldest change first, at most {@code limit}. */
  List<UserId> restricted(GroupId group, int limit);

  MemberCounts counts(GroupId group);
}
