package dev.gmbot.domain.scheduling;

import dev.gmbot.domain.scheduling.CallShedException.Reason;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.out.BotApiException;
import dev.gmbot.port.out.FloodWaitException;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.Meter;
import dev.gmbot.port.out.RateLimitStore;
import dev.gmbot.port.out.TransientBotApiException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The scheduler's decisions as a function of its state and {@code now}, without threads: which
 * queued calls may run now, and if some may not, until when nothing can change. Not thread-safe:
 * {@link PriorityBotCallScheduler} guards it with one lock; tests drive it with a fixed clock.
 *
 * <p>Queues: per priority, one FIFO lane per chat and kind (message or control), so a chat whose
 * message budget is spent blocks neither other chats nor control calls. Lanes that cannot run sleep
 * until the instant the store (or a pause, or a backoff) names; ready lanes are served oldest head
 * first, P0 before P1 before P2, within the in-flight limits.
 */
final class SchedulerCore {
  static final String GLOBAL_SCOPE = "global";

  /** Every message call of the bot: where 429s on several chats at once escalate (ADR 0014). */
  static final String MESSAGES_SCOPE = "messages";

  static final String GLOBAL_METER = "msg:global";
  static final String BACKGROUND_METER = "p2";

  private static final Logger LOG = System.getLogger(PriorityBotCallScheduler.class.getName());
  private static final Priority[] PRIORITIES = Priority.values();

  /** A granted batch and the next instant at which polling again may grant more. */
  record Poll(List<Ticket> granted, Optional<Instant> nextWake) {}

  private final SchedulerConfig config;
  private final RateLimitStore store;
  private final GuardMetrics metrics;
  private final RandomGenerator random;
  private final Meter globalMeter;
  private final Tier[] tiers = new Tier[PRIORITIES.length];
  private final int[] inFlightBy = new int[PRIORITIES.length];
  private final ArrayDeque<RecentFlood> recentFloods = new ArrayDeque<>();
  private int inFlight;
  private int queued;
  private long nextSeq;

  SchedulerCore(
      SchedulerConfig config, RateLimitStore store, GuardMetrics metrics, RandomGenerator random) {
    this.config = config;
    this.store = store;
    this.metrics = metrics;
    this.random = random;
    this.globalMeter = new Meter(GLOBAL_METER, config.globalMessages());
    for (int i = 0; i < tiers.length; i++) {
      tiers[i] = new Tier();
    }
  }

  static String chatScope(ChatId chat) {
    return "chat:" + chat.value();
  }

  /** The scope a 429 on a control call (or a call without a chat) pauses: that method, bot-wide. */
  static String methodScope(BotCall call) {
    return "method:" + call.method().wireName();
  }

  static String chatMeter(ChatId chat) {
    return "msg:chat:" + chat.value();
  }

  /** Queues a new call. Answers the calls shed to make room: the new call itself, or a victim. */
  List<Ticket> offer(Ticket t) {
    t.seq = nextSeq++;
    if (t.priority == Priority.P2_BACKGROUND
        && tier(Priority.P2_BACKGROUND).queued >= config.maxQueuedBackground()) {
      shed(t, Reason.QUEUE_FULL);
      return List.of(t);
    }
    List<Ticket> shed = List.of();
    if (queued >= config.maxQueued()) {
      Ticket victim = null;
      if (t.priority != Priority.P2_BACKGROUND) {
        victim = youngest(Priority.P2_BACKGROUND);
        if (victim == null && t.priority == Priority.P0_INTERACTIVE) {
          victim = youngest(Priority.P1_ENFORCEMENT);
        }
      }
      if (victim == null) {
        shed(t, Reason.QUEUE_FULL);
        return List.of(t);
      }
      remove(victim);
      shed(victim, Reason.DISPLACED);
      shed = List.of(victim);
    }
    enqueue(t, false);
    return shed;
  }

  /** Grants every queued call that may run at {@code now}, highest priority first. */
  Poll poll(Instant now) {
    Optional<Instant> globalPause = store.pausedUntil(GLOBAL_SCOPE, now);
    if (globalPause.isPresent()) {
      return new Poll(List.of(), globalPause);
    }
    List<Ticket> granted = new ArrayList<>();
    Instant nextWake = null;
    for (Priority priority : PRIORITIES) {
      Tier tier = tier(priority);
      tier.wakeDue(now);
      Long cursor = null;
      while (true) {
        Map.Entry<Long, Lane> entry =
            cursor == null ? tier.ready.firstEntry() : tier.ready.higherEntry(cursor);
        if (entry == null || !slotFree(priority)) {
          break;
        }
        cursor = entry.getKey();
        Lane lane = entry.getValue();
        Ticket head = lane.tickets.peekFirst();
        Instant blockedUntil = admission(head, now);
        if (blockedUntil != null) {
          tier.sleep(lane, blockedUntil.isAfter(now) ? blockedUntil : now.plusNanos(1));
          continue;
        }
        lane.tickets.pollFirst();
        tier.queued--;
        queued--;
        Long newKey = tier.rekey(lane);
        if (newKey != null && newKey < cursor) {
          cursor = newKey - 1;
        }
        head.state = Ticket.State.GRANTED;
        inFlight++;
        inFlightBy[priority.ordinal()]++;
        if (!head.waitReported) {
          head.waitReported = true;
          metrics.queueWait(priorityLabel(priority), Duration.between(head.submitted, now));
        }
        granted.add(head);
      }
      Instant tierWake = tier.nextWake();
      if (tierWake != null && (nextWake == null || tierWake.isBefore(nextWake))) {
        nextWake = tierWake;
      }
    }
    return new Poll(granted, Optional.ofNullable(nextWake));
  }

  /** The call ran (successfully, or with a failure that is not retried): frees its slot. */
  void finished(Ticket t) {
    inFlight--;
    inFlightBy[t.priority.ordinal()]--;
  }

  /**
   * The call failed with {@code failure} at {@code now}. Frees its slot, pauses the scope of a 429,
   * and queues the call again when it has retries left.
   *
   * @return true when the call was queued again
   */
  boolean retry(Ticket t, BotApiException failure, Instant now) {
    finished(t);
    t.failures.add(failure);
    switch (failure) {
      case FloodWaitException flood -> {
        Instant until = pause(t, flood, now);
        if (t.floodRetries >= config.maxFloodRetries()) {
          LOG.log(
              Level.WARNING,
              "{0} got 429 (retry after {1} s) {2} times; giving up",
              t.call().method(),
              flood.retryAfter().toSeconds(),
              t.floodRetries + 1);
          return false;
        }
        t.floodRetries++;
        t.notBefore = until;
      }
      case TransientBotApiException transientFailure -> {
        if (t.transientRetries >= config.maxTransientRetries()) {
          return false;
        }
        t.transientRetries++;
        Duration backoff = config.transientBackoff().multipliedBy(1L << (t.transientRetries - 1));
        if (backoff.compareTo(config.maxTransientBackoff()) > 0) {
          backoff = config.maxTransientBackoff();
        }
        long jitterNanos = config.transientBackoff().toNanos() / 4;
        if (jitterNanos > 0) {
          backoff = backoff.plusNanos(random.nextLong(jitterNanos));
        }
        t.notBefore = now.plus(backoff);
      }
      default -> {
        return false;
      }
    }
    requeue(t);
    return true;
  }

  /**
   * A call made not to wait failed at {@code now} with a retryable failure: frees its slot, pauses
   * the scope of a 429 and answers when the call may be tried again (ADR 0014).
   */
  Instant deferAfter(Ticket t, BotApiException failure, Instant now) {
    finished(t);
    if (failure instanceof FloodWaitException flood) {
      return pause(t, flood, now);
    }
    return now.plus(config.transientBackoff());
  }

  /** Pauses the scope a 429 concerns for its {@code retry_after} plus jitter; answers the end. */
  private Instant pause(Ticket t, FloodWaitException flood, Instant now) {
    String scope = floodScope(t, now);
    Instant until = now.plus(flood.retryAfter()).plus(jitter());
    store.pause(scope, until);
    // Metric labels as before ADR 0014: "global" is any bot-wide scope (messages, a method).
    String kind = scope.startsWith("chat:") ? "chat" : "global";
    metrics.rateLimitDelay("pause:" + kind);
    metrics.rateLimitPause(kind, flood.retryAfter());
    LOG.log(
        Level.INFO,
        "{0} got 429 (retry after {1} s); scope {2} paused until {3}",
        t.call().method(),
        flood.retryAfter().toSeconds(),
        scope,
        until);
    return until;
  }

  /**
   * When a queued call would wait for something other than a free slot (a meter, a pause, a
   * backoff): the instant its lane sleeps until; empty when it only waits for a slot.
   */
  Optional<Instant> waitsUntil(Ticket t, Instant now) {
    Optional<Instant> globalPause = store.pausedUntil(GLOBAL_SCOPE, now);
    if (globalPause.isPresent()) {
      return globalPause;
    }
    Lane lane = tier(t.priority).lanes.get(t.lane);
    return lane == null ? Optional.empty() : Optional.ofNullable(lane.wakeAt);
  }

  /** Takes a queued call out without shedding it (its caller defers it). */
  boolean withdraw(Ticket t) {
    return t.state == Ticket.State.QUEUED && remove(t);
  }

  /** Queues a call again at the front of its (possibly new) lane; no capacity check. */
  void requeue(Ticket t) {
    t.state = Ticket.State.QUEUED;
    enqueue(t, true);
  }

  /** Takes a still queued call out (its caller gave up waiting). */
  boolean cancel(Ticket t, Reason reason) {
    if (t.state != Ticket.State.QUEUED || !remove(t)) {
      return false;
    }
    shed(t, reason);
    return true;
  }

  /** Sheds every queued call (the scheduler closes). */
  List<Ticket> drain() {
    List<Ticket> all = new ArrayList<>();
    for (Tier tier : tiers) {
      for (Lane lane : tier.lanes.values()) {
        all.addAll(lane.tickets);
      }
    }
    for (Ticket t : all) {
      remove(t);
      shed(t, Reason.SHUTDOWN);
    }
    return all;
  }

  int queued() {
    return queued;
  }

  /** Calls queued at one priority. */
  int queued(Priority priority) {
    return tier(priority).queued;
  }

  /** The priority as a metric label: {@code p0_interactive}, {@code p1_enforcement}, … */
  static String priorityLabel(Priority priority) {
    return priority.name().toLowerCase(Locale.ROOT);
  }

  int inFlight() {
    return inFlight;
  }

  private Tier tier(Priority priority) {
    return tiers[priority.ordinal()];
  }

  private boolean slotFree(Priority priority) {
    int sharedLimit = config.maxInFlight() - config.reservedForInteractive();
    return switch (priority) {
      case P0_INTERACTIVE -> inFlight < config.maxInFlight();
      case P1_ENFORCEMENT -> inFlight < sharedLimit;
      case P2_BACKGROUND ->
          inFlight < sharedLimit
              && inFlightBy[Priority.P2_BACKGROUND.ordinal()] < config.maxBackgroundInFlight();
    };
  }

  /** Null when the call may run now, otherwise the instant worth trying again. */
  private Instant admission(Ticket t, Instant now) {
    if (t.notBefore.isAfter(now)) {
      return t.notBefore;
    }
    Optional<ChatId> chat = t.chat();
    if (chat.isPresent()) {
      Optional<Instant> paused = store.pausedUntil(chatScope(chat.get()), now);
      if (paused.isPresent()) {
        delayed(t, "pause:chat");
        return paused.get();
      }
    }
    String classScope = t.message ? MESSAGES_SCOPE : methodScope(t.call());
    Optional<Instant> classPause = store.pausedUntil(classScope, now);
    if (classPause.isPresent()) {
      delayed(t, "pause:global");
      return classPause.get();
    }
    List<Meter> meters = metersFor(t);
    if (!meters.isEmpty()) {
      var acquisition = store.tryAcquire(meters, now);
      if (!acquisition.granted()) {
        delayed(t, "meter");
        return acquisition.retryAt();
      }
    }
    return null;
  }

  List<Meter> metersFor(Ticket t) {
    List<Meter> meters = new ArrayList<>(3);
    if (t.message) {
      meters.add(globalMeter);
      t.chat()
          .ifPresent(
              chat ->
                  meters.add(
                      new Meter(
                          chatMeter(chat),
                          chat.isPrivate() ? config.privateMessages() : config.groupMessages())));
    }
    if (t.priority == Priority.P2_BACKGROUND) {
      meters.add(new Meter(BACKGROUND_METER, config.background()));
    }
    return meters;
  }

  private void delayed(Ticket t, String scope) {
    if (!t.delayed) {
      t.delayed = true;
      metrics.rateLimitDelay(scope);
    }
  }

  /**
   * The scope a 429 concerns (ADR 0011): the whole bot for a call without a chat or a control call;
   * otherwise the chat, unless enough distinct chats saw a 429 lately to point at the bot's overall
   * limit.
   */
  private String floodScope(Ticket t, Instant now) {
    Optional<ChatId> chat = t.chat();
    if (!t.message || chat.isEmpty()) {
      return methodScope(t.call());
    }
    Instant horizon = now.minus(config.globalEscalationWindow());
    while (!recentFloods.isEmpty() && recentFloods.peekFirst().at().isBefore(horizon)) {
      recentFloods.pollFirst();
    }
    recentFloods.addLast(new RecentFlood(now, chat.get()));
    while (recentFloods.size() > 64) {
      recentFloods.pollFirst();
    }
    Set<ChatId> distinct = new HashSet<>();
    for (RecentFlood flood : recentFloods) {
      distinct.add(flood.chat());
    }
    return distinct.size() >= config.globalEscalationChats()
        ? MESSAGES_SCOPE
        : chatScope(chat.get());
  }

  private Duration jitter() {
    long min = config.floodJitterMin().toNanos();
    long max = config.floodJitterMax().toNanos();
    return Duration.ofNanos(max > min ? random.nextLong(min, max) : min);
  }

  private void enqueue(Ticket t, boolean front) {
    t.lane = laneKey(t);
    Tier tier = tier(t.priority);
    Lane lane = tier.lanes.get(t.lane);
    if (lane == null) {
      lane = new Lane(t.lane);
      tier.lanes.put(t.lane, lane);
    }
    if (front) {
      lane.tickets.addFirst(t);
      tier.makeReady(lane);
    } else {
      lane.tickets.addLast(t);
      if (lane.tickets.size() == 1) {
        tier.makeReady(lane);
      }
    }
    tier.queued++;
    queued++;
  }

  private boolean remove(Ticket t) {
    Tier tier = tier(t.priority);
    Lane lane = tier.lanes.get(t.lane);
    if (lane == null) {
      return false;
    }
    boolean wasHead = lane.tickets.peekFirst() == t;
    if (!lane.tickets.remove(t)) {
      return false;
    }
    tier.queued--;
    queued--;
    if (lane.tickets.isEmpty()) {
      tier.detach(lane);
    } else if (wasHead && lane.readyKey >= 0) {
      tier.rekey(lane);
    }
    return true;
  }

  private Ticket youngest(Priority priority) {
    Ticket youngest = null;
    for (Lane lane : tier(priority).lanes.values()) {
      Ticket tail = lane.tickets.peekLast();
      if (tail != null && (youngest == null || tail.seq > youngest.seq)) {
        youngest = tail;
      }
    }
    return youngest;
  }

  private void shed(Ticket t, Reason reason) {
    t.shed = new CallShedException(t.call().method(), t.priority, reason);
    t.state = Ticket.State.SHED;
    metrics.callShed(t.priority.name(), reason.name());
    LOG.log(
        reason == Reason.SHUTDOWN ? Level.DEBUG : Level.WARNING,
        "shed {0} call {1}: {2} ({3} queued, {4} in flight)",
        t.priority,
        t.call().method(),
        reason,
        queued,
        inFlight);
  }

  private static String laneKey(Ticket t) {
    String chat = t.chat().map(c -> Long.toString(c.value())).orElse("-");
    return (t.message ? "m:" : "c:") + chat;
  }

  private record RecentFlood(Instant at, ChatId chat) {}

  /** One chat's FIFO of one kind within a priority. */
  private static final class Lane {
    final String key;
    final ArrayDeque<Ticket> tickets = new ArrayDeque<>();
    long readyKey = -1;
    Instant wakeAt;

    Lane(String key) {
      this.key = key;
    }
  }

  /** The lanes of one priority: ready ones by head age, sleeping ones by wake instant. */
  private static final class Tier {
    final Map<String, Lane> lanes = new HashMap<>();
    final TreeMap<Long, Lane> ready = new TreeMap<>();
    final PriorityQueue<Lane> sleeping =
        new PriorityQueue<>(Comparator.comparing((Lane lane) -> lane.wakeAt));
    int queued;

    void makeReady(Lane lane) {
      if (lane.wakeAt != null) {
        sleeping.remove(lane);
        lane.wakeAt = null;
      }
      rekey(lane);
    }

    /** Files a non-sleeping lane under its head's age; answers the new key (null when empty). */
    Long rekey(Lane lane) {
      if (lane.readyKey >= 0) {
        ready.remove(lane.readyKey);
        lane.readyKey = -1;
      }
      Ticket head = lane.tickets.peekFirst();
      if (head == null) {
        lanes.remove(lane.key);
        return null;
      }
      lane.readyKey = head.seq;
      ready.put(head.seq, lane);
      return head.seq;
    }

    void sleep(Lane lane, Instant until) {
      ready.remove(lane.readyKey);
      lane.readyKey = -1;
      lane.wakeAt = until;
      sleeping.add(lane);
    }

    void wakeDue(Instant now) {
      while (!sleeping.isEmpty() && !sleeping.peek().wakeAt.isAfter(now)) {
        Lane lane = sleeping.poll();
        lane.wakeAt = null;
        rekey(lane);
      }
    }

    void detach(Lane lane) {
      if (lane.readyKey >= 0) {
        ready.remove(lane.readyKey);
        lane.readyKey = -1;
      }
      if (lane.wakeAt != null) {
        sleeping.remove(lane);
        lane.wakeAt = null;
      }
      lanes.remove(lane.key);
    }

    Instant nextWake() {
      Lane first = sleeping.peek();
      return first == null ? null : first.wakeAt;
    }
  }
}
