package dev.gmbot.domain;

import dev.gmbot.domain.commands.CommandPolicy;
import dev.gmbot.domain.i18n.Readers;
import dev.gmbot.domain.protection.BotSelf;
import dev.gmbot.domain.protection.BrokenGroupPolicy;
import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.protection.DecisionExecutor;
import dev.gmbot.domain.protection.EffectDrain;
import dev.gmbot.domain.protection.MemberSweeper;
import dev.gmbot.domain.protection.MessageReads;
import dev.gmbot.domain.protection.MigrationPolicy;
import dev.gmbot.domain.protection.PressGate;
import dev.gmbot.domain.protection.ProtectionPolicy;
import dev.gmbot.domain.protection.ProtectionSettings;
import dev.gmbot.domain.protection.SweepSettings;
import dev.gmbot.domain.protection.Texts;
import dev.gmbot.domain.retention.RetentionCleanup;
import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.domain.scheduling.DirectScheduler;
import dev.gmbot.domain.verification.AdministratorDirectory;
import dev.gmbot.domain.verification.MembershipVerifier;
import dev.gmbot.domain.verification.VerificationSettings;
import dev.gmbot.port.in.BotMemberChanged;
import dev.gmbot.port.in.ButtonPressed;
import dev.gmbot.port.in.ChannelMemberChanged;
import dev.gmbot.port.in.CommandIssued;
import dev.gmbot.port.in.CommandReply;
import dev.gmbot.port.in.DrainEffectsUseCase;
import dev.gmbot.port.in.GroupMemberChanged;
import dev.gmbot.port.in.GroupMigrated;
import dev.gmbot.port.in.GroupStatusQuery;
import dev.gmbot.port.in.HandleEventUseCase;
import dev.gmbot.port.in.HandlingResult;
import dev.gmbot.port.in.InboundEvent;
import dev.gmbot.port.in.JoinRequested;
import dev.gmbot.port.in.MembersJoined;
import dev.gmbot.port.in.MessagePosted;
import dev.gmbot.port.in.ProtectGroupCommand;
import dev.gmbot.port.in.ProtectGroupUseCase;
import dev.gmbot.port.in.ReactivateGroupCommand;
import dev.gmbot.port.in.ReactivateGroupUseCase;
import dev.gmbot.port.in.RetentionCleanupUseCase;
import dev.gmbot.port.in.ShowGroupStatusUseCase;
import dev.gmbot.port.in.SweepMembersUseCase;
import dev.gmbot.port.in.SweepPromptsUseCase;
import dev.gmbot.port.in.TextReceived;
import dev.gmbot.port.in.UnprotectGroupCommand;
import dev.gmbot.port.in.UnprotectGroupUseCase;
import dev.gmbot.port.in.UpdateInProgressException;
import dev.gmbot.port.model.CallbackAnswer;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.out.AdministratorCache;
import dev.gmbot.port.out.AuditTrail;
import dev.gmbot.port.out.BotIdentity;
import dev.gmbot.port.out.ChatDirectory;
import dev.gmbot.port.out.ChatMessaging;
import dev.gmbot.port.out.ChatModeration;
import dev.gmbot.port.out.ConversationRepository;
import dev.gmbot.port.out.DailyStatistics;
import dev.gmbot.port.out.EffectOutbox;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.MemberDeadlines;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.MemberSweeps;
import dev.gmbot.port.out.MembershipCache;
import dev.gmbot.port.out.MembershipLookup;
import dev.gmbot.port.out.NonBlocking;
import dev.gmbot.port.out.OwnerRepository;
import dev.gmbot.port.out.PendingJoinRequests;
import dev.gmbot.port.out.PromptRepository;
import dev.gmbot.port.out.StatsChart;
import dev.gmbot.port.out.TrustList;
import dev.gmbot.port.out.UpdateGate;
import dev.gmbot.port.out.UpdateLog;
import dev.gmbot.port.out.WouldBlockException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * The guard: GMBot's domain behind one entry point. {@link #handle} deduplicates the update (by
 * {@code update_id}, 25 h), decides and executes; {@link #decide} only decides, for embedders with
 * their own transport. Build it with {@link #builder()} (no DI container needed), or with {@link
 * GuardAssembly} as both deployables do.
 *
 * <p>The application calls {@link #sweepPrompts()} periodically (e.g. every 30 s) and {@link
 * #cleanUp()} now and then (e.g. every 10 minutes).
 */
public final class Guard
    implements HandleEventUseCase,
        SweepPromptsUseCase,
        ProtectGroupUseCase,
        UnprotectGroupUseCase,
        ReactivateGroupUseCase,
        ShowGroupStatusUseCase,
        RetentionCleanupUseCase,
        DrainEffectsUseCase,
        SweepMembersUseCase {
  /** How long an update id is remembered: Telegram keeps undelivered updates for 24 h. */
  public static final Duration DEDUPLICATION_TTL = Duration.ofHours(25);

  /**
   * How long an update stays "in progress" without being completed: longer than any handling (the
   * slowest, /unprotect of a large group, lifts at the background rate for a few minutes). If the
   * handler dies, Telegram's redeliveries are answered "later" until the lease expires, then
   * handled: nothing is lost.
   */
  public static final Duration HANDLING_LEASE = Duration.ofMinutes(15);

  private final ProtectionPolicy protection;
  private final CommandPolicy commands;
  private final DecisionExecutor executor;
  private final RetentionCleanup retention;
  private final UpdateAdmission admission;
  private final UpdateLog updateLog;
  private final GuardMetrics metrics;
  private final Clock clock;
  private final PressGate presses = new PressGate();
  private final EffectDrain drain;
  private final PendingJoinRequests joinRequests;
  private final MemberSweeper sweeper;

  private Guard(
      ProtectionPolicy protection,
      CommandPolicy commands,
      DecisionExecutor executor,
      RetentionCleanup retention,
      UpdateAdmission admission,
      UpdateLog updateLog,
      EffectDrain drain,
      MemberSweeper sweeper,
      GuardMetrics metrics,
      Clock clock,
      PendingJoinRequests joinRequests) {
    this.joinRequests = Objects.requireNonNull(joinRequests, "joinRequests");
    this.sweeper = Objects.requireNonNull(sweeper, "sweeper");
    this.drain = Objects.requireNonNull(drain, "drain");
    this.protection = Objects.requireNonNull(protection, "protection");
    this.commands = Objects.requireNonNull(commands, "commands");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.retention = Objects.requireNonNull(retention, "retention");
    this.admission = Objects.requireNonNull(admission, "admission");
    this.updateLog = Objects.requireNonNull(updateLog, "updateLog");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Handles the event once: a duplicate update id is skipped; an update being handled elsewhere is
   * waited for within the {@link ClaimWait} (a duplicate once the other handler completed it) and
   * throws {@link UpdateInProgressException} if it is still held after that (the transport answers
   * non-2xx: Telegram delivers it again later); when handling throws, the claim is released so
   * Telegram's redelivery is processed, and the exception propagates (the transport answers
   * non-2xx).
   */
  @Override
  public HandlingResult handle(InboundEvent event) {
    Instant start = clock.instant();
    UpdateAdmission.Admitted admitted = admission.admit(event, HANDLING_LEASE);
    switch (admitted.claim()) {
      case DONE -> {
        return HandlingResult.duplicateUpdate();
      }
      case IN_PROGRESS -> throw new UpdateInProgressException(event.updateId());
      case CLAIMED -> {}
    }
    try {
      List<String> effects = process(event, admitted.reads());
      if (NonBlocking.tripped()) {
        // A port refused to wait and someone on the way carried on: the decisions are incomplete.
        throw new WouldBlockException("a port during handling");
      }
      updateLog.complete(event.updateId(), DEDUPLICATION_TTL);
      metrics.updateHandled(event.updateType(), Duration.between(start, clock.instant()));
      return HandlingResult.of(effects);
    } catch (RuntimeException e) {
      // Cleaning up may wait, also in a non-blocking attempt: the update is handled again at once.
      NonBlocking.lift();
      // The claim is released even when forgetting what deciding noted fails too: a claim kept
      // would answer every redelivery "in progress" until its lease ran out.
      try {
        abandon(event);
      } catch (RuntimeException abandonFailed) {
        e.addSuppressed(abandonFailed);
      } finally {
        updateLog.release(event.updateId());
      }
      throw e;
    }
  }

  // ---- admin commands as typed use cases: decided and executed like their chat forms ---------

  @Override
  public CommandReply protect(ProtectGroupCommand command) {
    return run(commands.decide(command));
  }

  @Override
  public CommandReply unprotect(UnprotectGroupCommand command) {
    return run(commands.decide(command));
  }

  @Override
  public CommandReply reactivate(ReactivateGroupCommand command) {
    return run(commands.decide(command));
  }

  @Override
  public CommandReply status(GroupStatusQuery query) {
    return run(commands.decide(query));
  }

  /** Executes a command's decisions; the replies it posted are also returned to the caller. */
  private CommandReply run(List<Decision> decisions) {
    List<String> replies =
        decisions.stream()
            .filter(d -> d instanceof Decision.Reply)
            .map(d -> ((Decision.Reply) d).message().text())
            .toList();
    return new CommandReply(replies, executor.execute(decisions));
  }

  /**
   * What the guard would do about the event, without doing it and without deduplication. Deciding
   * may read Telegram (membership, rights) and fills the verification caches; every effect is a
   * returned {@link Decision}. This is the one place that routes an event to its policy.
   */
  public List<Decision> decide(InboundEvent event) {
    return switch (event) {
      case CommandIssued e -> commands.decide(e);
      case GroupMemberChanged e -> protection.decide(e);
      case MembersJoined e -> protection.decide(e);
      case MessagePosted e -> protection.decide(e);
      case ButtonPressed e when CommandPolicy.isMenuPress(e) -> commands.decide(e);
      case ButtonPressed e -> protection.decide(e);
      case ChannelMemberChanged e -> protection.decide(e);
      case BotMemberChanged e -> protection.decide(e);
      case JoinRequested e -> protection.decide(e);
      case GroupMigrated e -> protection.decide(e);
      case TextReceived e -> commands.decide(e);
    };
  }

  /**
   * Carries out decisions (e.g. from {@link #decide}); returns one line per effect. If it throws
   * and the event will be redelivered, call {@link #abandon} first.
   */
  public List<String> execute(List<Decision> decisions) {
    return executor.execute(decisions);
  }

  /**
   * Forgets what deciding noted about an event whose handling failed (for embedders who call {@link
   * #decide} and {@link #execute} themselves; {@link #handle} does it on its own).
   */
  public void abandon(InboundEvent event) {
    protection.abandon(event);
  }

  /**
   * Deletes expired prompts and shows names whose prompt edit was deferred during a raid (P2
   * calls). Call it periodically, e.g. every 30 seconds.
   */
  public List<String> sweepPrompts() {
    List<String> effects = new java.util.ArrayList<>(executor.sweepPrompts());
    effects.addAll(sweepDeadlines());
    effects.addAll(sweepJoinRequests());
    return effects;
  }

  /**
   * Decides the held join requests that expired (ADR 0023): each claimed by one instance, checked
   * once more, then approved, declined with a word to the requester, or forgotten; reports how many
   * are held. Part of {@link #sweepPrompts()}, so both deployables run it on the prompt sweep's
   * schedule; a failure is an effect line and leaves the requests to a later sweep.
   */
  public List<String> sweepJoinRequests() {
    try {
      List<String> effects = executor.execute(protection.expiredJoinRequests());
      metrics.pendingJoinRequests(joinRequests.count());
      return effects;
    } catch (RuntimeException e) {
      return List.of("join request sweep failed: " + e);
    }
  }

  /**
   * Carries out the stored deadlines that are due (ADR 0017): removals of members still unverified,
   * re-checks and releases of held joiners. Part of {@link #sweepPrompts()}, so both deployables
   * run it on the prompt sweep's schedule; a failure is an effect line and leaves the deadlines to
   * the next sweep.
   */
  public List<String> sweepDeadlines() {
    try {
      return executor.execute(protection.dueDeadlines());
    } catch (RuntimeException e) {
      return List.of("deadline sweep failed: " + e);
    }
  }

  /**
   * Deletes audit entries older than the retention period and expired menu conversations (at most
   * once per {@link RetentionCleanup#MIN_INTERVAL}). Call it periodically, e.g. every 10 minutes.
   */
  @Override
  public List<String> cleanUp() {
    return retention.cleanUp();
  }

  /**
   * Carries out due effects that had to wait (ADR 0014): claims up to {@code max} of them for
   * {@code holder} (an id of this instance or invocation) and runs them without waiting. Call it in
   * a loop (the server's workers) or from a scheduled job (Lambda).
   */
  public EffectDrain.Round drainEffects(String holder, int max) {
    return drain.drainOnce(holder, max);
  }

  /** {@link #drainEffects(String, int)} in rounds until nothing is due or the budget is spent. */
  @Override
  public int drainEffects(String holder, int max, Duration budget) {
    return drain.drainFor(holder, max, budget);
  }

  /**
   * One slice of the background sweeps over members (ADRs 0024, 0025): the reconciliation of
   * members GMBot restricted and, in each group's off-peak hours, the verification of its active
   * members, for at most {@code budget}; each sweep goes on where it stopped. Call it in a loop
   * (the server) or from a scheduled job (Lambda).
   */
  @Override
  public List<String> sweepMembers(String holder, Duration budget) {
    return sweeper.slice(holder, budget);
  }

  private List<String> process(InboundEvent event, Optional<MessageReads> reads) {
    if (event instanceof MessagePosted message && reads.isPresent()) {
      return executor.execute(protection.decide(message, reads.get()), event.updateId());
    }
    if (!(event instanceof ButtonPressed press)) {
      return executor.execute(decide(event), event.updateId());
    }
    ChatId chat = press.chat().map(ChatRef::id).orElse(press.from().id().privateChat());
    if (!presses.tryEnter(chat, press.from().id())) {
      Texts texts = Texts.in(Readers.languageFor(press.from(), Language.DEFAULT));
      return executor.execute(
          List.of(
              new Decision.AnswerCallback(
                  CallbackAnswer.toast(press.callbackQueryId(), texts.stillChecking()))),
          event.updateId());
    }
    try {
      return executor.execute(decide(event), event.updateId());
    } finally {
      presses.leave(chat, press.from().id());
    }
  }

  /** Assembles a guard by hand from implementations of the driven ports. */
  public static final class Builder {
    private MembershipLookup lookup;
    private ChatDirectory directory;
    private ChatModeration moderation;
    private ChatMessaging messaging;
    private BotIdentity identity;
    private GroupRepository groups;
    private OwnerRepository owners;
    private MemberRepository members;
    private PromptRepository prompts;
    private AuditTrail audit;
    private ConversationRepository conversations;
    private Duration auditRetention = RetentionCleanup.DEFAULT_AUDIT_RETENTION;
    private MembershipCache membershipCache;
    private AdministratorCache administratorCache;
    private UpdateLog updateLog;
    private EffectOutbox outbox = EffectOutbox.NONE;
    private UpdateGate updateGate;
    private Clock clock = Clock.systemUTC();
    private BotCallScheduler scheduler = new DirectScheduler();
    private GuardMetrics metrics = GuardMetrics.NONE;
    private RandomGenerator random = new Random();
    private ClaimWait claimWait = ClaimWait.DEFAULTS;
    private VerificationSettings verification = VerificationSettings.DEFAULTS;
    private ProtectionSettings protection = ProtectionSettings.DEFAULTS;
    private DailyStatistics dailyStatistics = DailyStatistics.NONE;
    private StatsChart chart = StatsChart.NONE;
    // ---- enforcement policy (issue 16) ----
    private TrustList trustList = TrustList.NONE;
    private MemberDeadlines deadlines = MemberDeadlines.NONE;
    // ---- the join-request gate (ADR 0023) ----
    private PendingJoinRequests joinRequests = PendingJoinRequests.NONE;
    // ---- background sweeps (issue 16, items 4-6) ----
    private MemberSweeps sweeps = MemberSweeps.NONE;
    private SweepSettings sweepSettings = SweepSettings.DEFAULTS;

    private Builder() {}

    /** One object serving every Telegram port (the Telegram adapter's client, or a fake). */
    public <
            T extends
                MembershipLookup & ChatDirectory & ChatModeration & ChatMessaging & BotIdentity>
        Builder telegram(T telegram) {
      return telegram(telegram, telegram, telegram, telegram, telegram);
    }

    public Builder telegram(
        MembershipLookup lookup,
        ChatDirectory directory,
        ChatModeration moderation,
        ChatMessaging messaging,
        BotIdentity identity) {
      this.lookup = lookup;
      this.directory = directory;
      this.moderation = moderation;
      this.messaging = messaging;
      this.identity = identity;
      return this;
    }

    public Builder repositories(
        GroupRepository groups,
        OwnerRepository owners,
        MemberRepository members,
        PromptRepository prompts,
        AuditTrail audit) {
      this.groups = groups;
      this.owners = owners;
      this.members = members;
      this.prompts = prompts;
      this.audit = audit;
      return this;
    }

    /**
     * Where the settings menu keeps what it waits for (a text to type) and the groups a person
     * opened it from: the database's, so that it survives restarts and is shared by instances.
     */
    public Builder conversations(ConversationRepository conversations) {
      this.conversations = conversations;
      return this;
    }

    /** How long audit entries are kept (1 hour to 3650 days). Default: 30 days. */
    public Builder auditRetention(Duration retention) {
      this.auditRetention = retention;
      return this;
    }

    public Builder cache(MembershipCache membership, AdministratorCache administrators) {
      this.membershipCache = membership;
      this.administratorCache = administrators;
      return this;
    }

    public Builder updateLog(UpdateLog updateLog) {
      this.updateLog = updateLog;
      return this;
    }

    /**
     * Where effects that would wait for Telegram's limits are recorded (ADR 0014). Default: {@link
     * EffectOutbox#NONE}: every effect runs inline and waits for its turn.
     */
    public Builder outbox(EffectOutbox outbox) {
      this.outbox = outbox;
      return this;
    }

    /**
     * The update's claim read together with a message sender's cached answers (one round trip on
     * Redis: {@code StateStores.updateGate()}). Default: the update log and the two caches, one
     * after the other.
     */
    public Builder updateGate(UpdateGate updateGate) {
      this.updateGate = updateGate;
      return this;
    }

    /** Default: the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Default: {@link DirectScheduler} (no meters; fine for tests and tools). */
    public Builder scheduler(BotCallScheduler scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    public Builder metrics(GuardMetrics metrics) {
      this.metrics = metrics;
      return this;
    }

    /** The source of TTL jitter; must be thread-safe. Default: a {@link Random}. */
    public Builder random(RandomGenerator random) {
      this.random = random;
      return this;
    }

    /**
     * How long an update being handled elsewhere is waited for before {@link
     * UpdateInProgressException} (ADR 0095). Default: {@link ClaimWait#DEFAULTS} (2 s).
     */
    public Builder claimWait(ClaimWait claimWait) {
      this.claimWait = Objects.requireNonNull(claimWait, "claimWait");
      return this;
    }

    public Builder verification(VerificationSettings settings) {
      this.verification = settings;
      return this;
    }

    public Builder protection(ProtectionSettings settings) {
      this.protection = settings;
      return this;
    }

    /**
     * Where the per-day counters /stats shows are kept (the database's). Default: {@link
     * DailyStatistics#NONE}: nothing is counted and /stats answers with the audit figures in text.
     */
    public Builder dailyStatistics(DailyStatistics statistics) {
      this.dailyStatistics = statistics;
      return this;
    }

    /**
     * Draws the /stats picture (the Telegram adapter's JFreeChart renderer). Default: {@link
     * StatsChart#NONE}: /stats answers with its figures in text.
     */
    public Builder chart(StatsChart chart) {
      this.chart = chart;
      return this;
    }

    /**
     * Members exempt from the checks (/trust). Default: {@link TrustList#NONE} (nobody trusted;
     * /trust answers that the store refused).
     */
    public Builder trustList(TrustList trustList) {
      this.trustList = Objects.requireNonNull(trustList, "trustList");
      return this;
    }

    /**
     * Stored removals and holds (ADR 0017). Default: {@link MemberDeadlines#NONE} (nobody is
     * removed after a time; a held joiner is freed only by a check).
     */
    public Builder deadlines(MemberDeadlines deadlines) {
      this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
      return this;
    }

    /**
     * Join requests held open until the requester subscribes (ADR 0023). Default: {@link
     * PendingJoinRequests#NONE} (nothing held: a requester who subscribes later is let in by the
     * button only, and no request is declined after a time).
     */
    public Builder joinRequests(PendingJoinRequests joinRequests) {
      this.joinRequests = Objects.requireNonNull(joinRequests, "joinRequests");
      return this;
    }

    /**
     * Where the member sweeps keep their progress, and their tunables (ADRs 0024, 0025). Default:
     * {@link MemberSweeps#NONE} (no sweep runs; /offpeak is not kept).
     */
    public Builder sweeps(MemberSweeps sweeps, SweepSettings settings) {
      this.sweeps = Objects.requireNonNull(sweeps, "sweeps");
      this.sweepSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    public Guard build() {
      for (Object telegramPort :
          new Object[] {lookup, directory, moderation, messaging, identity}) {
        require(telegramPort, "telegram(...)");
      }
      for (Object repository : new Object[] {groups, owners, members, prompts, audit}) {
        require(repository, "repositories(...)");
      }
      require(conversations, "conversations(...)");
      require(auditRetention, "auditRetention(...)");
      require(membershipCache, "cache(...)");
      require(administratorCache, "cache(...)");
      require(updateLog, "updateLog(...)");
      require(outbox, "outbox(...)");
      require(clock, "clock(...)");
      require(scheduler, "scheduler(...)");
      require(metrics, "metrics(...)");
      require(random, "random(...)");
      require(verification, "verification(...)");
      require(protection, "protection(...)");
      require(dailyStatistics, "dailyStatistics(...)");
      require(chart, "chart(...)");
      BotSelf self = new BotSelf(identity, scheduler);
      MembershipVerifier verifier =
          new MembershipVerifier(
              lookup,
              membershipCache,
              scheduler,
              metrics,
              clock,
              random,
              verification,
              dailyStatistics);
      AdministratorDirectory admins =
          new AdministratorDirectory(directory, administratorCache, scheduler, verification);
      ProtectionPolicy policy =
          new ProtectionPolicy(
              groups,
              members,
              owners,
              prompts,
              verifier,
              admins,
              directory,
              scheduler,
              self,
              clock,
              protection,
              trustList,
              deadlines,
              joinRequests);
      CommandPolicy commandPolicy =
          new CommandPolicy(
              groups,
              members,
              owners,
              audit,
              conversations,
              directory,
              lookup,
              scheduler,
              self,
              clock,
              dailyStatistics,
              trustList,
              deadlines,
              verifier::checksFailingSince,
              sweeps);
      DecisionExecutor executor =
          new DecisionExecutor(
              moderation,
              messaging,
              groups,
              owners,
              members,
              prompts,
              audit,
              conversations,
              admins,
              new BrokenGroupPolicy(groups),
              new MigrationPolicy(groups, admins),
              scheduler,
              metrics,
              clock,
              protection,
              dailyStatistics,
              chart,
              outbox,
              trustList,
              deadlines,
              joinRequests,
              sweeps);
      RetentionCleanup retention =
          new RetentionCleanup(audit, conversations, dailyStatistics, clock, auditRetention);
      UpdateGate gate =
          updateGate != null
              ? updateGate
              : UpdateGate.of(updateLog, membershipCache, administratorCache);
      return new Guard(
          policy,
          commandPolicy,
          executor,
          retention,
          new UpdateAdmission(groups, gate, updateLog, claimWait),
          updateLog,
          new EffectDrain(outbox, executor, metrics, clock),
          new MemberSweeper(
              groups,
              sweeps,
              verifier,
              admins,
              trustList,
              self,
              executor::execute,
              metrics,
              clock,
              sweepSettings),
          metrics,
          clock,
          joinRequests);
    }

    private static void require(Object part, String call) {
      if (part == null) {
        throw new IllegalStateException("Guard.builder()." + call + " was not given");
      }
    }
  }
}
