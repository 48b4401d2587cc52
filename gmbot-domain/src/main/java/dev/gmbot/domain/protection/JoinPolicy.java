package dev.gmbot.domain.protection;

import dev.gmbot.domain.protection.Decision.Count;
import dev.gmbot.domain.protection.Decision.ForgetMember;
import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.domain.protection.Decision.RecordMember;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.domain.verification.AdministratorDirectory;
import dev.gmbot.domain.verification.Freshness;
import dev.gmbot.domain.verification.MembershipVerifier;
import dev.gmbot.domain.verification.Verdict;
import dev.gmbot.port.in.GroupMemberChanged;
import dev.gmbot.port.in.InboundEvent;
import dev.gmbot.port.in.MembersJoined;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.DailyCounter;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupMember;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.TrustList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Joins and leaves: the {@code chat_member} update is authoritative, the {@code new_chat_members}
 * service message a fallback; a join acts once (ADR 0061). Also notices administrator changes,
 * which refresh the administrator list.
 */
final class JoinPolicy {
  private final GroupRepository groups;
  private final MemberRepository members;
  private final MembershipVerifier verifier;
  private final AdministratorDirectory admins;
  private final Clock clock;
  private final Enforcement enforcement;
  private final Duration joinWindow;
  private final JoinLedger joins;
  private final TrustList trust;

  JoinPolicy(
      GroupRepository groups,
      MemberRepository members,
      MembershipVerifier verifier,
      AdministratorDirectory admins,
      Clock clock,
      Enforcement enforcement,
      Duration joinWindow,
      TrustList trust) {
    this.trust = trust;
    this.groups = groups;
    this.members = members;
    this.verifier = verifier;
    this.admins = admins;
    this.clock = clock;
    this.enforcement = enforcement;
    this.joinWindow = joinWindow;
    this.joins = new JoinLedger(joinWindow);
  }

  /**
   * Handling of the event failed and it will be redelivered: forgets what this process noted about
   * it while deciding (the joins it claimed), so the redelivery acts.
   */
  void abandon(InboundEvent event) {
    switch (event) {
      case GroupMemberChanged e when e.group().type().isGroup() ->
          joins.release(e.group().groupId(), e.user().id());
      case MembersJoined e when e.group().type().isGroup() ->
          e.members().forEach(u -> joins.release(e.group().groupId(), u.id()));
      default -> {}
    }
  }

  /** The authoritative join/leave signal; also where administrator changes are noticed. */
  List<Decision> onGroupMemberChanged(GroupMemberChanged e) {
    if (!e.group().type().isGroup() || enforcement.isMe(e.user().id())) {
      return List.of(new Note("ignored: member change of the bot or outside a group"));
    }
    GroupId group = e.group().groupId();
    List<Decision> decisions = new ArrayList<>();
    if (e.before().isAdmin() || e.after().isAdmin()) {
      admins.invalidate(group);
      decisions.add(new Note("administrator list of " + group + " refreshed"));
    }
    boolean joined = !e.before().isMember() && e.after().isMember();
    boolean left = e.before().isMember() && !e.after().isMember();
    if (joined) {
      decisions.addAll(onJoin(e.updateId(), e.group(), e.user()));
    } else if (left) {
      decisions.add(new ForgetMember(group, e.user().id()));
    } else if (decisions.isEmpty()) {
      decisions.add(new Note("ignored: " + e.before().status() + " -> " + e.after().status()));
    }
    return decisions;
  }

  /** The fallback join signal: acts only for joins the chat_member update has not handled. */
  List<Decision> onMembersJoined(MembersJoined e) {
    if (!e.group().type().isGroup()) {
      return List.of(new Note("ignored: new members outside a group"));
    }
    List<Decision> decisions = new ArrayList<>();
    for (UserRef user : e.members()) {
      if (!enforcement.isMe(user.id())) {
        decisions.addAll(onJoin(e.updateId(), e.group(), user));
      }
    }
    return decisions;
  }

  private List<Decision> onJoin(long updateId, ChatRef chat, UserRef user) {
    GroupId group = chat.groupId();
    Optional<ProtectedGroup> found = groups.find(group);
    if (found.isEmpty() || !found.get().enabled()) {
      return List.of(new Note("ignored: " + group + " is not protected"));
    }
    ProtectedGroup g = found.get();
    Instant now = clock.instant();
    Optional<GroupMember> known = members.find(group, user.id());
    Instant windowStart = now.minus(joinWindow);
    boolean recentlyHandled =
        known
            .map(m -> m.lastSeen().isAfter(windowStart) || m.changedAt().isAfter(windowStart))
            .orElse(false);
    if (!joins.claim(group, user.id(), updateId, now) || recentlyHandled) {
      return List.of(new Note("join of " + user.id() + " in " + group + " already handled"));
    }
    if (user.isBot()) {
      return List.of(new Note("exempt: " + user.id() + " is a bot"));
    }
    List<Decision> decisions = new ArrayList<>();
    decisions.add(new Count(group, DailyCounter.JOINS));
    decisions.addAll(onHumanJoin(g, user, known));
    return decisions;
  }

  private List<Decision> onHumanJoin(ProtectedGroup g, UserRef user, Optional<GroupMember> known) {
    GroupId group = g.id();
    if (!g.isActive()) {
      return List.of(
          new RecordMember(group, user.id()), new Note("protection of " + group + " is paused"));
    }
    if (admins.isAdministrator(group, user.id())) {
      return List.of(
          new RecordMember(group, user.id()), new Note("exempt: " + user.id() + " is an admin"));
    }
    if (trust.isTrusted(group, user.id())) {
      return List.of(
          new RecordMember(group, user.id()),
          new Note("exempt: " + user.id() + " is trusted in " + group));
    }
    // A joiner has often just subscribed (removed, subscribed, back): a cached "not subscribed"
    // is asked again. The channel's own update may still be on its way: the service message of
    // the join is queued apart from it and can be handled first (ADR 0099).
    Verdict verdict =
        verifier.verify(
            g.id(),
            user.id(),
            g.channels(),
            Freshness.SKIP_NEGATIVE_CACHE,
            Priority.P1_ENFORCEMENT);
    if (verdict instanceof Verdict.CannotCheck c) {
      return enforcement.cannotCheckJoiner(g, user, c);
    }
    return enforcement.enforce(g, user, verdict, known, "joined without subscribing");
  }
}
