package dev.gmbot.domain.scheduling;

import dev.gmbot.domain.scheduling.bench.AioRateLimiterRules;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.out.BotMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Deterministic simulated-clock comparison: how many verifications per minute each design lets
 * through when a verification is {@code getChatMember} (channel) + {@code restrictChatMember}
 * (group) + one message to the group, run back to back by many concurrent users, every Bot API call
 * taking a fixed latency. Run {@link #main} to print the table in docs/performance.md.
 */
final class VerificationThroughput {
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static final BotMethod[] STEPS = {
    BotMethod.GET_CHAT_MEMBER, BotMethod.RESTRICT_CHAT_MEMBER, BotMethod.SEND_MESSAGE
  };

  /** A workload: groups, whether they share one linked channel, users, call latency, duration. */
  record Scenario(
      String name,
      int groups,
      boolean sharedChannel,
      int users,
      Duration latency,
      Duration length) {
    ChatId group(int user) {
      return ChatId.of(-1_001_000_000_000L - (user % groups));
    }

    ChatId channel(int user) {
      return ChatId.of(-1_002_000_000_000L - (sharedChannel ? 0 : user % groups));
    }

    ChatId chatFor(int user, int step) {
      return step == 0 ? channel(user) : group(user);
    }
  }

  /** What an admission policy must answer in the simulation. */
  private interface Gate {
    void offer(int user, int step, ChatId chat);

    /** Users whose call may start now. */
    List<Integer> poll(Instant now);

    Optional<Instant> nextWake();

    void finished(int user);
  }

  static double ourVerificationsPerMinute(Scenario scenario) {
    SchedulerCore core =
        new SchedulerCore(
            SchedulerConfig.defaults(),
            new LocalRateLimitStore(),
            new CountingMetrics(),
            new SplittableRandom(1));
    Ticket[] byUser = new Ticket[scenario.users()];
    return simulate(
        scenario,
        new Gate() {
          private Optional<Instant> next = Optional.empty();
          private final Map<Ticket, Integer> users = new IdentityHashMap<>();

          @Override
          public void offer(int user, int step, ChatId chat) {
            Ticket t =
                new Ticket(
                    BotCall.to(chat, STEPS[step], Priority.P1_ENFORCEMENT), Thread.currentThread());
            byUser[user] = t;
            users.put(t, user);
            if (!core.offer(t).isEmpty()) {
              throw new IllegalStateException("shed in simulation");
            }
          }

          @Override
          public List<Integer> poll(Instant now) {
            SchedulerCore.Poll poll = core.poll(now);
            next = poll.nextWake();
            List<Integer> granted = new ArrayList<>();
            for (Ticket t : poll.granted()) {
              granted.add(users.remove(t));
            }
            return granted;
          }

          @Override
          public Optional<Instant> nextWake() {
            return next;
          }

          @Override
          public void finished(int user) {
            core.finished(byUser[user]);
            byUser[user] = null;
          }
        });
  }

  static double aioVerificationsPerMinute(Scenario scenario) {
    AioRateLimiterRules rules = AioRateLimiterRules.ptbDefaults();
    List<int[]> pending = new ArrayList<>();
    return simulate(
        scenario,
        new Gate() {
          private Optional<Instant> next = Optional.empty();

          @Override
          public void offer(int user, int step, ChatId chat) {
            pending.add(new int[] {user, step});
          }

          @Override
          public List<Integer> poll(Instant now) {
            List<Integer> users = new ArrayList<>();
            Instant earliest = null;
            for (Iterator<int[]> it = pending.iterator(); it.hasNext(); ) {
              int[] call = it.next();
              Optional<Instant> retry =
                  rules.tryAcquire(Optional.of(scenario.chatFor(call[0], call[1])), now);
              if (retry.isEmpty()) {
                users.add(call[0]);
                it.remove();
              } else if (earliest == null || retry.get().isBefore(earliest)) {
                earliest = retry.get();
              }
            }
            next = Optional.ofNullable(earliest);
            return users;
          }

          @Override
          public Optional<Instant> nextWake() {
            return next;
          }

          @Override
          public void finished(int user) {}
        });
  }

  private record Done(Instant at, int user) {}

  private static double simulate(Scenario scenario, Gate gate) {
    int[] step = new int[scenario.users()];
    PriorityQueue<Done> running =
        new PriorityQueue<>(
            (a, b) ->
                a.at().equals(b.at())
                    ? Integer.compare(a.user(), b.user())
                    : a.at().compareTo(b.at()));
    for (int u = 0; u < scenario.users(); u++) {
      gate.offer(u, 0, scenario.chatFor(u, 0));
    }
    Instant end = T0.plus(scenario.length());
    Instant now = T0;
    long verified = 0;
    while (now.isBefore(end)) {
      while (!running.isEmpty() && !running.peek().at().isAfter(now)) {
        int u = running.poll().user();
        gate.finished(u);
        step[u] = (step[u] + 1) % STEPS.length;
        if (step[u] == 0) {
          verified++;
        }
        gate.offer(u, step[u], scenario.chatFor(u, step[u]));
      }
      for (int u : gate.poll(now)) {
        running.add(new Done(now.plus(scenario.latency()), u));
      }
      Instant next = running.isEmpty() ? null : running.peek().at();
      Optional<Instant> wake = gate.nextWake();
      if (wake.isPresent() && (next == null || wake.get().isBefore(next))) {
        next = wake.get();
      }
      if (next == null) {
        break;
      }
      now = next;
    }
    return verified / (double) scenario.length().toSeconds() * 60;
  }

  static List<Scenario> scenarios() {
    Duration latency = Duration.ofMillis(50);
    Duration length = Duration.ofMinutes(10);
    return List.of(
        new Scenario("100 groups, own channel each", 100, false, 256, latency, length),
        new Scenario("100 groups, one shared channel", 100, true, 256, latency, length),
        new Scenario("1000 groups, own channel each", 1000, false, 1024, latency, length),
        new Scenario("1 group, 1 channel", 1, false, 64, latency, length));
  }

  public static void main(String[] args) {
    System.out.println(
        "| workload (verification = getChatMember + restrictChatMember + sendMessage, 50 ms per call) | priority scheduler | AIORateLimiter rules |");
    System.out.println("|---|---:|---:|");
    for (Scenario s : scenarios()) {
      System.out.printf(
          "| %s, %d concurrent users | %.0f/min | %.0f/min |%n",
          s.name(), s.users(), ourVerificationsPerMinute(s), aioVerificationsPerMinute(s));
    }
  }
}
