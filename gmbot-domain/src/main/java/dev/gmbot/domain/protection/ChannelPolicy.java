package dev.gmbot.domain.protection;

import static dev.gmbot.domain.protection.Enforcement.cannotCheck;
import static dev.gmbot.domain.protection.Enforcement.channelName;
import static dev.gmbot.domain.protection.Enforcement.clearPrompts;

import dev.gmbot.domain.protection.Decision.ApproveJoin;
import dev.gmbot.domain.protection.Decision.Lift;
import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.domain.verification.AdministratorDirectory;
import dev.gmbot.domain.verification.Freshness;
import dev.gmbot.domain.verification.MembershipVerifier;
import dev.gmbot.domain.verification.Verdict;
import dev.gmbot.port.in.ChannelMemberChanged;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupMember;
import dev.gmbot.port.model.PendingJoinRequest;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.PendingJoinRequests;
import dev.gmbot.port.out.TrustList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A linked channel's {@code chat_member} updates: written through to the membership cache; a leave
 * restricts the user again in every linked group where GMBot knows them, a join lifts a waiting
 * user without a click (auto-unmute).
 */
final class ChannelPolicy {
  private final GroupRepository groups;
  private final MemberRepository members;
  private final MembershipVerifier verifier;
  private final AdministratorDirectory admins;
  private final Enforcement enforcement;
  private final TrustList trust;
  private final PendingJoinRequests joinRequests;

  ChannelPolicy(
      GroupRepository groups,
      MemberRepository members,
      MembershipVerifier verifier,
      AdministratorDirectory admins,
      Enforcement enforcement,
      TrustList trust,
      PendingJoinRequests joinRequests) {
    this.trust = trust;
    this.joinRequests = joinRequests;
    this.groups = groups;
    this.members = members;
    this.verifier = verifier;
    this.admins = admins;
    this.enforcement = enforcement;
  }

  /**
   * A linked channel's member change: written through to the cache; a leave restricts the user
   * again where GMBot knows them, a join lifts a mute without a click (auto-unmute) and approves
   * the user's held join requests of the groups whose channels they now all follow (ADR 0023).
   */
  List<Decision> onChannelMemberChanged(ChannelMemberChanged e) {
    if (e.channel().type() != ChatType.CHANNEL) {
      return List.of(new Note("ignored: not a channel"));
    }
    UserRef user = e.after().user();
    if (enforcement.isMe(user.id())) {
      return List.of(new Note("ignored: the bot's own channel membership"));
    }
    ChannelId channel = e.channel().channelId();
    boolean subscribed = e.after().isSubscribed();
    verifier.record(user.id(), channel, subscribed);
    if (e.before().isSubscribed() == subscribed) {
      return List.of(new Note("cached: " + user.id() + " in " + channel));
    }
    List<GroupId> linked = groups.linkedTo(channel);
    List<Decision> decisions = new ArrayList<>();
    for (GroupMember member : members.findInGroups(user.id(), linked)) {
      Optional<ProtectedGroup> g = groups.find(member.group());
      if (g.isEmpty() || !g.get().isActive()) {
        continue;
      }
      if (subscribed) {
        decisions.addAll(autoUnmute(g.get(), user, member));
      } else if (!member.isRestricted()
          && !admins.isAdministrator(g.get().id(), user.id())
          && !trust.isTrusted(g.get().id(), user.id())) {
        // The group's action applies (mute, delete only, mute then remove: ADR 0016).
        decisions.addAll(
            enforcement.notSubscribed(
                g.get(),
                user,
                "left " + channelName(g.get(), channel),
                g.get().settings().promptTopic()));
      }
    }
    if (subscribed) {
      for (PendingJoinRequest request : joinRequests.ofUser(user.id(), linked)) {
        decisions.addAll(approveHeld(request, user));
      }
    }
    if (decisions.isEmpty()) {
      decisions.add(
          new Note("cached: " + user.id() + (subscribed ? " joined " : " left ") + channel));
    }
    return decisions;
  }

  /** A held join request of the new subscriber: approved once every channel of the group is. */
  private List<Decision> approveHeld(PendingJoinRequest request, UserRef user) {
    Optional<ProtectedGroup> found = groups.find(request.group());
    if (found.isEmpty() || !found.get().isActive()) {
      return List.of(new Note("join request of " + user.id() + " left to the admins"));
    }
    ProtectedGroup g = found.get();
    Verdict verdict =
        verifier.verify(g.id(), user.id(), g.channels(), Freshness.CACHED, Priority.P1_ENFORCEMENT);
    return switch (verdict) {
      case Verdict.Subscribed s -> List.of(new ApproveJoin(g.id(), user.id()));
      case Verdict.NotSubscribed n ->
          List.of(new Note("join request of " + user.id() + " still misses " + n.missingNames()));
      case Verdict.CannotCheck c ->
          List.of(
              new Note(
                  "join request of " + user.id() + " waits: could not check (" + c.detail() + ")"));
    };
  }

  private List<Decision> autoUnmute(ProtectedGroup g, UserRef user, GroupMember member) {
    if (!member.isRestricted()) {
      return List.of();
    }
    Verdict verdict =
        verifier.verify(g.id(), user.id(), g.channels(), Freshness.CACHED, Priority.P1_ENFORCEMENT);
    return switch (verdict) {
      case Verdict.Subscribed s ->
          List.of(
              new Lift(g.id(), user.id(), Priority.P1_ENFORCEMENT, "subscribed (auto-unmute)"),
              clearPrompts(g, user.id()));
      case Verdict.NotSubscribed n ->
          List.of(new Note(user.id() + " still misses " + n.missingNames() + " in " + g.id()));
      case Verdict.CannotCheck c -> cannotCheck(g, c);
    };
  }
}
