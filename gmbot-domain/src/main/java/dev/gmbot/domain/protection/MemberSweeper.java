package dev.gmbot.domain.protection;

import dev.gmbot.domain.protection.Decision.Lift;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.domain.verification.AdministratorDirectory;
import dev.gmbot.domain.verification.Freshness;
import dev.gmbot.domain.verification.MembershipVerifier;
import dev.gmbot.domain.verification.Verdict;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupMember;
import dev.gmbot.port.model.MemberSweep;
import dev.gmbot.port.model.OffPeakHours;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.MemberSweeps;
import dev.gmbot.port.out.TrustList;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The background sweeps over a group's members (ADRs 0024, 0025), run in slices:
 *
 * <ul>
 *   <li>{@link MemberSweep.Kind#RECONCILE}: the members GMBot restricted, oldest restriction first,
 *       re-checked without trusting a cached "not subscribed": one who subscribed without the bot
 *       seeing it (a missed {@code chat_member} update) is freed and their prompt cleaned up. A
 *       group's run starts again {@link SweepSettings#interval()} after the last one ended.
 *   <li>{@link MemberSweep.Kind#ACTIVE}: the members seen within {@link
 *       SweepSettings#activeWindow()}, by user id, in the group's off-peak hours only: a cached
 *       answer still valid is used as it is (no call), an expired one is asked again, and a member
 *       who is not subscribed gets the group's action. One run per off-peak window.
 * </ul>
 *
 * Every check is a P2 call: it passes the bot's background meter ({@link
 * SweepSettings#checksPerSecond()}) and the scheduler serves P0 and P1 first, so a sweep never
 * delays interactions or enforcement. A sweep is leased to one holder at a time; its position and
 * counters are stored after every few members, so that a slice ended by its budget, a restart or a
 * lost lease is resumed by the next slice, here or on another instance. A slice returns a progress
 * line ({@link #isProgress}) when a sweep starts, passes each tenth, pauses and ends: the runtimes
 * log those.
 */
public final class MemberSweeper {
  private static final Logger LOG = System.getLogger(MemberSweeper.class.getName());

  /** Groups looked at per slice at most. */
  static final int GROUPS_PER_SLICE = 10_000;

  /** Candidates read from the store at once. */
  static final int PAGE = 100;

  /** How long a claimed sweep is left to its holder past its last save. */
  static final Duration LEASE = Duration.ofMinutes(2);

  private static final DateTimeFormatter HH_MM =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final GroupRepository groups;
  private final MemberSweeps sweeps;
  private final MembershipVerifier verifier;
  private final AdministratorDirectory admins;
  private final TrustList trust;
  private final Enforcement enforcement;
  private final Function<List<Decision>, List<String>> executor;
  private final GuardMetrics metrics;
  private final Clock clock;
  private final SweepSettings settings;

  /**
   * @param executor carries out the decisions about one member (the guard's executor)
   */
  public MemberSweeper(
      GroupRepository groups,
      MemberSweeps sweeps,
      MembershipVerifier verifier,
      AdministratorDirectory admins,
      TrustList trust,
      BotSelf self,
      Function<List<Decision>, List<String>> executor,
      GuardMetrics metrics,
      Clock clock,
      SweepSettings settings) {
    this.groups = Objects.requireNonNull(groups, "groups");
    this.sweeps = Objects.requireNonNull(sweeps, "sweeps");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.admins = Objects.requireNonNull(admins, "admins");
    this.trust = Objects.requireNonNull(trust, "trust");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.enforcement = new Enforcement(clock, Objects.requireNonNull(self, "self"));
  }

  /**
   * One slice: every enabled group's sweeps that are due or running and not held elsewhere, for at
   * most {@code budget}.
   *
   * @return one line per sweep started, resumed, paused or ended, and per effect
   */
  public List<String> slice(String holder, Duration budget) {
    Objects.requireNonNull(holder, "holder");
    Instant end = clock.instant().plus(budget);
    List<String> lines = new ArrayList<>();
    for (GroupId group : sweeps.sweptGroups(GROUPS_PER_SLICE)) {
      for (MemberSweep.Kind kind : MemberSweep.Kind.values()) {
        if (!clock.instant().isBefore(end)) {
          return lines;
        }
        try {
          sweep(group, kind, holder, end, lines);
        } catch (RuntimeException e) {
          lines.add(kind.name().toLowerCase(Locale.ROOT) + " sweep of " + group + " failed: " + e);
          LOG.log(Level.WARNING, "member sweep " + kind + " of " + group + " failed", e);
        }
      }
    }
    return lines;
  }

  private void sweep(
      GroupId group, MemberSweep.Kind kind, String holder, Instant end, List<String> lines) {
    Optional<ProtectedGroup> found = groups.find(group);
    if (found.isEmpty() || !found.get().isActive()) {
      return;
    }
    ProtectedGroup g = found.get();
    Instant now = clock.instant();
    OffPeakHours offPeak = kind == MemberSweep.Kind.ACTIVE ? sweeps.offPeak(group) : null;
    if (offPeak != null && !offPeak.contains(now)) {
      return; // outside the group's off-peak hours: a running one waits for the next window
    }
    MemberSweep stored = sweeps.find(group, kind).orElse(MemberSweep.never(group, kind));
    if (!stored.running()
        && (!due(stored, offPeak, now) || count(g, kind, MemberSweep.Position.START, now) == 0)) {
      return; // not due, or nothing to sweep: no lease taken, no row written
    }
    Optional<MemberSweep> claimed = sweeps.claim(group, kind, holder, now, LEASE);
    if (claimed.isEmpty()) {
      return; // another instance sweeps this group
    }
    MemberSweep sweep = claimed.get();
    try {
      if (!sweep.running()) {
        if (!due(sweep, offPeak, now)) {
          return;
        }
        long total = count(g, kind, MemberSweep.Position.START, now);
        if (total == 0) {
          return; // nothing to sweep: not recorded as a run, so the next member counts at once
        }
        sweep = sweep.started(now, total);
        if (!sweeps.save(sweep, holder, now, LEASE)) {
          return;
        }
        lines.add(describe("started", sweep, now));
      }
      run(g, sweep, offPeak, holder, end, lines);
    } finally {
      sweeps.release(group, kind, holder);
    }
  }

  private boolean due(MemberSweep sweep, OffPeakHours offPeak, Instant now) {
    if (sweep.startedAt().isEmpty()) {
      return true;
    }
    Instant ended = sweep.finishedAt().orElse(Instant.MAX);
    if (sweep.kind() == MemberSweep.Kind.RECONCILE) {
      return !ended.plus(settings.interval()).isAfter(now);
    }
    return ended.isBefore(offPeak.windowStart(now));
  }

  private void run(
      ProtectedGroup g,
      MemberSweep sweep,
      OffPeakHours offPeak,
      String holder,
      Instant end,
      List<String> lines) {
    int lastTenth = sweep.percent() / 10;
    while (true) {
      Instant now = clock.instant();
      if (!now.isBefore(end) || (offPeak != null && !offPeak.contains(now))) {
        lines.add(describe("paused", sweep, now));
        return;
      }
      List<GroupMember> page = candidates(g, sweep, now);
      if (page.isEmpty()) {
        sweep = sweep.finished(now);
        sweeps.save(sweep, holder, now, LEASE);
        metrics.memberSweep(sweep, now);
        lines.add(describe("finished", sweep, now));
        return;
      }
      int step = settings.parallelism();
      for (int from = 0; from < page.size(); from += step) {
        if (!clock.instant().isBefore(end)) {
          break;
        }
        List<GroupMember> batch = page.subList(from, Math.min(page.size(), from + step));
        for (Outcome o : handle(g, sweep.kind(), batch)) {
          lines.addAll(executor.apply(o.decisions()));
          sweep =
              sweep.advanced(position(sweep.kind(), o.member()), true, o.freed(), o.restricted());
        }
        now = clock.instant();
        if (!sweeps.save(sweep, holder, now, LEASE)) {
          lines.add(describe("lost its lease", sweep, now));
          return;
        }
        metrics.memberSweep(sweep, now);
        int tenth = sweep.percent() / 10;
        if (tenth > lastTenth) {
          lastTenth = tenth;
          lines.add(describe("at " + tenth * 10 + " %", sweep, now));
        }
      }
    }
  }

  private List<GroupMember> candidates(ProtectedGroup g, MemberSweep sweep, Instant now) {
    return switch (sweep.kind()) {
      case RECONCILE -> sweeps.restrictedAfter(g.id(), sweep.position(), PAGE);
      case ACTIVE ->
          sweeps.seenSinceAfter(
              g.id(), now.minus(settings.activeWindow()), sweep.position().user(), PAGE);
    };
  }

  private long count(
      ProtectedGroup g, MemberSweep.Kind kind, MemberSweep.Position from, Instant now) {
    return switch (kind) {
      case RECONCILE -> sweeps.countRestrictedAfter(g.id(), from);
      case ACTIVE ->
          sweeps.countSeenSinceAfter(g.id(), now.minus(settings.activeWindow()), from.user());
    };
  }

  private static MemberSweep.Position position(MemberSweep.Kind kind, GroupMember m) {
    return kind == MemberSweep.Kind.RECONCILE
        ? new MemberSweep.Position(m.changedAt(), m.user().value())
        : new MemberSweep.Position(Instant.EPOCH, m.user().value());
  }

  /** What one member's check led to. */
  private record Outcome(
      GroupMember member, List<Decision> decisions, boolean freed, boolean restricted) {}

  /** The members of a batch checked at once (on virtual threads), their outcomes in order. */
  private List<Outcome> handle(ProtectedGroup g, MemberSweep.Kind kind, List<GroupMember> batch) {
    if (batch.size() == 1) {
      return List.of(handle(g, kind, batch.getFirst()));
    }
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (GroupMember m : batch) {
        futures.add(threads.submit(() -> handle(g, kind, m)));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> f : futures) {
        outcomes.add(f.get());
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("member sweep interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }

  private Outcome handle(ProtectedGroup g, MemberSweep.Kind kind, GroupMember m) {
    return kind == MemberSweep.Kind.RECONCILE ? reconcile(g, m) : verifyActive(g, m);
  }

  /** A member GMBot restricted: freed if exempt now or subscribed; otherwise left as they are. */
  private Outcome reconcile(ProtectedGroup g, GroupMember m) {
    if (admins.isAdministrator(g.id(), m.user()) || trust.isTrusted(g.id(), m.user())) {
      return new Outcome(
          m,
          List.of(
              new Lift(g.id(), m.user(), Priority.P2_BACKGROUND, "reconciled: exempt"),
              Enforcement.clearPrompts(g, m.user())),
          true,
          false);
    }
    Verdict verdict =
        verifier.verify(
            g.id(), m.user(), g.channels(), Freshness.SKIP_NEGATIVE_CACHE, Priority.P2_BACKGROUND);
    return switch (verdict) {
      case Verdict.Subscribed s ->
          new Outcome(
              m,
              List.of(
                  new Lift(g.id(), m.user(), Priority.P2_BACKGROUND, "reconciled: subscribed"),
                  Enforcement.clearPrompts(g, m.user())),
              true,
              false);
      case Verdict.NotSubscribed n -> new Outcome(m, List.of(), false, false);
      case Verdict.CannotCheck c -> new Outcome(m, Enforcement.cannotCheck(g, c), false, false);
    };
  }

  /** A member seen lately: checked when their cached answer expired; the action if unsubscribed. */
  private Outcome verifyActive(ProtectedGroup g, GroupMember m) {
    if (m.isRestricted()
        || enforcement.isMe(m.user())
        || trust.isTrusted(g.id(), m.user())
        || admins.isAdministrator(g.id(), m.user())) {
      return new Outcome(m, List.of(), false, false); // the reconciliation's, or exempt
    }
    Verdict verdict =
        verifier.verify(g.id(), m.user(), g.channels(), Freshness.CACHED, Priority.P2_BACKGROUND);
    return switch (verdict) {
      case Verdict.Subscribed s -> new Outcome(m, List.of(), false, false);
      case Verdict.NotSubscribed n -> {
        UserRef user = UserRef.of(m.user().value(), "");
        List<Decision> decisions =
            enforcement.notSubscribed(
                g,
                user,
                "active member check: missing " + n.missingNames(),
                g.settings().promptTopic());
        yield new Outcome(m, decisions, false, true);
      }
      case Verdict.CannotCheck c -> new Outcome(m, Enforcement.cannotCheck(g, c), false, false);
    };
  }

  /** Whether a line of {@link #slice} is a sweep's progress (not an effect's). */
  public static boolean isProgress(String line) {
    return line.startsWith("reconcile sweep of ") || line.startsWith("active sweep of ");
  }

  /** A progress line: checked / freed / restricted / remaining, rate and expected end. */
  static String describe(String what, MemberSweep s, Instant now) {
    return String.format(
        Locale.ROOT,
        "%s sweep of %s %s: %d checked, %d freed, %d restricted, %d remaining, %.1f/s%s",
        s.kind().name().toLowerCase(Locale.ROOT),
        s.group(),
        what,
        s.checked(),
        s.freed(),
        s.restricted(),
        s.remaining(),
        s.rate(now),
        s.expectedEnd(now).map(e -> ", expected end " + HH_MM.format(e)).orElse(""));
  }
}
