package dev.gmbot.domain.protection;

import dev.gmbot.domain.protection.Decision.AnswerCallback;
import dev.gmbot.domain.protection.Decision.ApproveJoin;
import dev.gmbot.domain.protection.Decision.ChangeSettings;
import dev.gmbot.domain.protection.Decision.ClearDeadline;
import dev.gmbot.domain.protection.Decision.ClearPrompts;
import dev.gmbot.domain.protection.Decision.Count;
import dev.gmbot.domain.protection.Decision.DeclineJoin;
import dev.gmbot.domain.protection.Decision.DeleteMessage;
import dev.gmbot.domain.protection.Decision.EditMessage;
import dev.gmbot.domain.protection.Decision.EndConversation;
import dev.gmbot.domain.protection.Decision.ForgetJoinRequest;
import dev.gmbot.domain.protection.Decision.ForgetMember;
import dev.gmbot.domain.protection.Decision.ForgetMenuGroup;
import dev.gmbot.domain.protection.Decision.Hold;
import dev.gmbot.domain.protection.Decision.HoldJoinRequest;
import dev.gmbot.domain.protection.Decision.Lift;
import dev.gmbot.domain.protection.Decision.MigrateGroup;
import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.domain.protection.Decision.NotifyOwner;
import dev.gmbot.domain.protection.Decision.PauseGroup;
import dev.gmbot.domain.protection.Decision.PreviewPrompt;
import dev.gmbot.domain.protection.Decision.ProtectGroup;
import dev.gmbot.domain.protection.Decision.RecordMember;
import dev.gmbot.domain.protection.Decision.RememberMenuGroup;
import dev.gmbot.domain.protection.Decision.RemoveMember;
import dev.gmbot.domain.protection.Decision.Reply;
import dev.gmbot.domain.protection.Decision.Restrict;
import dev.gmbot.domain.protection.Decision.ResumeGroup;
import dev.gmbot.domain.protection.Decision.SaveConversation;
import dev.gmbot.domain.protection.Decision.SaveOwner;
import dev.gmbot.domain.protection.Decision.ScheduleRemoval;
import dev.gmbot.domain.protection.Decision.SendChart;
import dev.gmbot.domain.protection.Decision.TrustMember;
import dev.gmbot.domain.protection.Decision.UnprotectGroup;
import dev.gmbot.domain.protection.Decision.UntrustMember;
import dev.gmbot.domain.scheduling.BotCall;
import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.domain.scheduling.CallDeferredException;
import dev.gmbot.domain.scheduling.Delivery;
import dev.gmbot.domain.scheduling.GroupMigration;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.domain.verification.AdministratorDirectory;
import dev.gmbot.port.model.AuditEntry;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.DailyCounter;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MemberDeadline;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.model.PendingJoinRequest;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.RestrictionState;
import dev.gmbot.port.model.TrustedMember;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.AuditTrail;
import dev.gmbot.port.out.BotApiRejectedException;
import dev.gmbot.port.out.BotApiRejectedException.Reason;
import dev.gmbot.port.out.BotMethod;
import dev.gmbot.port.out.ChatAccessException;
import dev.gmbot.port.out.ChatMessaging;
import dev.gmbot.port.out.ChatModeration;
import dev.gmbot.port.out.ConversationRepository;
import dev.gmbot.port.out.DailyStatistics;
import dev.gmbot.port.out.EffectOutbox;
import dev.gmbot.port.out.EffectOutbox.DeferredEffect;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.MemberDeadlines;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.MemberSweeps;
import dev.gmbot.port.out.OwnerRepository;
import dev.gmbot.port.out.PendingJoinRequests;
import dev.gmbot.port.out.PromptRepository;
import dev.gmbot.port.out.StatsChart;
import dev.gmbot.port.out.TrustList;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Carries out decisions, in order: Telegram calls through the {@link BotCallScheduler} (each with
 * its method, priority and chat), state changes through the repositories, one audit entry per
 * enforcement action. It decides nothing itself: what an outcome of a call means is asked of a
 * policy, and the policy's decisions are carried out in their turn.
 *
 * <ul>
 *   <li>Telegram's expected refusals are effect lines: "user is an administrator" (exempt; the
 *       admin cache is dropped), "member not found", "message not found", "query is too old",
 *       "already participant" / "no join request".
 *   <li>A restriction or lift refused because the bot cannot enforce in the group ({@link
 *       ChatAccessException}) is handed to the {@link BrokenGroupPolicy} (pause, tell the owner);
 *       the rest of the list is skipped for that group (no prompt for a user who was not muted).
 *   <li>A call that found its group migrated to a supergroup ({@link GroupMigration}, reported by
 *       the scheduler) is handed to the {@link MigrationPolicy}; the decisions after it that
 *       concern the group are carried out at its new id.
 * </ul>
 *
 * Anything else propagates, so the update is redelivered.
 */
public final class DecisionExecutor {
  private record MemberKey(GroupId group, UserId user) {}

  private final ChatModeration moderation;
  private final ChatMessaging messaging;
  private final GroupRepository groups;
  private final OwnerRepository owners;
  private final MemberRepository members;
  private final AuditTrail audit;
  private final ConversationRepository conversations;
  private final AdministratorDirectory admins;
  private final BrokenGroupPolicy brokenGroups;
  private final MigrationPolicy migrations;
  private final BotCallScheduler scheduler;
  private final GuardMetrics metrics;
  private final Clock clock;
  private final PromptBoard board;
  private final EffectOutbox outbox;
  private final DailyStatistics statistics;
  private final StatsChart chart;
  private final TrustList trust;
  private final MemberDeadlines deadlines;
  private final PendingJoinRequests joinRequests;
  private final MemberSweeps sweeps;

  @Inject
  public DecisionExecutor(
      ChatModeration moderation,
      ChatMessaging messaging,
      GroupRepository groups,
      OwnerRepository owners,
      MemberRepository members,
      PromptRepository prompts,
      AuditTrail audit,
      ConversationRepository conversations,
      AdministratorDirectory admins,
      BrokenGroupPolicy brokenGroups,
      MigrationPolicy migrations,
      BotCallScheduler scheduler,
      GuardMetrics metrics,
      Clock clock,
      ProtectionSettings settings,
      DailyStatistics statistics,
      StatsChart chart,
      EffectOutbox outbox,
      TrustList trust,
      MemberDeadlines deadlines,
      PendingJoinRequests joinRequests,
      MemberSweeps sweeps) {
    this.joinRequests = Objects.requireNonNull(joinRequests, "joinRequests");
    this.sweeps = Objects.requireNonNull(sweeps, "sweeps");
    this.trust = Objects.requireNonNull(trust, "trust");
    this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.moderation = Objects.requireNonNull(moderation, "moderation");
    this.messaging = Objects.requireNonNull(messaging, "messaging");
    this.groups = Objects.requireNonNull(groups, "groups");
    this.owners = Objects.requireNonNull(owners, "owners");
    this.members = Objects.requireNonNull(members, "members");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.conversations = Objects.requireNonNull(conversations, "conversations");
    this.admins = Objects.requireNonNull(admins, "admins");
    this.brokenGroups = Objects.requireNonNull(brokenGroups, "brokenGroups");
    this.migrations = Objects.requireNonNull(migrations, "migrations");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.board = new PromptBoard(prompts, messaging, moderation, clock, settings);
    this.statistics = Objects.requireNonNull(statistics, "statistics");
    this.chart = Objects.requireNonNull(chart, "chart");
  }

  /**
   * Executes the decisions in order and returns one human-readable line per effect. Every call
   * waits for its turn (meters, pauses, retries).
   */
  public List<String> execute(List<Decision> decisions) {
    Batch batch = new Batch(null);
    decisions.forEach(batch::apply);
    return List.copyOf(batch.effects);
  }

  /**
   * Executes an update's decisions without waiting for Telegram's limits (ADR 0014): a call that
   * would wait for a meter, a 429 pause or a retry is not made; that decision and every later one
   * of the same chat are recorded, in order, in the {@link EffectOutbox} (one effect per chat,
   * keyed by the update and the decision's index, so a redelivery records nothing twice). A chat
   * that already has effects waiting gets its new ones behind them. Without an outbox ({@link
   * EffectOutbox#NONE}) this is {@link #execute(List)}.
   */
  public List<String> execute(List<Decision> decisions, long updateId) {
    if (!outbox.enabled()) {
      return execute(decisions);
    }
    Batch batch = new Batch(new Deferral("u" + updateId + ":", null));
    decisions.forEach(batch::apply);
    batch.deferral.flush(batch.effects);
    return List.copyOf(batch.effects);
  }

  /** Saves how far a deferred effect got, before and after each step (see {@link #resume}). */
  @FunctionalInterface
  public interface Checkpoint {
    /**
     * @param remaining what is left, its first decision included
     * @param headStarted whether the first remaining decision has been started
     * @return false when the effect was taken over by another worker: stop at once
     */
    boolean save(List<Decision> remaining, boolean headStarted);
  }

  /**
   * What became of a deferred effect: done ({@code remaining} empty), or due again at {@code
   * retryAt} with what is left; {@code leaseLost} when another worker took it over meanwhile.
   */
  public record Resumed(
      List<String> effects,
      List<Decision> remaining,
      Optional<Instant> retryAt,
      boolean leaseLost) {
    public Resumed {
      effects = List.copyOf(effects);
      remaining = List.copyOf(remaining);
      Objects.requireNonNull(retryAt, "retryAt");
    }

    public boolean done() {
      return remaining.isEmpty() && !leaseLost;
    }
  }

  /**
   * Carries out a deferred effect's decisions for a drain worker, in order and without waiting: the
   * first one that would wait stops the effect, which is due again when the call may run. Before a
   * decision that posts a message starts, and after each decision, the {@code checkpoint} is saved;
   * when {@code headStarted} says a previous worker started the first decision's post and died,
   * that post is not made again (its outcome is unknown: at most once, ADR 0015).
   *
   * @param lane the effect's lane: new decisions a policy returns for it do not wait behind it
   */
  public Resumed resume(
      List<Decision> decisions,
      boolean headStarted,
      String lane,
      String keyPrefix,
      Checkpoint checkpoint) {
    Batch batch = new Batch(new Deferral(keyPrefix, lane));
    List<Decision> rest = List.copyOf(decisions);
    boolean started = headStarted;
    while (!rest.isEmpty()) {
      Decision head = rest.getFirst();
      batch.applied++;
      if (posts(head)) {
        if (started) {
          batch.effects.add("not posted again (outcome unknown): " + describe(head));
          metrics.outbox("uncertain");
          rest = rest.subList(1, rest.size());
          started = false;
          if (!checkpoint.save(rest, false)) {
            return new Resumed(batch.effects, rest, Optional.empty(), true);
          }
          continue;
        }
        if (!checkpoint.save(rest, true)) {
          return new Resumed(batch.effects, rest, Optional.empty(), true);
        }
      }
      try {
        batch.run(head);
      } catch (CallDeferredException e) {
        if (!e.uncertain()) {
          batch.deferral.flush(batch.effects);
          List<Decision> left = batch.withHeadLeft(rest);
          return new Resumed(batch.effects, left, Optional.of(e.retryAt()), false);
        }
        batch.uncertain(head, e);
      }
      rest = rest.subList(1, rest.size());
      started = false;
      if (!rest.isEmpty() && !checkpoint.save(rest, false)) {
        return new Resumed(batch.effects, rest, Optional.empty(), true);
      }
    }
    batch.deferral.flush(batch.effects);
    return new Resumed(batch.effects, List.of(), Optional.empty(), false);
  }

  /** Decisions that post a message: not idempotent, so never started twice by the drain. */
  private static boolean posts(Decision d) {
    return d instanceof Reply
        || d instanceof Decision.Prompt
        || d instanceof NotifyOwner
        || d instanceof PreviewPrompt
        || d instanceof SendChart;
  }

  private static String describe(Decision d) {
    return d.getClass().getSimpleName() + " in " + laneOf(d, Function.identity());
  }

  /**
   * The lane (chat) a deferrable decision's calls address: effects of one chat stay in order. A
   * callback answer names no chat and is ordered with nothing.
   */
  private static String laneOf(Decision d, Function<ChatId, ChatId> target) {
    ChatId chat =
        switch (d) {
          case Restrict x -> x.group().chat();
          case Lift x -> x.group().chat();
          case Decision.Prompt x -> x.group().chat();
          case ClearPrompts x -> x.group().chat();
          case DeleteMessage x -> x.group().chat();
          case NotifyOwner x -> x.group().chat();
          case ApproveJoin x -> x.group().chat();
          case Reply x -> x.chat();
          case EditMessage x -> x.chat();
          case PreviewPrompt x -> x.chat();
          case SendChart x -> x.chat();
          case AnswerCallback x -> null;
          default -> throw new IllegalArgumentException("not deferrable: " + d);
        };
    if (chat == null) {
      return "callback:" + ((AnswerCallback) d).answer().callbackQueryId();
    }
    return "chat:" + target.apply(chat).value();
  }

  /** The priority of a deferrable decision's first call (the effect's place in the drain). */
  private static Priority priorityOf(Decision d) {
    return switch (d) {
      case Lift x -> x.priority();
      case Reply x -> x.priority();
      case AnswerCallback x -> Priority.P0_INTERACTIVE;
      case EditMessage x -> Priority.P0_INTERACTIVE;
      case PreviewPrompt x -> Priority.P0_INTERACTIVE;
      case SendChart x -> Priority.P0_INTERACTIVE;
      case ClearPrompts x -> Priority.P2_BACKGROUND;
      default -> Priority.P1_ENFORCEMENT;
    };
  }

  /**
   * The decisions of one execution that wait in the outbox, per lane, in order. Keys: the prefix
   * (the update, or the effect being resumed) and the index of the lane's first deferred decision.
   */
  private final class Deferral {
    private final String keyPrefix;
    private final String ownLane;
    private final Map<String, Boolean> pendingSeen = new HashMap<>();
    private final Map<String, Waiting> lanes = new LinkedHashMap<>();

    Deferral(String keyPrefix, String ownLane) {
      this.keyPrefix = keyPrefix;
      this.ownLane = ownLane;
    }

    /** Whether the lane's decisions must wait: earlier ones of it wait already. */
    boolean holds(String lane) {
      if (lanes.containsKey(lane)) {
        return true;
      }
      if (lane.equals(ownLane)) {
        return false;
      }
      return pendingSeen.computeIfAbsent(lane, outbox::hasPending);
    }

    void add(String lane, int index, Decision d, Instant notBefore) {
      Waiting waiting = lanes.get(lane);
      if (waiting == null) {
        lanes.put(lane, new Waiting(index, new ArrayList<>(List.of(d)), notBefore));
      } else {
        waiting.decisions().add(d);
      }
    }

    /** Records each lane's waiting decisions as one effect; adds an effect line for each. */
    void flush(List<String> effects) {
      Instant now = clock.instant();
      for (Map.Entry<String, Waiting> e : lanes.entrySet()) {
        Waiting w = e.getValue();
        int priority =
            w.decisions().stream().mapToInt(d -> priorityOf(d).ordinal()).min().orElseThrow();
        boolean recorded =
            outbox.record(
                new DeferredEffect(
                    keyPrefix + w.firstIndex(),
                    e.getKey(),
                    priority,
                    DecisionCodec.encode(w.decisions()),
                    now,
                    w.notBefore() == null ? now : w.notBefore()));
        if (recorded) {
          metrics.outbox("recorded");
        }
        effects.add(
            (recorded ? "deferred " : "already deferred ")
                + w.decisions().size()
                + " effect(s) in "
                + e.getKey()
                + (w.notBefore() == null ? " (behind earlier ones)" : " until " + w.notBefore()));
      }
      lanes.clear();
    }
  }

  /** One lane's deferred decisions; {@code notBefore} null when they only wait behind others. */
  private record Waiting(int firstIndex, List<Decision> decisions, Instant notBefore) {}

  /**
   * Deletes expired prompts and shows names whose prompt edit was deferred (P2). The application
   * calls it periodically, e.g. every 30 seconds.
   */
  public List<String> sweepPrompts() {
    Batch batch = new Batch(null);
    batch.effects.addAll(board.sweep(batch.calls));
    return List.copyOf(batch.effects);
  }

  /** The state of one execution: outcomes early in the list change what later decisions do. */
  private final class Batch {
    private final List<String> effects = new ArrayList<>();
    private final Set<MemberKey> notRestricted = new HashSet<>();
    private final Set<GroupId> broken = new HashSet<>();
    private final Map<GroupId, GroupId> moved = new HashMap<>();
    private final BotCallScheduler calls = new ReportingCalls();
    private final Deferral deferral;
    private int applied;

    /**
     * What is left of the decision being run when part of it is done: a /stats chart the chat
     * refused leaves only its text answer, so a deferred answer does not try the photo again.
     */
    private Decision headLeft;

    /**
     * @param deferral where decisions that would wait go; null: every call waits for its turn
     */
    Batch(Deferral deferral) {
      this.deferral = deferral;
    }

    void apply(Decision decision) {
      int index = applied++;
      if (deferral == null || !DecisionCodec.deferrable(decision)) {
        run(decision);
        return;
      }
      String lane = laneOf(decision, this::target);
      if (deferral.holds(lane)) {
        deferral.add(lane, index, decision, null);
        return;
      }
      try {
        run(decision);
      } catch (CallDeferredException e) {
        if (e.uncertain()) {
          uncertain(decision, e);
        } else {
          deferral.add(lane, index, headLeft != null ? headLeft : decision, e.retryAt());
        }
      }
    }

    /** A post timed out without an answer: it may have been posted, so it is not posted again. */
    void uncertain(Decision decision, CallDeferredException e) {
      metrics.outbox("uncertain");
      effects.add("not posted again (" + e.method() + " timed out): " + describe(decision));
    }

    /**
     * {@code rest} with its first decision replaced by what is left of it, if anything was done.
     */
    List<Decision> withHeadLeft(List<Decision> rest) {
      if (headLeft == null) {
        return rest;
      }
      List<Decision> left = new ArrayList<>(rest);
      left.set(0, headLeft);
      return left;
    }

    void run(Decision decision) {
      headLeft = null;
      switch (decision) {
        case Restrict d -> restrict(d);
        case Lift d -> lift(d);
        case Decision.Prompt d -> prompt(d);
        case ClearPrompts d -> clearPrompts(d);
        case DeleteMessage d -> deleteMessage(d);
        case AnswerCallback d -> answer(d);
        case Reply d -> reply(d);
        case SendChart d -> sendChart(d);
        case Count d -> count(target(d.group()), d.counter());
        case NotifyOwner d -> notifyOwner(target(d.group()), d.text());
        case PauseGroup d -> pause(target(d.group()), d.reason());
        case ResumeGroup d -> resume(target(d.group()));
        case ApproveJoin d -> approve(d);
        case RecordMember d -> members.recordActivity(target(d.group()), d.user(), now());
        case ForgetMember d -> forget(d);
        case MigrateGroup d -> migrate(d);
        case ProtectGroup d -> protect(d);
        case UnprotectGroup d -> unprotect(d);
        case ChangeSettings d -> {
          GroupId group = target(d.group());
          groups.updateSettings(group, d.settings(), now());
          effects.add("settings of " + group + " changed");
        }
        case SaveOwner d -> {
          owners.save(d.owner());
          effects.add("owner " + d.owner().id() + " saved");
        }
        case EditMessage d -> edit(d);
        case PreviewPrompt d -> preview(d);
        case SaveConversation d -> {
          conversations.save(d.conversation());
          effects.add(
              "waiting for "
                  + d.conversation().user()
                  + "'s "
                  + d.conversation().subject()
                  + (d.conversation().draft().isPresent() ? " (preview shown)" : ""));
        }
        case EndConversation d -> {
          conversations.end(d.user());
          effects.add("conversation with " + d.user() + " ended");
        }
        case RememberMenuGroup d -> conversations.rememberGroup(d.user(), target(d.group()), now());
        case ForgetMenuGroup d -> {
          conversations.forgetGroup(d.user(), d.group());
          effects.add("menu of " + d.user() + " forgets " + d.group());
        }
        case Note d -> effects.add(d.text());
        // ---- enforcement policy (issue 16) ----
        case ScheduleRemoval d -> {
          GroupId group = target(d.group());
          if (!broken.contains(group) && !notRestricted.contains(new MemberKey(group, d.user()))) {
            deadlines.setIfAbsent(
                new MemberDeadline(group, d.user(), MemberDeadline.Kind.REMOVE, d.due()));
            effects.add("removal of " + d.user() + " in " + group + " due at " + d.due());
          }
        }
        case Hold d -> hold(d);
        case ClearDeadline d -> deadlines.clear(target(d.group()), d.user(), d.kind());
        case RemoveMember d -> remove(d);
        case Decision.SetOffPeak d -> {
          GroupId group = target(d.group());
          sweeps.setOffPeak(group, d.hours());
          effects.add("off-peak hours of " + group + " set to " + d.hours());
        }
        case TrustMember d -> {
          TrustedMember m = d.member();
          GroupId group = target(m.group());
          trust.trust(new TrustedMember(group, m.user(), m.label(), m.by(), m.at()));
          record(group, Optional.of(m.user()), AuditEntry.Action.TRUSTED, "by " + m.by());
          effects.add("trusted " + m.user() + " in " + group);
        }
        case UntrustMember d -> {
          GroupId group = target(d.group());
          if (trust.untrust(group, d.user())) {
            record(group, Optional.of(d.user()), AuditEntry.Action.UNTRUSTED, "by " + d.by());
            effects.add("untrusted " + d.user() + " in " + group);
          } else {
            effects.add(d.user() + " was not trusted in " + group);
          }
        }
        // ---- the join-request gate (ADR 0023) ----
        case HoldJoinRequest d -> {
          PendingJoinRequest r = d.request();
          GroupId group = target(r.group());
          joinRequests.save(
              new PendingJoinRequest(
                  group, r.user(), r.userChat(), r.language(), r.requestedAt(), r.expiresAt()));
          effects.add(
              "holding the join request of "
                  + r.user()
                  + " in "
                  + group
                  + " until "
                  + r.expiresAt());
        }
        case ForgetJoinRequest d -> {
          GroupId group = target(d.group());
          joinRequests.remove(group, d.user());
          effects.add(
              "forgot the join request of " + d.user() + " in " + group + " (" + d.reason() + ")");
        }
        case DeclineJoin d -> decline(d);
      }
    }

    /** Where a group's decisions go now: its new id once a migration was carried out. */
    private GroupId target(GroupId group) {
      return moved.getOrDefault(group, group);
    }

    private ChatId target(ChatId chat) {
      if (chat.value() >= 0) {
        return chat;
      }
      return target(GroupId.of(chat.value())).chat();
    }

    /** A call of this batch followed a migration: the policy says what it means. */
    private void migrationFound(GroupMigration migration) {
      if (moved.putIfAbsent(migration.from(), migration.to()) == null) {
        migrations.onMigrationFound(migration).forEach(this::apply);
      }
    }

    /** The bot cannot enforce in the group: the policy decides; the rest of the list skips it. */
    private void refused(GroupId group, ChatAccessException e) {
      broken.add(group);
      brokenGroups.onEnforcementRefused(group, e.problem(), e.description()).forEach(this::apply);
    }

    private void restrict(Restrict d) {
      GroupId group = target(d.group());
      MemberKey key = new MemberKey(group, d.user().id());
      if (broken.contains(group)) {
        notRestricted.add(key);
        return;
      }
      try {
        calls.run(
            BotCall.to(group.chat(), BotMethod.RESTRICT_CHAT_MEMBER, Priority.P1_ENFORCEMENT),
            chat -> moderation.restrict(GroupId.of(chat.value()), d.user().id()));
      } catch (BotApiRejectedException e) {
        notRestricted.add(key);
        switch (e.reason()) {
          case USER_IS_ADMINISTRATOR -> {
            admins.invalidate(group);
            effects.add("exempt: " + d.user().id() + " is an admin of " + group);
          }
          case CANNOT_RESTRICT_SELF, MEMBER_NOT_FOUND ->
              effects.add("not restricted " + d.user().id() + ": " + e.description());
          default -> throw e;
        }
        return;
      } catch (ChatAccessException e) {
        notRestricted.add(key);
        refused(group, e);
        return;
      }
      group = target(group);
      members.setRestriction(group, d.user().id(), RestrictionState.RESTRICTED, now());
      record(group, Optional.of(d.user().id()), AuditEntry.Action.RESTRICTED, d.reason());
      count(group, DailyCounter.RESTRICTED);
      effects.add("restricted " + d.user().id() + " in " + group + " (" + d.reason() + ")");
    }

    private void lift(Lift d) {
      GroupId group = target(d.group());
      if (broken.contains(group)) {
        return;
      }
      try {
        calls.run(
            BotCall.to(group.chat(), BotMethod.RESTRICT_CHAT_MEMBER, d.priority()),
            chat -> moderation.lift(GroupId.of(chat.value()), d.user()));
      } catch (BotApiRejectedException e) {
        if (e.reason() != Reason.USER_IS_ADMINISTRATOR && e.reason() != Reason.MEMBER_NOT_FOUND) {
          throw e;
        }
      } catch (ChatAccessException e) {
        refused(group, e);
        return;
      }
      group = target(group);
      members.setRestriction(group, d.user(), RestrictionState.FREE, now());
      // Free again: no removal or hold is due about them any more (ADR 0017).
      deadlines.clearAll(group, d.user());
      record(group, Optional.of(d.user()), AuditEntry.Action.RELEASED, d.reason());
      verified(group, d.priority());
      effects.add("lifted " + d.user() + " in " + group + " (" + d.reason() + ")");
    }

    private void prompt(Decision.Prompt d) {
      GroupId group = target(d.group());
      if (broken.contains(group) || notRestricted.contains(new MemberKey(group, d.user().id()))) {
        return;
      }
      try {
        String effect =
            board.prompt(
                new Decision.Prompt(group, d.user(), d.channels(), d.settings(), d.topic()), calls);
        record(target(group), Optional.of(d.user().id()), AuditEntry.Action.PROMPTED, "");
        effects.add(effect);
      } catch (ChatAccessException e) {
        effects.add("could not prompt in " + group + ": " + e.problem());
      }
    }

    private void clearPrompts(ClearPrompts d) {
      GroupId group = target(d.group());
      effects.addAll(
          board.clear(new ClearPrompts(group, d.user(), d.channels(), d.settings()), calls));
    }

    private void deleteMessage(DeleteMessage d) {
      GroupId group = target(d.group());
      if (broken.contains(group)) {
        return;
      }
      try {
        calls.run(
            BotCall.to(group.chat(), BotMethod.DELETE_MESSAGE, Priority.P1_ENFORCEMENT),
            chat -> moderation.deleteMessage(chat, d.message()));
      } catch (BotApiRejectedException e) {
        if (e.reason() != Reason.MESSAGE_NOT_FOUND) {
          throw e;
        }
        effects.add("message " + d.message() + " in " + group + " was already gone");
        return;
      } catch (ChatAccessException e) {
        effects.add("could not delete message " + d.message() + ": " + e.problem());
        return;
      }
      group = target(group);
      record(group, Optional.empty(), AuditEntry.Action.MESSAGE_DELETED, d.reason());
      count(group, DailyCounter.MESSAGES_DELETED);
      effects.add("deleted message " + d.message() + " in " + group + " (" + d.reason() + ")");
    }

    private void answer(AnswerCallback d) {
      try {
        calls.submit(
            BotCall.withoutChat(BotMethod.ANSWER_CALLBACK_QUERY, Priority.P0_INTERACTIVE),
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
      ChatId chat = target(d.chat());
      try {
        send(chat, d.message(), d.priority());
        effects.add("replied in " + target(chat) + ": " + firstLine(d.message().text()));
      } catch (ChatAccessException e) {
        effects.add("could not write in " + chat + ": " + e.problem());
      }
    }

    /**
     * The /stats picture; in text when it cannot be drawn (no renderer, no font) or the bot may not
     * send photos in the chat.
     */
    private void sendChart(SendChart d) {
      ChatId chat = target(d.chat());
      byte[] png;
      try {
        png = chart.png(d.chart());
      } catch (IllegalStateException e) {
        effects.add("chart not drawn (" + e.getMessage() + "): answering in text");
        Reply fallback = new Reply(chat, d.fallback(), Priority.P0_INTERACTIVE);
        headLeft = fallback;
        reply(fallback);
        return;
      }
      try {
        MessageId sent =
            calls.submit(
                BotCall.to(chat, BotMethod.SEND_PHOTO, Priority.P0_INTERACTIVE),
                target -> messaging.sendPhoto(target, png, d.caption()));
        effects.add(
            "sent a chart in "
                + target(chat)
                + " (message "
                + sent
                + ", "
                + png.length
                + " bytes)");
      } catch (ChatAccessException e) {
        effects.add("may not send photos in " + chat + " (" + e.problem() + "): answering in text");
        Reply fallback = new Reply(chat, d.fallback(), Priority.P0_INTERACTIVE);
        headLeft = fallback;
        reply(fallback);
      }
    }

    /**
     * A lift that released a restricted member after a check: by the button (P0) or on its own (a
     * subscription seen, a message, a join request); a lift because protection ended is none.
     */
    private void verified(GroupId group, Priority priority) {
      switch (priority) {
        case P0_INTERACTIVE -> count(group, DailyCounter.VERIFIED_BY_BUTTON);
        case P1_ENFORCEMENT -> count(group, DailyCounter.VERIFIED_AUTOMATICALLY);
        default -> {}
      }
    }

    private void count(GroupId group, DailyCounter counter) {
      statistics.add(group, LocalDate.ofInstant(now(), ZoneOffset.UTC), Map.of(counter, 1L));
    }

    /** A screen of the menu in place of the last; a message that is gone is sent anew. */
    private void edit(EditMessage d) {
      try {
        calls.submit(
            BotCall.to(d.chat(), BotMethod.EDIT_MESSAGE_TEXT, Priority.P0_INTERACTIVE),
            chat -> {
              messaging.edit(chat, d.message(), d.replacement());
              return null;
            });
        effects.add("edited message " + d.message() + ": " + firstLine(d.replacement().text()));
      } catch (BotApiRejectedException e) {
        switch (e.reason()) {
          case MESSAGE_NOT_MODIFIED -> effects.add("message " + d.message() + " already showed it");
          case MESSAGE_NOT_FOUND ->
              reply(new Reply(d.chat(), d.replacement(), Priority.P0_INTERACTIVE));
          default -> throw e;
        }
      } catch (ChatAccessException e) {
        effects.add("could not edit in " + d.chat() + ": " + e.problem());
      }
    }

    private void preview(PreviewPrompt d) {
      try {
        MessageId sent = board.preview(d, calls);
        effects.add("previewed the prompt in " + d.chat() + " (message " + sent + ")");
      } catch (ChatAccessException e) {
        effects.add("could not preview in " + d.chat() + ": " + e.problem());
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
        effects.add("told the owner in " + target(group) + ": " + firstLine(text));
      } catch (ChatAccessException e) {
        effects.add("could not tell the owner of " + group + " (" + e.problem() + ")");
      }
    }

    private void send(ChatId chat, OutgoingMessage message, Priority priority) {
      calls.submit(
          BotCall.to(chat, BotMethod.SEND_MESSAGE, priority),
          target -> messaging.send(target, message));
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

    private void approve(ApproveJoin d) {
      GroupId group = target(d.group());
      try {
        calls.run(
            BotCall.to(group.chat(), BotMethod.APPROVE_CHAT_JOIN_REQUEST, Priority.P1_ENFORCEMENT),
            chat -> moderation.approveJoinRequest(chat, d.user()));
      } catch (BotApiRejectedException e) {
        if (e.reason() != Reason.ALREADY_PARTICIPANT && e.reason() != Reason.NO_JOIN_REQUEST) {
          throw e;
        }
        joinRequests.remove(group, d.user());
        effects.add("join request of " + d.user() + " was no longer pending");
        return;
      } catch (ChatAccessException e) {
        // Kept: the expiry tries once more, then forgets it (ADR 0023).
        effects.add("could not approve " + d.user() + " in " + group + ": " + e.problem());
        return;
      }
      group = target(group);
      joinRequests.remove(group, d.user());
      record(group, Optional.of(d.user()), AuditEntry.Action.JOIN_APPROVED, "subscribed");
      count(group, DailyCounter.VERIFIED_AUTOMATICALLY);
      metrics.joinRequestApproved();
      effects.add("approved join request of " + d.user() + " in " + group);
    }

    /**
     * Declines an expired join request, then tells the requester why. The held request is forgotten
     * whatever Telegram answers: already decided elsewhere ({@code HIDE_REQUESTER_MISSING}, {@code
     * USER_ALREADY_PARTICIPANT}), or refused because the bot lost its rights; only a failure that
     * may pass (a timeout, a 5xx) propagates and leaves it to the next sweep. The requester's chat
     * may refuse the notice (the 5-minute window of {@code user_chat_id} is long over unless they
     * started the bot; or they blocked it): an effect line.
     */
    private void decline(DeclineJoin d) {
      GroupId group = target(d.group());
      try {
        calls.run(
            BotCall.to(group.chat(), BotMethod.DECLINE_CHAT_JOIN_REQUEST, Priority.P2_BACKGROUND),
            chat -> moderation.declineJoinRequest(chat, d.user()));
      } catch (BotApiRejectedException e) {
        joinRequests.remove(group, d.user());
        effects.add(
            e.reason() == Reason.NO_JOIN_REQUEST || e.reason() == Reason.ALREADY_PARTICIPANT
                ? "join request of " + d.user() + " was no longer pending"
                : "could not decline " + d.user() + " in " + group + ": " + e.description());
        return;
      } catch (ChatAccessException e) {
        joinRequests.remove(group, d.user());
        effects.add("could not decline " + d.user() + " in " + group + ": " + e.problem());
        return;
      }
      group = target(group);
      joinRequests.remove(group, d.user());
      record(group, Optional.of(d.user()), AuditEntry.Action.JOIN_DECLINED, d.reason());
      effects.add(
          "declined join request of " + d.user() + " in " + group + " (" + d.reason() + ")");
      try {
        send(d.userChat(), d.notice(), Priority.P2_BACKGROUND);
        effects.add("told " + d.user() + " why: " + firstLine(d.notice().text()));
      } catch (ChatAccessException e) {
        effects.add("could not tell " + d.user() + " why (" + e.problem() + ")");
      }
    }

    /** A joiner muted while checks fail: recorded as held, released at the limit at the latest. */
    private void hold(Hold d) {
      GroupId group = target(d.group());
      if (broken.contains(group) || notRestricted.contains(new MemberKey(group, d.user()))) {
        return;
      }
      deadlines.setIfAbsent(
          new MemberDeadline(group, d.user(), MemberDeadline.Kind.HOLD, d.until()));
      record(
          group,
          Optional.of(d.user()),
          AuditEntry.Action.HELD,
          "checks failing; until " + d.until());
      effects.add("holding " + d.user() + " in " + group + " until " + d.until());
    }

    /**
     * Removes a member: banChatMember, then unbanChatMember (only if banned) so that they may come
     * back after subscribing. An admin, or a member already gone, is left alone; a group where the
     * bot cannot ban keeps the deadline (the lease runs out, the next sweep tries again).
     */
    private void remove(RemoveMember d) {
      GroupId group = target(d.group());
      if (broken.contains(group)) {
        return;
      }
      try {
        calls.run(
            BotCall.to(group.chat(), BotMethod.BAN_CHAT_MEMBER, Priority.P2_BACKGROUND),
            chat -> moderation.ban(GroupId.of(chat.value()), d.user()));
      } catch (BotApiRejectedException e) {
        switch (e.reason()) {
          case USER_IS_ADMINISTRATOR, CANNOT_RESTRICT_SELF -> {
            admins.invalidate(group);
            deadlines.clearAll(group, d.user());
            effects.add("not removed " + d.user() + ": " + e.description());
            return;
          }
          case MEMBER_NOT_FOUND -> {
            deadlines.clearAll(group, d.user());
            members.remove(group, d.user());
            effects.add("not removed " + d.user() + ": " + e.description());
            return;
          }
          default -> throw e;
        }
      } catch (ChatAccessException e) {
        effects.add("could not remove " + d.user() + " from " + group + ": " + e.problem());
        return;
      }
      group = target(group);
      calls.run(
          BotCall.to(group.chat(), BotMethod.UNBAN_CHAT_MEMBER, Priority.P2_BACKGROUND),
          chat -> moderation.unban(GroupId.of(chat.value()), d.user()));
      deadlines.clearAll(group, d.user());
      members.remove(group, d.user());
      record(group, Optional.of(d.user()), AuditEntry.Action.REMOVED, d.reason());
      effects.add("removed " + d.user() + " from " + group + " (" + d.reason() + ")");
    }

    private void forget(ForgetMember d) {
      GroupId group = target(d.group());
      boolean restricted = members.find(group, d.user()).map(m -> m.isRestricted()).orElse(false);
      if (restricted) {
        effects.add(d.user() + " left " + group + " (kept: restricted by GMBot)");
      } else {
        members.remove(group, d.user());
        effects.add(d.user() + " left " + group);
      }
    }

    private void migrate(MigrateGroup d) {
      groups.migrate(d.from(), d.to(), now());
      moved.put(d.from(), d.to());
      record(d.to(), Optional.empty(), AuditEntry.Action.MIGRATED, "from " + d.from());
      effects.add("group " + d.from() + " migrated to " + d.to());
    }

    private void protect(ProtectGroup d) {
      GroupId group = target(d.group());
      groups.protect(group, d.title(), d.owner(), d.channels(), now());
      record(
          group,
          Optional.of(d.owner().id()),
          AuditEntry.Action.PROTECTED,
          Texts.channelNames(d.channels()));
      metrics.activeGroups(groups.countActive());
      effects.add("protected " + group + " with " + Texts.channelNames(d.channels()));
    }

    private void unprotect(UnprotectGroup d) {
      GroupId group = target(d.group());
      if (d.all()) {
        groups.disable(group, now());
      } else {
        groups.unlink(group, d.channels(), now());
      }
      record(
          group,
          Optional.empty(),
          AuditEntry.Action.UNPROTECTED,
          d.all() ? "all" : d.channels().toString());
      metrics.activeGroups(groups.countActive());
      effects.add("unprotected " + group + (d.all() ? "" : " from " + d.channels()));
    }

    private void record(
        GroupId group, Optional<UserId> user, AuditEntry.Action action, String detail) {
      audit.record(new AuditEntry(now(), group, user, action, detail));
    }

    private Instant now() {
      return clock.instant();
    }

    /** The batch's view of the scheduler: a migration a call followed is handled at once. */
    private final class ReportingCalls implements BotCallScheduler {
      @Override
      public <T> Delivery<T> deliver(BotCall call, Function<ChatId, T> action) {
        Delivery<T> delivery =
            deferral == null ? scheduler.deliver(call, action) : scheduler.deliverNow(call, action);
        delivery.migration().ifPresent(Batch.this::migrationFound);
        return delivery;
      }

      @Override
      public <T> T submit(BotCall call, Supplier<T> action) {
        return deferral == null
            ? scheduler.submit(call, action)
            : scheduler.submitNow(call, action);
      }
    }
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
