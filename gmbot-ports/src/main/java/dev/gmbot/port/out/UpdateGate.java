package dev.gmbot.port.out;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The shared-state reads of one update from a user in a group, in one step: the update's claim (as
 * {@link UpdateLog#begin}), the sender's cached membership answers for the group's channels (as
 * {@link MembershipCache#getAll}) and whether the sender is among the group's cached administrators
 * (as {@link AdministratorCache#get}). On Redis it is one round trip; in process it does no I/O.
 * The completion stays {@link UpdateLog#complete}, on the same log.
 *
 * <p>Same failure rule as the three ports it stands for: it never throws for an unreachable backend
 * (the claim is then decided within this instance, and nothing is cached).
 */
public interface UpdateGate {
  /**
   * Claims the update and, when it is claimed, reads what the guard needs about the sender.
   *
   * @param lease how long the claim holds without {@link UpdateLog#complete}
   * @param channels the group's linked channels (may be empty: then no membership is read)
   */
  Admission admit(
      long updateId, Duration lease, GroupId group, UserId user, List<ChannelId> channels);

  /**
   * What {@link #admit} found.
   *
   * @param claim the claim; unless {@code CLAIMED} nothing else was read
   * @param memberships the cached answers (subscribed or not) among the channels; absent keys are
   *     not cached
   * @param administrator whether the user is in the group's cached administrator list; empty when
   *     no list is cached (the caller loads it)
   */
  record Admission(
      UpdateLog.Claim claim, Map<ChannelId, Boolean> memberships, Optional<Boolean> administrator) {
    public Admission {
      Objects.requireNonNull(claim, "claim");
      memberships = Map.copyOf(memberships);
      Objects.requireNonNull(administrator, "administrator");
    }

    /** An update not claimed: a duplicate ({@code DONE}) or one in progress elsewhere. */
    public static Admission notClaimed(UpdateLog.Claim claim) {
      if (claim == UpdateLog.Claim.CLAIMED) {
        throw new IllegalArgumentException("a claimed update has its reads");
      }
      return new Admission(claim, Map.of(), Optional.empty());
    }

    public boolean claimed() {
      return claim == UpdateLog.Claim.CLAIMED;
    }
  }

  /**
   * The gate as three calls on the separate ports (three round trips on a remote backend): for
   * fakes, and for stores without a one-step implementation.
   */
  static UpdateGate of(UpdateLog log, MembershipCache memberships, AdministratorCache admins) {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(memberships, "memberships");
    Objects.requireNonNull(admins, "admins");
    return (updateId, lease, group, user, channels) -> {
      UpdateLog.Claim claim = log.begin(updateId, lease);
      if (claim != UpdateLog.Claim.CLAIMED) {
        return Admission.notClaimed(claim);
      }
      Optional<Boolean> administrator = admins.get(group).map(set -> set.contains(user));
      Map<ChannelId, Boolean> cached =
          channels.isEmpty() ? Map.of() : memberships.getAll(user, channels);
      return new Admission(claim, cached, administrator);
    };
  }
}
