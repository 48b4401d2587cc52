package dev.gmbot.port.out;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MemberDeadline;
import dev.gmbot.port.model.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Stored deadlines about members (ADR 0017): the removal of a member still unverified, the release
 * of a joiner held while checks fail. One per member, group and kind; keyed by the group (tenant
 * isolation). Instances share them: {@link #claim} hands each due deadline to one claimant at a
 * time, for a lease, so that two instances never act on it together and a claimant that dies leaves
 * it to the next one.
 */
public interface MemberDeadlines {
  /**
   * No store: nothing is kept, so nobody is ever removed after a time and a held joiner is released
   * by the next check only (an embedder without a store).
   */
  MemberDeadlines NONE =
      new MemberDeadlines() {
        @Override
        public void setIfAbsent(MemberDeadline deadline) {}

        @Override
        public void clear(GroupId group, UserId user, MemberDeadline.Kind kind) {}

        @Override
        public void clearAll(GroupId group, UserId user) {}

        @Override
        public List<MemberDeadline> claim(
            MemberDeadline.Kind kind, Instant dueBy, Instant now, Duration lease, int limit) {
          return List.of();
        }

        @Override
        public java.util.Optional<MemberDeadline> find(
            GroupId group, UserId user, MemberDeadline.Kind kind) {
          return java.util.Optional.empty();
        }

        @Override
        public int count(GroupId group, MemberDeadline.Kind kind) {
          return 0;
        }
      };

  /** Sets the deadline unless the member has one of its kind in the group already. */
  void setIfAbsent(MemberDeadline deadline);

  /** Clears the member's deadline of this kind in the group (if any). */
  void clear(GroupId group, UserId user, MemberDeadline.Kind kind);

  /** Clears every deadline of the member in the group. */
  void clearAll(GroupId group, UserId user);

  /**
   * Claims up to {@code limit} deadlines of the kind due at or before {@code dueBy} and not leased
   * to another claimant at {@code now}; each stays leased until {@code now + lease} (or until it is
   * cleared). The claimed ones are returned, earliest due first.
   */
  List<MemberDeadline> claim(
      MemberDeadline.Kind kind, Instant dueBy, Instant now, Duration lease, int limit);

  /** The member's deadline of this kind in the group, if any (status, tests). */
  java.util.Optional<MemberDeadline> find(GroupId group, UserId user, MemberDeadline.Kind kind);

  /** How many deadlines of the kind the group has (/status: members held). */
  int count(GroupId group, MemberDeadline.Kind kind);
}
