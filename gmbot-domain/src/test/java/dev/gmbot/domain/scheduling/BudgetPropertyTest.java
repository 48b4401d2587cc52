package dev.gmbot.domain.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.out.BotMethod;
import dev.gmbot.port.out.FloodWaitException;
import dev.gmbot.port.out.TransientBotApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Property: over long simulated runs of random traffic (random priorities, kinds, chats, call
 * latencies, injected 429s and timeouts), the scheduler never exceeds a message budget, never
 * issues a call inside a pause of its scope, and eventually runs or fails every accepted call. One
 * seeded run per seed; a failing seed is named in the message and replays exactly.
 */
class BudgetPropertyTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static final List<BotMethod> MESSAGE_METHODS =
      Stream.of(BotMethod.values()).filter(BotMethod::isMessage).toList();
  private static final List<BotMethod> CONTROL_METHODS =
      List.of(
          BotMethod.GET_CHAT_MEMBER,
          BotMethod.RESTRICT_CHAT_MEMBER,
          BotMethod.DELETE_MESSAGE,
          BotMethod.ANSWER_CALLBACK_QUERY);

  private record Completion(Instant at, long order, Ticket ticket, int outcome) {}

  private record Window(Instant from, Instant until) {}

  private int busiestGlobalSecond;
  private int busiestGroupMinute;

  @Test
  void budgetsAndPausesHoldForEverySeed() {
    LongStream.rangeClosed(1, 30).forEach(this::runSeed);

    // The traffic really pushed against the budgets (so the property says something).
    // (Since control 429s pause only their method, ADR 0014, fewer full buckets follow a pause: the
    // busiest second reaches 23 of the 25 allowed rather than all of them.)
    assertThat(busiestGlobalSecond).isBetween(20, 25);
    assertThat(busiestGroupMinute).isEqualTo(20);
  }

  private void runSeed(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LocalRateLimitStore store = new LocalRateLimitStore();
    SchedulerConfig config =
        SchedulerConfig.builder()
            .maxInFlight(8 + random.nextInt(64))
            .reservedForInteractive(2)
            .maxQueued(500 + random.nextInt(3_000))
            .build();
    SchedulerCore core = new SchedulerCore(config, store, new CountingMetrics(), random.split());
    List<ChatId> chats = new ArrayList<>();
    for (int i = 1; i <= 1 + random.nextInt(6); i++) {
      chats.add(ChatId.of(-1_000_000_000_000L - i));
    }
    for (int i = 1; i <= 1 + random.nextInt(40); i++) {
      chats.add(ChatId.of(i));
    }
    long meanGapMicros = 5_000 + random.nextInt(60_000);
    double floodChance = random.nextDouble(0.03);
    Instant end = T0.plus(Duration.ofMinutes(3));

    List<Instant> global = new ArrayList<>();
    List<Instant> background = new ArrayList<>();
    Map<ChatId, List<Instant>> perChat = new HashMap<>();
    Map<String, List<Window>> pauses = new HashMap<>();
    PriorityQueue<Completion> running =
        new PriorityQueue<>(
            (a, b) ->
                a.at().equals(b.at())
                    ? Long.compare(a.order(), b.order())
                    : a.at().compareTo(b.at()));
    long order = 0;
    int accepted = 0;
    int settled = 0;
    Instant now = T0;
    Instant nextArrival = T0;
    Optional<Instant> nextWake = Optional.empty();
    for (int steps = 0; ; steps++) {
      assertThat(steps).as("seed %d makes progress", seed).isLessThan(5_000_000);
      Instant next = nextArrival;
      if (!running.isEmpty() && (next == null || running.peek().at().isBefore(next))) {
        next = running.peek().at();
      }
      if (nextWake.isPresent() && (next == null || nextWake.get().isBefore(next))) {
        next = nextWake.get();
      }
      if (next == null) {
        break;
      }
      now = next.isAfter(now) ? next : now;
      while (!running.isEmpty() && !running.peek().at().isAfter(now)) {
        Completion done = running.poll();
        Ticket t = done.ticket();
        switch (done.outcome()) {
          case 0 -> {
            core.finished(t);
            settled++;
          }
          case 1 -> {
            var flood =
                new FloodWaitException(
                    t.call().method().wireName(),
                    t.chat(),
                    Duration.ofSeconds(1 + random.nextInt(5)));
            if (!core.retry(t, flood, now)) {
              settled++;
            }
            recordPause(store, pauses, SchedulerCore.GLOBAL_SCOPE, now);
            recordPause(store, pauses, SchedulerCore.MESSAGES_SCOPE, now);
            recordPause(store, pauses, SchedulerCore.methodScope(t.call()), now);
            recordPause(store, pauses, SchedulerCore.chatScope(t.chat().orElseThrow()), now);
          }
          default -> {
            var timeout =
                new TransientBotApiException(
                    t.call().method().wireName(), "timeout", OptionalInt.empty(), null);
            if (!core.retry(t, timeout, now)) {
              settled++;
            }
          }
        }
      }
      if (nextArrival != null && !nextArrival.isAfter(now)) {
        ChatId chat = chats.get(random.nextInt(chats.size()));
        boolean message = random.nextInt(10) < 6;
        BotMethod method =
            message
                ? MESSAGE_METHODS.get(random.nextInt(MESSAGE_METHODS.size()))
                : CONTROL_METHODS.get(random.nextInt(CONTROL_METHODS.size()));
        Priority priority = Priority.values()[random.nextInt(3)];
        Ticket t = new Ticket(BotCall.to(chat, method, priority), Thread.currentThread());
        List<Ticket> shed = core.offer(t);
        accepted++;
        settled += shed.size();
        long gap = (long) (-Math.log(1 - random.nextDouble()) * meanGapMicros);
        nextArrival = now.plusNanos(gap * 1_000);
        if (nextArrival.isAfter(end)) {
          nextArrival = null;
        }
      }
      SchedulerCore.Poll poll = core.poll(now);
      for (Ticket t : poll.granted()) {
        ChatId chat = t.chat().orElseThrow();
        String classScope =
            t.message ? SchedulerCore.MESSAGES_SCOPE : SchedulerCore.methodScope(t.call());
        for (String scope :
            List.of(SchedulerCore.GLOBAL_SCOPE, SchedulerCore.chatScope(chat), classScope)) {
          for (Window w : pauses.getOrDefault(scope, List.of())) {
            assertThat(now.isBefore(w.from()) || !now.isBefore(w.until()))
                .as(
                    "seed %d: %s to %s issued at %s inside pause %s",
                    seed, t.call().method(), chat, now, w)
                .isTrue();
          }
        }
        if (t.message) {
          global.add(now);
          perChat.computeIfAbsent(chat, c -> new ArrayList<>()).add(now);
        }
        if (t.priority == Priority.P2_BACKGROUND) {
          background.add(now);
        }
        double roll = random.nextDouble();
        int outcome = roll < floodChance ? 1 : roll < floodChance + 0.01 ? 2 : 0;
        running.add(new Completion(now.plusMillis(random.nextInt(400)), order++, t, outcome));
      }
      nextWake = poll.nextWake();
    }

    assertThat(settled).as("seed %d: every accepted call ran or failed", seed).isEqualTo(accepted);
    assertThat(core.queued()).isZero();
    assertThat(core.inFlight()).isZero();
    assertAtMost(global, 25, Duration.ofSeconds(1), "global, seed " + seed);
    assertAtMost(background, 5, Duration.ofSeconds(1), "P2, seed " + seed);
    perChat.forEach(
        (chat, times) -> {
          if (chat.isPrivate()) {
            assertAtMost(
                times, 1, Duration.ofSeconds(1), "private chat " + chat + ", seed " + seed);
          } else {
            assertAtMost(times, 20, Duration.ofMinutes(1), "group " + chat + ", seed " + seed);
          }
        });
    assertThat(global).as("seed %d sent messages", seed).isNotEmpty();
    busiestGlobalSecond = Math.max(busiestGlobalSecond, busiest(global, Duration.ofSeconds(1)));
    perChat.forEach(
        (chat, times) -> {
          if (!chat.isPrivate()) {
            busiestGroupMinute =
                Math.max(busiestGroupMinute, busiest(times, Duration.ofMinutes(1)));
          }
        });
  }

  private static void recordPause(
      LocalRateLimitStore store, Map<String, List<Window>> pauses, String scope, Instant now) {
    store
        .pausedUntil(scope, now)
        .ifPresent(
            until ->
                pauses.computeIfAbsent(scope, s -> new ArrayList<>()).add(new Window(now, until)));
  }

  private static int busiest(List<Instant> times, Duration window) {
    int best = 0;
    int from = 0;
    for (int i = 0; i < times.size(); i++) {
      while (!Duration.between(times.get(from), times.get(i)).minus(window).isNegative()) {
        from++;
      }
      best = Math.max(best, i - from + 1);
    }
    return best;
  }

  /** No half-open window of length {@code window} holds more than {@code max} of {@code times}. */
  private static void assertAtMost(List<Instant> times, int max, Duration window, String what) {
    for (int i = max; i < times.size(); i++) {
      Duration span = Duration.between(times.get(i - max), times.get(i));
      assertThat(span)
          .as("%s: %d calls within %s ending at %s", what, max + 1, span, times.get(i))
          .isGreaterThanOrEqualTo(window);
    }
  }
}
