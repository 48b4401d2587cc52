package dev.gmbot.domain.protection;

import static dev.gmbot.domain.protection.Enforcement.answer;
import static dev.gmbot.domain.protection.Enforcement.cannotCheck;
import static dev.gmbot.domain.protection.Enforcement.clearPrompts;
import static dev.gmbot.domain.protection.Enforcement.title;
import static dev.gmbot.domain.protection.ProtectionPolicy.JOIN_PREFIX;
import static dev.gmbot.domain.protection.ProtectionPolicy.VERIFY_PREFIX;

import dev.gmbot.domain.protection.Decision.ApproveJoin;
import dev.gmbot.domain.protection.Decision.Lift;
import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.domain.verification.Freshness;
import dev.gmbot.domain.verification.MembershipVerifier;
import dev.gmbot.domain.verification.Verdict;
import dev.gmbot.port.in.ButtonPressed;
import dev.gmbot.port.model.CallbackAnswer;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupMember;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.PromptRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pressed buttons: "verify" under a prompt (answered first, then the lift and the prompt clean-up;
 * a press by someone the prompt is not for changes nothing) and "I joined" in a join requester's
 * private chat (ADR 0063).
 */
final class ButtonPolicy {
  private final GroupRepository groups;
  private final MemberRepository members;
  private final PromptRepository prompts;
  private final MembershipVerifier verifier;

  ButtonPolicy(
      GroupRepository groups,
      MemberRepository members,
      PromptRepository prompts,
      MembershipVerifier verifier) {
    this.groups = groups;
    this.members = members;
    this.prompts = prompts;
    this.verifier = verifier;
  }

  /** Buttons: "verify" under a prompt, "I joined" in a join requester's private chat. */
  List<Decision> onButton(ButtonPressed e) {
    if (e.data().startsWith(VERIFY_PREFIX)) {
      return onVerifyPressed(e);
    }
    if (e.data().startsWith(JOIN_PREFIX)) {
      return onJoinCheckPressed(e);
    }
    return List.of(answer(CallbackAnswer.silent(e.callbackQueryId())), new Note("unknown button"));
  }

  /** The callback is answered first; the lift and the prompt clean-up follow. */
  List<Decision> onVerifyPressed(ButtonPressed e) {
    String id = e.callbackQueryId();
    if (e.chat().isEmpty() || !e.chat().get().type().isGroup()) {
      return List.of(answer(CallbackAnswer.alert(id, Texts.UNKNOWN_BUTTON)));
    }
    GroupId group = e.chat().get().groupId();
    UserId presser = e.from().id();
    Optional<ProtectedGroup> found = groups.find(group);
    if (found.isEmpty() || !found.get().enabled() || found.get().channels().isEmpty()) {
      return List.of(answer(CallbackAnswer.toast(id, Texts.PROTECTION_OFF)));
    }
    ProtectedGroup g = found.get();
    Optional<GroupMember> known = members.find(group, presser);
    if (!isPromptFor(e, group, presser, known)) {
      return List.of(
          answer(CallbackAnswer.alert(id, Texts.NOT_FOR_YOU)),
          new Note("press by " + presser + " on someone else's prompt"));
    }
    if (g.isPaused()) {
      return List.of(answer(CallbackAnswer.alert(id, Texts.PAUSED_HERE)));
    }
    Verdict verdict =
        verifier.verify(
            presser, g.channels(), Freshness.SKIP_NEGATIVE_CACHE, Priority.P0_INTERACTIVE);
    return switch (verdict) {
      case Verdict.Subscribed s ->
          known.isPresent() && !known.get().isRestricted()
              ? List.of(
                  answer(CallbackAnswer.toast(id, Texts.ALREADY_VERIFIED)),
                  clearPrompts(g, presser))
              : List.of(
                  answer(CallbackAnswer.toast(id, Texts.VERIFIED)),
                  new Lift(group, presser, Priority.P0_INTERACTIVE, "verified"),
                  clearPrompts(g, presser));
      case Verdict.NotSubscribed n ->
          List.of(
              answer(CallbackAnswer.alert(id, Texts.notYet(n.missingNames()))),
              new Note(presser + " pressed verify but misses " + n.missingNames()));
      case Verdict.CannotCheck c -> {
        List<Decision> decisions = new ArrayList<>();
        decisions.add(
            answer(
                CallbackAnswer.alert(
                    id,
                    c.cause() == Verdict.Cause.UNAVAILABLE
                        ? Texts.TRY_AGAIN
                        : Texts.CANNOT_CHECK)));
        decisions.addAll(cannotCheck(g, c));
        yield decisions;
      }
    };
  }

  /**
   * A verify button is for the user it names, or for the users its (merged) prompt names; a press
   * on a merged prompt whose record is gone counts when GMBot restricted the presser.
   */
  private boolean isPromptFor(
      ButtonPressed e, GroupId group, UserId presser, Optional<GroupMember> known) {
    String target = e.data().substring(VERIFY_PREFIX.length());
    if (target.equals(Long.toString(presser.value()))) {
      return true;
    }
    Optional<dev.gmbot.port.model.Prompt> prompt =
        e.message().flatMap(message -> prompts.find(group, message));
    if (prompt.isPresent()) {
      return prompt.get().names(presser);
    }
    return target.equals("any") && known.map(GroupMember::isRestricted).orElse(false);
  }

  private List<Decision> onJoinCheckPressed(ButtonPressed e) {
    String id = e.callbackQueryId();
    Optional<GroupId> group = parseGroup(e.data().substring(JOIN_PREFIX.length()));
    Optional<ProtectedGroup> found = group.flatMap(groups::find);
    if (found.isEmpty() || !found.get().isActive()) {
      return List.of(
          answer(
              CallbackAnswer.alert(
                  id, "This group isn't checked by me right now; its admins will decide.")));
    }
    ProtectedGroup g = found.get();
    Verdict verdict =
        verifier.verify(
            e.from().id(), g.channels(), Freshness.SKIP_NEGATIVE_CACHE, Priority.P0_INTERACTIVE);
    return switch (verdict) {
      case Verdict.Subscribed s ->
          List.of(
              answer(CallbackAnswer.toast(id, Texts.joinRequestWelcome(title(g)))),
              new ApproveJoin(g.id(), e.from().id()));
      case Verdict.NotSubscribed n ->
          List.of(answer(CallbackAnswer.alert(id, Texts.notYet(n.missingNames()))));
      case Verdict.CannotCheck c -> {
        List<Decision> decisions = new ArrayList<>();
        decisions.add(answer(CallbackAnswer.alert(id, Texts.TRY_AGAIN)));
        decisions.addAll(cannotCheck(g, c));
        yield decisions;
      }
    };
  }

  private static Optional<GroupId> parseGroup(String text) {
    try {
      long value = Long.parseLong(text);
      return value < 0 ? Optional.of(GroupId.of(value)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
