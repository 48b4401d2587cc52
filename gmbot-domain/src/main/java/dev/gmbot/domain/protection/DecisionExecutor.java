package dev.gmbot.domain.protection;

import dev.gmbot.domain.protection.Decision.AnswerCallback;
import dev.gmbot.domain.protection.Decision.ApproveJoin;
import dev.gmbot.domain.protection.Decision.ChangeSettings;
import dev.gmbot.domain.protection.Decision.ClearPrompts;
import dev.gmbot.domain.protection.Decision.DeleteMessage;
import dev.gmbot.domain.protection.Decision.ForgetMember;
import dev.gmbot.domain.protection.Decision.Lift;
import dev.gmbot.domain.protection.Decision.MigrateGroup;
import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.domain.protection.Decision.NotifyOwner;
import dev.gmbot.domain.protection.Decision.PauseGroup;
import dev.gmbot.domain.protection.Decision.ProtectGroup;
import dev.gmbot.domain.protection.Decision.RecordMember;
import dev.gmbot.domain.protection.Decision.Reply;
import dev.gmbot.domain.protection.Decision.Restrict;
import dev.gmbot.domain.protection.Decision.ResumeGroup;
import dev.gmbot.domain.protection.Decision.SaveOwner;
import dev.gmbot.domain.protection.Decision.UnprotectGroup;
import dev.gmbot.domain.scheduling.BotCall;
import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.domain.verification.AdministratorDirectory;
import dev.gmbot.port.model.AuditEntry;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.RestrictionState;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.AuditTrail;
import dev.gmbot.port.out.BotApiRejectedException;
import dev.gmbot.port.out.BotApiRejectedException.Reason;
import dev.gmbot.port.out.ChatAccessException;
import dev.gmbot.port.out.ChatMessaging;
import dev.gmbot.port.out.ChatModeration;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.OwnerRepository;
import dev.gmbot.port.out.PromptRepository;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Carries out decisions, in order: Telegram calls through the {@link BotCallScheduler} (each with
 * its method name, priority and chat), state changes through the repositories, one audit entry per
 * enforcement action. Telegram's expected refusals are handled here ("user is an administrator":
 * exempt; "message not found": already gone; "query is too old": too late; "not enough rights":
 * pause the group and tell the owner). Anything else propagates, so the update is redelivered.
 */
public final class DecisionExecutor {
  private record MemberKey(GroupId group, UserId user) {}

  private final ChatModeration moderation;
  private final ChatMessaging messaging;
  private final GroupRepository groups;
  private final OwnerRepository owners;
  private final MemberRepository members;
  private final AuditTrail audit;
  private final AdministratorDirectory admins;
  private final BotCallScheduler scheduler;
  private final GuardMetrics metrics;
  private final Clock clock;
  private final PromptBoard board;

  @Inject
  public DecisionExecutor(
      ChatModeration moderation,
      ChatMessaging messaging,
      GroupRepository groups,
      OwnerRepository owners,
      MemberRepository members,
      PromptRepository prompts,
      AuditTrail audit,
      AdministratorDirectory admins,
      BotCallScheduler scheduler,
      GuardMetrics metrics,
      Clock clock,
      ProtectionSettings settings) {
    this.moderation = Objects.requireNonNull(moderation, "moderation");
    this.messaging = Objects.requireNonNull(messaging, "messaging");
    this.groups = Objects.requireNonNull(groups, "groups");
    this.owners = Objects.requireNonNull(owners, "owners");
    this.members = Objects.requireNonNull(members, "members");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.admins = Objects.requireNonNull(admins, "admins");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.board = new PromptBoard(prompts, messaging, moderation, scheduler, clock, settings);
  }

  /** Executes the decisions in order and returns one human-readable line per effect. */
  public List<String> execute(List<Decision> decisions) {
    Batch batch = new Batch();
    for (Decision decision : decisions) {
      batch.apply(decision);
    }
    return List.copyOf(batch.effects);
  }

  /**
   * Deletes expired prompts and shows names whose prompt edit was deferred (P2). The application
   * calls it periodically, e.g. every 30 seconds.
   */
  public List<String> sweepPrompts() {
    return board.sweep();
  }

  /** The state of one execution: refusals early in the list change what later decisions do. */
  private final class Batch {
    private final List<String> effects = new ArrayList<>();
    private final Set<MemberKey> notRestricted = new HashSet<>();
    private final Set<GroupId> broken = new HashSet<>();

    void apply(Decision decision) {
      switch (decision) {
        case Restrict d -> restrict(d);
        case Lift d -> lift(d);
        case Decision.Prompt d -> prompt(d);
        case ClearPrompts d -> effects.addAll(board.clear(d));
        case DeleteMessage d -> deleteMessage(d);
        case AnswerCallback d -> answer(d);
        case Reply d -> reply(d);
        case NotifyOwner d -> notifyOwner(d.group(), d.text());
        case PauseGroup d -> pause(d.group(), d.reason());
        case ResumeGroup d -> resume(d.group());
        case ApproveJoin d -> approve(d);
        case RecordMember d -> members.recordActivity(d.group(), d.user(), now());
        case ForgetMember d -> forget(d);
        case MigrateGroup d -> migrate(d);
        case ProtectGroup d -> protect(d);
        case UnprotectGroup d -> unprotect(d);
        case ChangeSettings d -> {
          groups.updateSettings(d.group(), d.settings(), now());
          effects.add("settings of " + d.group() + " changed");
        }
        case SaveOwner d -> {
          owners.save(d.owner());
          effects.add("owner " + d.owner().id() + " saved");
        }
        case Note d -> effects.add(d.text());
      }
    }

    private void restrict(Restrict d) {
      MemberKey key = new MemberKey(d.group(), d.user().id());
      if (broken.contains(d.group())) {
        notRestricted.add(key);
        return;
      }
      try {
        scheduler.run(
            BotCall.to(d.group().chat(), "restrictChatMember", Priority.P1_ENFORCEMENT),
            chat -> moderation.restrict(GroupId.of(chat.value()), d.user().id()));
      } catch (BotApiRejectedException e) {
        notRestricted.add(key);
        switch (e.reason()) {
          case USER_IS_ADMINISTRATOR -> {
            admins.invalidate(d.group());
            effects.add("exempt: " + d.user().id() + " is an admin of " + d.group());
          }
          case CANNOT_RESTRICT_SELF, MEMBER_NOT_FOUND ->
              effects.add("not restricted " + d.user().id() + ": " + e.description());
          default -> throw e;
        }
        return;
      } catch (ChatAccessException e) {
        notRestricted.add(key);
        groupBroken(d.group(), e);
        return;
      }
      members.setRestriction(d.group(), d.user().id(), RestrictionState.RESTRICTED, now());
      record(d.group(), Optional.of(d.user().id()), AuditEntry.Action.RESTRICTED, d.reason());
      effects.add("restricted " + d.user().id() + " in " + d.group() + " (" + d.reason() + ")");
    }

    private void lift(Lift d) {
      if (broken.contains(d.group())) {
        return;
      }
      try {
        scheduler.run(
            BotCall.to(d.group().chat(), "restrictChatMember", d.priority()),
            chat -> moderation.lift(GroupId.of(chat.value()), d.user()));
      } catch (BotApiRejectedException e) {
        if (e.reason() != Reason.USER_IS_ADMINISTRATOR && e.reason() != Reason.MEMBER_NOT_FOUND) {
          throw e;
        }
      } catch (ChatAccessException e) {
        groupBroken(d.group(), e);
        return;
      }
      members.setRestriction(d.group(), d.user(), RestrictionState.FREE, now());
      record(d.group(), Optional.of(d.user()), AuditEntry.Action.RELEASED, d.reason());
      effects.add("lifted " + d.user() + " in " + d.group() + " (" + d.reason() + ")");
    }

    private void prompt(Decision.Prompt d) {
      if (broken.contains(d.group())
          || notRestricted.contains(new MemberKey(d.group(), d.user().id()))) {
        return;
      }
      try {
        String effect = board.prompt(d);
        record(d.group(), Optional.of(d.user().id()), AuditEntry.Action.PROMPTED, "");
        effects.add(effect);
      } catch (ChatAccessException e) {
        effects.add("could not prompt in " + d.group() + ": " + e.problem());
      }
    }

    private void deleteMessage(DeleteMessage d) {
      if (broken.contains(d.group())) {
        return;
      }
      try {
        scheduler.run(
            BotCall.to(d.group().chat(), "deleteMessage", Priority.P1_ENFORCEMENT),
            chat -> moderation.deleteMessage(chat, d.message()));
      } catch (BotApiRejectedException e) {
        if (e.reason() != Reason.MESSAGE_NOT_FOUND) {
          throw e;
        }
        effects.add("message " + d.message() + " in " + d.group() + " was already gone");
        return;
      } catch (ChatAccessException e) {
        effects.add("could not delete message " + d.message() + ": " + e.problem());
        return;
      }
      record(d.group(), Optional.empty(), AuditEntry.Action.MESSAGE_DELETED, d.reason());
      effects.add("deleted message " + d.message() + " in " + d.group() + " (" + d.reason() + ")");
    }

    private void answer(AnswerCallback d) {
      try {
        scheduler.submit(
            BotCall.withoutChat("answerCallbackQuery", Priority.P0_INTERACTIVE),
            () -> {
              messaging.answerCallback(d.answer());
              return null;
            });
        effects.add("answered button press: " + d.answer().text().orElse("(silently)"));
      } catch (BotApiRejectedException e) {
        if (e.reason() != Reason.QUERY_TOO_OLD) {
          throw e;
        }
        effects.add("button press too old to answer");
      }
    }

    private void reply(Reply d) {
      try {
        send(d.chat(), d.message(), d.priority());
        effects.add("replied in " + d.chat() + ": " + firstLine(d.message().text()));
      } catch (ChatAccessException e) {
        effects.add("could not write in " + d.chat() + ": " + e.problem());
      }
    }

    /** In private when the owner can be reached there; else (or if that fails) in the group. */
    private void notifyOwner(GroupId group, String text) {
      Optional<ProtectedGroup> g = groups.find(group);
      Optional<Owner> owner = g.flatMap(found -> owners.find(found.owner()));
      if (owner.isPresent() && owner.get().reachableInPrivate()) {
        try {
          send(owner.get().id().privateChat(), OutgoingMessage.text(text), Priority.P1_ENFORCEMENT);
          effects.add("told owner " + owner.get().id() + " in private: " + firstLine(text));
          return;
        } catch (ChatAccessException e) {
          Owner o = owner.get();
          owners.save(new Owner(o.id(), o.username(), false));
        }
      }
      try {
        send(group.chat(), OutgoingMessage.text(text), Priority.P1_ENFORCEMENT);
        effects.add("told the owner in " + group + ": " + firstLine(text));
      } catch (ChatAccessException e) {
        effects.add("could not tell the owner of " + group + " (" + e.problem() + ")");
      }
    }

    private void send(ChatId chat, OutgoingMessage message, Priority priority) {
      scheduler.submit(
          BotCall.to(chat, "sendMessage", priority), target -> messaging.send(target, message));
    }

    private void pause(GroupId group, PauseReason reason) {
      groups.pause(group, reason, now());
      record(
          group, Optional.empty(), AuditEntry.Action.PAUSED, reason.kind() + " " + reason.detail());
      metrics.activeGroups(groups.countActive());
      metrics.groupPaused(reason.kind().name().toLowerCase(Locale.ROOT));
      effects.add("paused protection of " + group + ": " + Texts.pauseDetail(reason));
    }

    private void resume(GroupId group) {
      groups.resume(group, now());
      record(group, Optional.empty(), AuditEntry.Action.RESUMED, "");
      metrics.activeGroups(groups.countActive());
      effects.add("resumed protection of " + group);
    }

    /** The bot cannot enforce in the group: pause it (once) and tell the owner. */
    private void groupBroken(GroupId group, ChatAccessException e) {
      broken.add(group);
      Optional<ProtectedGroup> g = groups.find(group);
      if (g.isEmpty() || g.get().isPaused()) {
        effects.add("cannot enforce in " + group + ": " + e.problem());
        return;
      }
      PauseReason.Kind kind =
          switch (e.problem()) {
            case BOT_NOT_MEMBER, BOT_KICKED, CHAT_NOT_FOUND ->
                PauseReason.Kind.BOT_REMOVED_FROM_GROUP;
            default -> PauseReason.Kind.BOT_LACKS_GROUP_RIGHTS;
          };
      String detail =
          e.problem() == ChatAccessException.Problem.NOT_A_SUPERGROUP
              ? "the group is not a supergroup"
              : e.problem() + ": " + e.description();
      pause(group, new PauseReason(kind, Optional.empty(), detail));
      String title = g.get().title().isBlank() ? "your group" : "“" + g.get().title() + "”";
      notifyOwner(
          group,
          kind == PauseReason.Kind.BOT_REMOVED_FROM_GROUP
              ? Texts.removedFromGroup(title)
              : e.problem() == ChatAccessException.Problem.NOT_A_SUPERGROUP
                  ? "⚠️ "
                      + title
                      + " is a basic group: I can only mute members in supergroups. Protection is"
                      + " paused; upgrade the group to a supergroup, then run /reactivate."
                  : Texts.lostGroupRights(title, List.of("restrict members")));
    }

    private void approve(ApproveJoin d) {
      try {
        scheduler.run(
            BotCall.to(d.group().chat(), "approveChatJoinRequest", Priority.P1_ENFORCEMENT),
            chat -> moderation.approveJoinRequest(chat, d.user()));
      } catch (BotApiRejectedException e) {
        if (e.reason() != Reason.ALREADY_PARTICIPANT && e.reason() != Reason.NO_JOIN_REQUEST) {
          throw e;
        }
        effects.add("join request of " + d.user() + " was no longer pending");
        return;
      } catch (ChatAccessException e) {
        effects.add("could not approve " + d.user() + " in " + d.group() + ": " + e.problem());
        return;
      }
      record(d.group(), Optional.of(d.user()), AuditEntry.Action.JOIN_APPROVED, "subscribed");
      metrics.joinRequestApproved();
      effects.add("approved join request of " + d.user() + " in " + d.group());
    }

    private void forget(ForgetMember d) {
      boolean restricted =
          members.find(d.group(), d.user()).map(m -> m.isRestricted()).orElse(false);
      if (restricted) {
        effects.add(d.user() + " left " + d.group() + " (kept: restricted by GMBot)");
      } else {
        members.remove(d.group(), d.user());
        effects.add(d.user() + " left " + d.group());
      }
    }

    private void migrate(MigrateGroup d) {
      groups.migrate(d.from(), d.to(), now());
      record(d.to(), Optional.empty(), AuditEntry.Action.MIGRATED, "from " + d.from());
      effects.add("group " + d.from() + " migrated to " + d.to());
    }

    private void protect(ProtectGroup d) {
      groups.protect(d.group(), d.title(), d.owner(), d.channels(), now());
      record(
          d.group(),
          Optional.of(d.owner().id()),
          AuditEntry.Action.PROTECTED,
          Texts.channelNames(d.channels()));
      metrics.activeGroups(groups.countActive());
      effects.add("protected " + d.group() + " with " + Texts.channelNames(d.channels()));
    }

    private void unprotect(UnprotectGroup d) {
      if (d.all()) {
        groups.disable(d.group(), now());
      } else {
        groups.unlink(d.group(), d.channels(), now());
      }
      record(
          d.group(),
          Optional.empty(),
          AuditEntry.Action.UNPROTECTED,
          d.all() ? "all" : d.channels().toString());
      metrics.activeGroups(groups.countActive());
      effects.add("unprotected " + d.group() + (d.all() ? "" : " from " + d.channels()));
    }

    private void record(
        GroupId group, Optional<UserId> user, AuditEntry.Action action, String detail) {
      audit.record(new AuditEntry(now(), group, user, action, detail));
    }

    private Instant now() {
      return clock.instant();
    }
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
