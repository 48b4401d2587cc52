package dev.gmbot.domain.protection;

import static dev.gmbot.domain.protection.Enforcement.clearPrompts;

import dev.gmbot.domain.protection.Decision.ClearDeadline;
import dev.gmbot.domain.protection.Decision.Lift;
import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.domain.protection.Decision.RemoveMember;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.domain.verification.AdministratorDirectory;
import dev.gmbot.domain.verification.Freshness;
import dev.gmbot.domain.verification.MembershipVerifier;
import dev.gmbot.domain.verification.Verdict;
import dev.gmbot.port.model.EnforcementRules;
import dev.gmbot.port.model.GroupMember;
import dev.gmbot.port.model.MemberDeadline;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.MemberDeadlines;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.TrustList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stored deadlines about members, when due (ADR 0017). Each is claimed for a lease, so that of
 * several instances one acts on it; what the claimant decides is re-checked first, never taken from
 * the past:
 *
 * <ul>
 *   <li>{@code REMOVE}: the member is removed (ban, then unban) only if the group still removes,
 *       they are still muted by GMBot, neither an admin nor trusted, and a fresh check says they
 *       are not subscribed. Subscribed meanwhile: lifted. A check that fails: nothing (the lease
 *       runs out and the next sweep tries again); nobody is punished on an error.
 *   <li>{@code HOLD}: a held joiner is re-checked at every sweep (one per lease): subscribed, they
 *       are lifted; not subscribed, the group's action applies; checks still failing, they stay
 *       held until the deadline, then are released unchecked.
 * </ul>
 */
final class DeadlineSweep {
  /** How many deadlines of each kind one sweep takes. */
  static final int BATCH = 50;

  /** How long a claimed removal is left to its claimant (then another instance may retry). */
  static final Duration REMOVE_LEASE = Duration.ofMinutes(2);

  /** Held joiners are re-checked whatever their limit: every one due before this far ahead. */
  private static final Duration ANY_TIME = Duration.ofDays(3650);

  /** How long a held joiner is left before the next re-check (one check per lease). */
  static final Duration HOLD_LEASE = Duration.ofSeconds(5);

  private final GroupRepository groups;
  private final MemberRepository members;
  private final TrustList trust;
  private final MemberDeadlines deadlines;
  private final MembershipVerifier verifier;
  private final AdministratorDirectory admins;
  private final Enforcement enforcement;

  DeadlineSweep(
      GroupRepository groups,
      MemberRepository members,
      TrustList trust,
      MemberDeadlines deadlines,
      MembershipVerifier verifier,
      AdministratorDirectory admins,
      Enforcement enforcement) {
    this.groups = groups;
    this.members = members;
    this.trust = trust;
    this.deadlines = deadlines;
    this.verifier = verifier;
    this.admins = admins;
    this.enforcement = enforcement;
  }

  /** The decisions about every deadline this instance claimed now. */
  List<Decision> due() {
    Instant now = enforcement.now();
    List<Decision> decisions = new ArrayList<>();
    for (MemberDeadline d :
        deadlines.claim(MemberDeadline.Kind.HOLD, now.plus(ANY_TIME), now, HOLD_LEASE, BATCH)) {
      decisions.addAll(held(d, now));
    }
    for (MemberDeadline d :
        deadlines.claim(MemberDeadline.Kind.REMOVE, now, now, REMOVE_LEASE, BATCH)) {
      decisions.addAll(removal(d));
    }
    return decisions;
  }

  private List<Decision> removal(MemberDeadline d) {
    ClearDeadline clear = new ClearDeadline(d.group(), d.user(), d.kind());
    Optional<ProtectedGroup> found = groups.find(d.group());
    if (found.isEmpty() || !found.get().enabled()) {
      return List.of(clear, new Note("removal of " + d.user() + " dropped: not protected"));
    }
    ProtectedGroup g = found.get();
    if (g.settings().enforcement().action() != EnforcementRules.Action.MUTE_THEN_REMOVE) {
      return List.of(clear, new Note("removal of " + d.user() + " dropped: the group keeps"));
    }
    if (!g.isActive()) {
      return List.of(new Note("removal of " + d.user() + " waits: protection is paused"));
    }
    Optional<GroupMember> member = members.find(g.id(), d.user());
    if (member.isEmpty() || !member.get().isRestricted()) {
      return List.of(clear, new Note("removal of " + d.user() + " dropped: no longer muted"));
    }
    if (admins.isAdministrator(g.id(), d.user())) {
      return List.of(clear, new Note("removal of " + d.user() + " dropped: an admin"));
    }
    if (trust.isTrusted(g.id(), d.user())) {
      return List.of(
          clear,
          new Lift(g.id(), d.user(), Priority.P2_BACKGROUND, "trusted"),
          clearPrompts(g, d.user()));
    }
    Verdict verdict =
        verifier.verify(
            g.id(), d.user(), g.channels(), Freshness.SKIP_NEGATIVE_CACHE, Priority.P2_BACKGROUND);
    return switch (verdict) {
      case Verdict.Subscribed s ->
          List.of(
              new Lift(g.id(), d.user(), Priority.P2_BACKGROUND, "subscribed before removal"),
              clearPrompts(g, d.user()));
      case Verdict.NotSubscribed n ->
          List.of(
              new RemoveMember(
                  g.id(),
                  d.user(),
                  "unverified after "
                      + g.settings().enforcement().removeAfter().toMinutes()
                      + " min: missing "
                      + n.missingNames()),
              clearPrompts(g, d.user()));
      case Verdict.CannotCheck c ->
          List.of(
              new Note("removal of " + d.user() + " waits: could not check (" + c.detail() + ")"));
    };
  }

  private List<Decision> held(MemberDeadline d, Instant now) {
    ClearDeadline clear = new ClearDeadline(d.group(), d.user(), d.kind());
    Optional<ProtectedGroup> found = groups.find(d.group());
    if (found.isEmpty() || !found.get().isActive()) {
      // Protection off or paused: nobody stays muted for it.
      return List.of(
          clear, new Lift(d.group(), d.user(), Priority.P2_BACKGROUND, "hold ended: not active"));
    }
    ProtectedGroup g = found.get();
    if (admins.isAdministrator(g.id(), d.user()) || trust.isTrusted(g.id(), d.user())) {
      return List.of(
          clear,
          new Lift(g.id(), d.user(), Priority.P2_BACKGROUND, "held member is exempt"),
          clearPrompts(g, d.user()));
    }
    Verdict verdict =
        verifier.verify(
            g.id(), d.user(), g.channels(), Freshness.SKIP_NEGATIVE_CACHE, Priority.P2_BACKGROUND);
    return switch (verdict) {
      case Verdict.Subscribed s ->
          List.of(
              clear,
              new Lift(g.id(), d.user(), Priority.P2_BACKGROUND, "held, then checked: subscribed"),
              clearPrompts(g, d.user()));
      case Verdict.NotSubscribed n -> checkedNotSubscribed(g, d, clear, n);
      case Verdict.CannotCheck c -> {
        if (now.isBefore(d.due())) {
          yield List.of(new Note("still holding " + d.user() + ": " + c.detail()));
        }
        yield List.of(
            clear,
            new Lift(g.id(), d.user(), Priority.P2_BACKGROUND, "hold limit reached unchecked"),
            clearPrompts(g, d.user()));
      }
    };
  }

  /** A held joiner checked at last and not subscribed: the group's action, as on a join. */
  private List<Decision> checkedNotSubscribed(
      ProtectedGroup g, MemberDeadline d, ClearDeadline clear, Verdict.NotSubscribed n) {
    UserRef user = UserRef.of(d.user().value(), "");
    List<Decision> decisions = new ArrayList<>();
    decisions.add(clear);
    // The "checking" prompt gives way to the group's own.
    decisions.add(clearPrompts(g, d.user()));
    for (Decision next :
        enforcement.notSubscribed(
            g,
            user,
            "held, then checked: missing " + n.missingNames(),
            g.settings().promptTopic())) {
      if (next instanceof Decision.Restrict) {
        continue; // already muted while held
      }
      decisions.add(next);
    }
    if (g.settings().enforcement().action() == EnforcementRules.Action.DELETE) {
      decisions.add(
          1, new Lift(g.id(), d.user(), Priority.P2_BACKGROUND, "checked: this group deletes"));
    }
    return decisions;
  }
}
