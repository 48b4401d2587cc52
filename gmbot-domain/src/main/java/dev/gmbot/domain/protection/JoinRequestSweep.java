package dev.gmbot.domain.protection;

import dev.gmbot.domain.protection.Decision.ApproveJoin;
import dev.gmbot.domain.protection.Decision.DeclineJoin;
import dev.gmbot.domain.protection.Decision.ForgetJoinRequest;
import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.domain.verification.Freshness;
import dev.gmbot.domain.verification.MembershipVerifier;
import dev.gmbot.domain.verification.Verdict;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.PendingJoinRequest;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.PendingJoinRequests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The held join requests that expired (ADR 0023). Each is claimed for a lease, so that of several
 * instances one acts on it, and checked once more before anything is decided:
 *
 * <ul>
 *   <li>subscribed after all (a channel update GMBot missed): approved;
 *   <li>not subscribed: declined, and the requester told why;
 *   <li>the group no longer protected: forgotten (its admins decide);
 *   <li>paused, or the check fails: left (the lease runs out, a later sweep tries again), but no
 *       longer than {@link #GIVE_UP} past the expiry, then forgotten: nothing is retried forever.
 * </ul>
 */
final class JoinRequestSweep {
  /** How many expired requests one sweep takes. */
  static final int BATCH = 50;

  /** How long a claimed request is left to its claimant (then another instance may retry). */
  static final Duration LEASE = Duration.ofMinutes(2);

  /** How long after its expiry a request that still cannot be decided is kept. */
  static final Duration GIVE_UP = Duration.ofDays(1);

  private final GroupRepository groups;
  private final PendingJoinRequests requests;
  private final MembershipVerifier verifier;
  private final Clock clock;

  JoinRequestSweep(
      GroupRepository groups,
      PendingJoinRequests requests,
      MembershipVerifier verifier,
      Clock clock) {
    this.groups = groups;
    this.requests = requests;
    this.verifier = verifier;
    this.clock = clock;
  }

  /** The decisions about every expired request this instance claimed now. */
  List<Decision> due() {
    Instant now = clock.instant();
    List<Decision> decisions = new ArrayList<>();
    for (PendingJoinRequest r : requests.claimExpired(now, LEASE, BATCH)) {
      decisions.addAll(expired(r, now));
    }
    return decisions;
  }

  private List<Decision> expired(PendingJoinRequest r, Instant now) {
    boolean givingUp = now.isAfter(r.expiresAt().plus(GIVE_UP));
    Optional<ProtectedGroup> found = groups.find(r.group());
    if (found.isEmpty() || !found.get().enabled() || found.get().channels().isEmpty()) {
      return List.of(new ForgetJoinRequest(r.group(), r.user(), "the group is not protected"));
    }
    ProtectedGroup g = found.get();
    if (g.isPaused()) {
      return givingUp
          ? List.of(new ForgetJoinRequest(g.id(), r.user(), "protection stayed paused"))
          : List.of(new Note("join request of " + r.user() + " waits: protection is paused"));
    }
    Verdict verdict =
        verifier.verify(
            g.id(), r.user(), g.channels(), Freshness.SKIP_NEGATIVE_CACHE, Priority.P2_BACKGROUND);
    return switch (verdict) {
      case Verdict.Subscribed s -> List.of(new ApproveJoin(g.id(), r.user()));
      case Verdict.NotSubscribed n ->
          List.of(
              new DeclineJoin(
                  g.id(),
                  r.user(),
                  r.userChat(),
                  OutgoingMessage.text(Texts.in(r.language()).joinRequestDeclined(g, n.missing())),
                  "expired: missing " + n.missingNames()));
      case Verdict.CannotCheck c ->
          givingUp
              ? List.of(new ForgetJoinRequest(g.id(), r.user(), "could not check: " + c.detail()))
              : List.of(
                  new Note(
                      "join request of "
                          + r.user()
                          + " waits: could not check ("
                          + c.detail()
                          + ")"));
    };
  }
}
