package dev.gmbot.port.out;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.PendingJoinRequest;
import dev.gmbot.port.model.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The join requests GMBot holds open until the requester subscribes (ADR 0023): one per group and
 * user, keyed by the group (tenant isolation). Instances share them: {@link #claimExpired} hands
 * each expired request to one claimant at a time, for a lease, so that two instances never decline
 * it both, and a claimant that dies leaves it to the next one.
 */
public interface PendingJoinRequests {
  /**
   * No store: nothing is kept, so a requester who subscribes later is approved only by the button,
   * and nothing is declined after a time (an embedder without a store; ADR 0063's behaviour).
   */
  PendingJoinRequests NONE =
      new PendingJoinRequests() {
        @Override
        public void save(PendingJoinRequest request) {}

        @Override
        public boolean remove(GroupId group, UserId user) {
          return false;
        }

        @Override
        public List<PendingJoinRequest> ofUser(UserId user, Collection<GroupId> groups) {
          return List.of();
        }

        @Override
        public List<PendingJoinRequest> claimExpired(Instant now, Duration lease, int limit) {
          return List.of();
        }

        @Override
        public Optional<PendingJoinRequest> find(GroupId group, UserId user) {
          return Optional.empty();
        }

        @Override
        public long count() {
          return 0;
        }
      };

  /**
   * Stores the request; one the user already has in the group is replaced (a new request starts a
   * new wait, unleased).
   */
  void save(PendingJoinRequest request);

  /** Forgets the user's request in the group; whether there was one. */
  boolean remove(GroupId group, UserId user);

  /** The user's requests in any of the groups (one indexed read; empty groups: none). */
  List<PendingJoinRequest> ofUser(UserId user, Collection<GroupId> groups);

  /**
   * Claims up to {@code limit} requests that expired at or before {@code now} and are not leased to
   * another claimant at {@code now}; each stays leased until {@code now + lease} (or until it is
   * removed). The claimed ones are returned, earliest expiry first.
   */
  List<PendingJoinRequest> claimExpired(Instant now, Duration lease, int limit);

  /** The user's request in the group, if any. */
  Optional<PendingJoinRequest> find(GroupId group, UserId user);

  /** How many requests are held open in all (the pending-requests gauge). */
  long count();
}
