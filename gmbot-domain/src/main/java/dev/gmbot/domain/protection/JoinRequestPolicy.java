package dev.gmbot.domain.protection;

import static dev.gmbot.domain.protection.Enforcement.cannotCheck;
import static dev.gmbot.domain.protection.ProtectionPolicy.JOIN_PREFIX;

import dev.gmbot.domain.i18n.Readers;
import dev.gmbot.domain.protection.Decision.ApproveJoin;
import dev.gmbot.domain.protection.Decision.HoldJoinRequest;
import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.domain.protection.Decision.Reply;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.domain.verification.Freshness;
import dev.gmbot.domain.verification.MembershipVerifier;
import dev.gmbot.domain.verification.Verdict;
import dev.gmbot.port.in.JoinRequested;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.PendingJoinRequest;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.TrustList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Join requests (ADRs 0063, 0023): approve the subscribed, tell the others in private what to join
 * (in their own language when GMBot speaks it, else the group's) and hold their request open until
 * they subscribe, press the button, or the request expires.
 */
final class JoinRequestPolicy {
  private final GroupRepository groups;
  private final MembershipVerifier verifier;
  private final Clock clock;
  private final Duration timeout;
  private final TrustList trust;

  JoinRequestPolicy(
      GroupRepository groups,
      MembershipVerifier verifier,
      Clock clock,
      Duration timeout,
      TrustList trust) {
    this.trust = trust;
    this.groups = groups;
    this.verifier = verifier;
    this.clock = clock;
    this.timeout = timeout;
  }

  /**
   * A subscribed requester is approved; others get the channels in private with a button that
   * approves them once they have subscribed, and their request is held open (approved when they
   * subscribe, declined when it expires: ADR 0023). A requester who cannot be checked now is held
   * too: the expiry checks again before declining.
   */
  List<Decision> onJoinRequest(JoinRequested e) {
    if (!e.chat().type().isGroup()) {
      return List.of(new Note("ignored: join request outside a group"));
    }
    GroupId group = e.chat().groupId();
    Optional<ProtectedGroup> found = groups.find(group);
    if (found.isEmpty() || !found.get().isActive()) {
      return List.of(new Note("join request left to the admins of " + group));
    }
    ProtectedGroup g = found.get();
    if (trust.isTrusted(group, e.user().id())) {
      // Exempt from every check in the group (/trust): let in like a subscriber.
      return List.of(new ApproveJoin(group, e.user().id()));
    }
    Language language = Readers.languageFor(e.user(), g.settings().language());
    Texts texts = Texts.in(language);
    Instant now = clock.instant();
    HoldJoinRequest hold =
        new HoldJoinRequest(
            new PendingJoinRequest(
                group, e.user().id(), e.userChat(), language, now, now.plus(timeout)));
    // Like a join: the requester has often just subscribed (ADR 0099).
    Verdict verdict =
        verifier.verify(
            g.id(),
            e.user().id(),
            g.channels(),
            Freshness.SKIP_NEGATIVE_CACHE,
            Priority.P1_ENFORCEMENT);
    return switch (verdict) {
      case Verdict.Subscribed s -> List.of(new ApproveJoin(group, e.user().id()));
      case Verdict.NotSubscribed n ->
          List.of(
              hold,
              new Reply(
                  e.userChat(),
                  OutgoingMessage.text(texts.joinRequestInstructions(g, n.missing()))
                      .withKeyboard(joinRequestKeyboard(n.missing(), g, group, texts)),
                  Priority.P1_ENFORCEMENT),
              new Note("join request of " + e.user().id() + " pending until subscribed"));
      case Verdict.CannotCheck c -> {
        List<Decision> decisions = new ArrayList<>();
        decisions.add(hold);
        decisions.addAll(cannotCheck(g, c));
        yield decisions;
      }
    };
  }

  private static List<List<Button>> joinRequestKeyboard(
      List<EnforcedChannel> missing, ProtectedGroup g, GroupId group, Texts texts) {
    String joinText = texts.joinLabel(g.settings());
    List<List<Button>> rows = new ArrayList<>();
    for (EnforcedChannel channel : missing) {
      channel
          .joinUrl()
          .ifPresent(
              url ->
                  rows.add(List.of(new Button.Url(joinText + " " + channel.displayName(), url))));
    }
    rows.add(List.of(new Button.Callback(texts.joinRequestButton(), JOIN_PREFIX + group.value())));
    return rows;
  }
}
