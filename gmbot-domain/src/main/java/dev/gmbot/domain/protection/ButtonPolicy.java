package dev.gmbot.domain.protection;

import static dev.gmbot.domain.protection.Enforcement.answer;
import static dev.gmbot.domain.protection.Enforcement.cannotCheck;
import static dev.gmbot.domain.protection.Enforcement.clearPrompts;
import static dev.gmbot.domain.protection.ProtectionPolicy.JOIN_PREFIX;
import static dev.gmbot.domain.protection.ProtectionPolicy.VERIFY_PREFIX;

import dev.gmbot.domain.i18n.Readers;
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
import dev.gmbot.port.model.GroupSettings;
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
 * private chat (ADR 0063). Answers are in the presser's own language when GMBot speaks it, else in
 * the group's.
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
      return List.of(answer(CallbackAnswer.alert(id, texts(e, Optional.empty()).unknownButton())));
    }
    GroupId group = e.chat().get().groupId();
    UserId presser = e.from().id();
    Optional<ProtectedGroup> found = groups.find(group);
    Texts texts = texts(e, found);
    if (found.isEmpty() || !found.get().enabled() || found.get().channels().isEmpty()) {
      return List.of(answer(CallbackAnswer.toast(id, texts.protectionOff())));
    }
    ProtectedGroup g = found.get();
    Optional<GroupMember> known = members.find(group, presser);
    if (!isPromptFor(e, group, presser, known)) {
      return List.of(
          answer(CallbackAnswer.alert(id, texts.notForYou())),
          new Note("press by " + presser + " on someone else's prompt"));
    }
    if (g.isPaused()) {
      return List.of(answer(CallbackAnswer.alert(id, texts.pausedHere())));
    }
    Verdict verdict =
        verifier.verify(
            g.id(), presser, g.channels(), Freshness.SKIP_NEGATIVE_CACHE, Priority.P0_INTERACTIVE);
    return switch (verdict) {
      case Verdict.Subscribed s ->
          known.isPresent() && !known.get().isRestricted()
              ? List.of(
                  answer(CallbackAnswer.toast(id, texts.alreadyVerified())),
                  clearPrompts(g, presser))
              : List.of(
                  answer(CallbackAnswer.toast(id, texts.verified())),
                  new Lift(group, presser, Priority.P0_INTERACTIVE, "verified"),
                  clearPrompts(g, presser));
      case Verdict.NotSubscribed n ->
          List.of(
              answer(CallbackAnswer.alert(id, texts.notYet(n.missing()))),
              new Note(presser + " pressed verify but misses " + n.missingNames()));
      case Verdict.CannotCheck c -> {
        List<Decision> decisions = new ArrayList<>();
        decisions.add(
            answer(
                CallbackAnswer.alert(
                    id,
                    c.cause() == Verdict.Cause.UNAVAILABLE
                        ? texts.tryAgain()
                        : texts.cannotCheck())));
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
    Texts texts = texts(e, found);
    if (found.isEmpty() || !found.get().isActive()) {
      return List.of(answer(CallbackAnswer.alert(id, texts.notCheckedNow())));
    }
    ProtectedGroup g = found.get();
    Verdict verdict =
        verifier.verify(
            g.id(),
            e.from().id(),
            g.channels(),
            Freshness.SKIP_NEGATIVE_CACHE,
            Priority.P0_INTERACTIVE);
    return switch (verdict) {
      case Verdict.Subscribed s ->
          List.of(
              answer(CallbackAnswer.toast(id, texts.joinRequestWelcome(g))),
              new ApproveJoin(g.id(), e.from().id()));
      case Verdict.NotSubscribed n ->
          List.of(answer(CallbackAnswer.alert(id, texts.notYet(n.missing()))));
      case Verdict.CannotCheck c -> {
        List<Decision> decisions = new ArrayList<>();
        decisions.add(answer(CallbackAnswer.alert(id, texts.tryAgain())));
        decisions.addAll(cannotCheck(g, c));
        yield decisions;
      }
    };
  }

  /** The presser's own language, else the group's, else the default. */
  private static Texts texts(ButtonPressed e, Optional<ProtectedGroup> group) {
    return Texts.in(
        Readers.languageFor(
            e.from(),
            group.map(g -> g.settings().language()).orElse(GroupSettings.DEFAULTS.language())));
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
