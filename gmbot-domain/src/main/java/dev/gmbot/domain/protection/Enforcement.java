package dev.gmbot.domain.protection;

import dev.gmbot.domain.protection.Decision.AnswerCallback;
import dev.gmbot.domain.protection.Decision.ClearPrompts;
import dev.gmbot.domain.protection.Decision.Hold;
import dev.gmbot.domain.protection.Decision.Lift;
import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.domain.protection.Decision.NotifyOwner;
import dev.gmbot.domain.protection.Decision.PauseGroup;
import dev.gmbot.domain.protection.Decision.RecordMember;
import dev.gmbot.domain.protection.Decision.Restrict;
import dev.gmbot.domain.protection.Decision.ScheduleRemoval;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.domain.verification.Verdict;
import dev.gmbot.port.model.CallbackAnswer;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.EnforcementRules;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupMember;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.model.UserRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the flows share: what a verdict means for a member, and small helpers. */
final class Enforcement {
  /** A subscribed member's activity is written at most this often (no write per message). */
  private static final Duration ACTIVITY_GRANULARITY = Duration.ofHours(1);

  private final Clock clock;
  private final BotSelf self;

  Enforcement(Clock clock, BotSelf self) {
    this.clock = clock;
    this.self = self;
  }

  /** What a verdict means for a member of an active group; a prompt goes to the prompt topic. */
  List<Decision> enforce(
      ProtectedGroup g, UserRef user, Verdict verdict, Optional<GroupMember> known, String why) {
    return enforce(g, user, verdict, known, why, g.settings().promptTopic());
  }

  /** What a verdict means for a member of an active group; a prompt goes to the forum topic. */
  List<Decision> enforce(
      ProtectedGroup g,
      UserRef user,
      Verdict verdict,
      Optional<GroupMember> known,
      String why,
      Optional<Long> topic) {
    GroupId group = g.id();
    return switch (verdict) {
      case Verdict.Subscribed s -> {
        if (known.map(GroupMember::isRestricted).orElse(false)) {
          yield List.of(
              new Lift(group, user.id(), Priority.P1_ENFORCEMENT, "subscribed"),
              clearPrompts(g, user.id()));
        }
        boolean seenLately =
            known
                .map(m -> m.lastSeen().isAfter(clock.instant().minus(ACTIVITY_GRANULARITY)))
                .orElse(false);
        yield seenLately ? List.of() : List.of(new RecordMember(group, user.id()));
      }
      case Verdict.NotSubscribed n ->
          notSubscribed(g, user, why + ": missing " + n.missingNames(), topic);
      case Verdict.CannotCheck c -> {
        List<Decision> decisions = new ArrayList<>();
        decisions.add(new RecordMember(group, user.id()));
        decisions.addAll(cannotCheck(g, c));
        yield decisions;
      }
    };
  }

  /**
   * What the group's action means for a member who is not subscribed (ADR 0016): muted and prompted
   * (mute); prompted only, never restricted (delete: their messages are deleted by the message
   * policy); muted, prompted and, if still unverified after the group's time, removed (mute, then
   * remove).
   */
  List<Decision> notSubscribed(ProtectedGroup g, UserRef user, String why, Optional<Long> topic) {
    GroupId group = g.id();
    EnforcementRules rules = g.settings().enforcement();
    Decision.Prompt prompt = new Decision.Prompt(group, user, g.channels(), g.settings(), topic);
    return switch (rules.action()) {
      case MUTE -> List.of(new Restrict(group, user, why), prompt);
      case DELETE -> List.of(new RecordMember(group, user.id()), prompt);
      case MUTE_THEN_REMOVE ->
          List.of(
              new Restrict(group, user, why),
              prompt,
              new ScheduleRemoval(group, user.id(), clock.instant().plus(rules.removeAfter())));
    };
  }

  /**
   * A joiner the bot cannot check because Telegram is unavailable, in a group that holds them (ADR
   * 0016): muted with a "checking, one moment" prompt and recorded as held until the group's limit;
   * the deadline sweep re-checks them as soon as checks work and releases them at the limit.
   * Anything else (let through, or a configuration fault) is {@link #cannotCheck}.
   */
  List<Decision> cannotCheckJoiner(ProtectedGroup g, UserRef user, Verdict.CannotCheck c) {
    EnforcementRules rules = g.settings().enforcement();
    if (c.cause() != Verdict.Cause.UNAVAILABLE
        || rules.onCheckFailure() != EnforcementRules.CheckFailure.HOLD) {
      List<Decision> decisions = new ArrayList<>();
      decisions.add(new RecordMember(g.id(), user.id()));
      decisions.addAll(cannotCheck(g, c));
      return decisions;
    }
    String checking = Texts.in(g.settings().language()).checkingOneMoment();
    return List.of(
        new Restrict(g.id(), user, "held: could not check " + c.channel().displayName() + " now"),
        new Decision.Prompt(
            g.id(), user, g.channels(), g.settings().withPromptText(Optional.of(checking))),
        new Hold(g.id(), user.id(), clock.instant().plus(rules.holdLimit())));
  }

  Instant now() {
    return clock.instant();
  }

  /** Nobody is punished for the bot's blindness; a configuration fault pauses the group. */
  static List<Decision> cannotCheck(ProtectedGroup g, Verdict.CannotCheck c) {
    String channel = c.channel().displayName();
    if (c.cause() == Verdict.Cause.UNAVAILABLE) {
      return List.of(new Note("could not check " + channel + " now (" + c.detail() + ")"));
    }
    if (g.isPaused()) {
      return List.of(new Note("cannot check " + channel + "; " + g.id() + " already paused"));
    }
    return List.of(
        new PauseGroup(
            g.id(),
            new PauseReason(
                PauseReason.Kind.CANNOT_CHECK_CHANNEL, Optional.of(c.channel().id()), c.detail())),
        new NotifyOwner(g.id(), Texts.in(g.settings().language()).lostChannelRights(channel, g)));
  }

  static String channelName(ProtectedGroup g, ChannelId channel) {
    return g.channels().stream()
        .filter(c -> c.id().equals(channel))
        .map(EnforcedChannel::displayName)
        .findFirst()
        .orElse("channel " + channel);
  }

  boolean isMe(UserId user) {
    return self.profile().id().equals(user);
  }

  static ClearPrompts clearPrompts(ProtectedGroup g, UserId user) {
    return new ClearPrompts(g.id(), user, g.channels(), g.settings());
  }

  static AnswerCallback answer(CallbackAnswer answer) {
    return new AnswerCallback(answer);
  }
}
