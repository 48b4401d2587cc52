package dev.gmbot.app.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmbot.testkit.simulator.ApiCall;
import dev.gmbot.testkit.simulator.FloodRules;
import dev.gmbot.testkit.simulator.SimUser;
import dev.gmbot.testkit.simulator.TelegramSimulator.WebhookAnswer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The fault suite of docs/reliability.md (ADR 0014): floods and 429 storms against the real server
 * in webhook mode over loopback HTTP, the simulator delivering updates (and re-sending failed
 * deliveries) as Telegram does and answering with its flood model. Each scenario prints its figures
 * on one {@code FAULT |} line — updates lost, duplicate effects, webhook answers slower than 100
 * ms, 5xx answers, the p99 answer — and asserts the targets: nothing lost, nothing done twice, no
 * 5xx, p99 below 100 ms. Figures are counted, not timed against a budget per call.
 */
class OutboxFaultIT extends ServerWorlds {
  private static final Duration SLOW = Duration.ofMillis(100);

  @Override
  ServerUnderTest.Mode mode() {
    return ServerUnderTest.Mode.WEBHOOK;
  }

  @Override
  ServerUnderTest.Backend backend() {
    return ServerUnderTest.Backend.H2_IN_PROCESS;
  }

  /** What the webhook answered during a scenario. */
  private record Answers(int total, long slow, long serverErrors, Duration p99) {
    static Answers of(List<WebhookAnswer> answers) {
      List<Duration> sorted = answers.stream().map(WebhookAnswer::took).sorted().toList();
      Duration p99 =
          sorted.isEmpty()
              ? Duration.ZERO
              : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
      return new Answers(
          answers.size(),
          answers.stream().filter(a -> a.took().compareTo(SLOW) > 0).count(),
          answers.stream().filter(a -> a.status() >= 500 || a.status() == 0).count(),
          p99);
    }
  }

  private List<WebhookAnswer> answersSince(int from) {
    List<WebhookAnswer> all = it.sim.webhookAnswers();
    return new ArrayList<>(all.subList(from, all.size()));
  }

  private static void report(String scenario, long lost, long duplicates, Answers a) {
    System.out.printf(
        "FAULT | %s | updates lost %d | duplicate effects %d | answers >100 ms %d of %d"
            + " | 5xx %d | p99 %d ms%n",
        scenario, lost, duplicates, a.slow(), a.total(), a.serverErrors(), a.p99().toMillis());
  }

  private static void assertTargets(long lost, long duplicates, Answers a) {
    assertThat(lost).as("updates lost").isZero();
    assertThat(duplicates).as("duplicate effects").isZero();
    assertThat(a.serverErrors()).as("5xx answers").isZero();
    assertThat(a.p99()).as("p99 of the webhook answer").isLessThan(SLOW);
  }

  /** Successful calls of a method per user id. */
  private Map<Long, Long> okPerUser(String method) {
    return it.sim.calls().of(method).stream()
        .filter(ApiCall::ok)
        .filter(c -> c.userId().isPresent())
        .collect(Collectors.groupingBy(c -> c.userId().orElseThrow(), Collectors.counting()));
  }

  @Test
  void sixtyStartsAtOnceFromOnePrivateChat() {
    it.sim.flood(FloodRules.telegram());
    try {
      SimUser flooder = it.sim.newUser("Flooder", "flooder");
      long chat = flooder.id();
      int answersBefore = it.sim.webhookAnswers().size();
      Instant start = Instant.now();
      flooder.startsBot();
      for (int i = 1; i < 60; i++) {
        flooder.tellsBot("/start");
      }
      it.awaitUpdatesTaken();
      Answers answers = Answers.of(answersSince(answersBefore));

      Function<Void, Long> replies =
          v ->
              it.sim.calls().inChat("sendMessage", chat).stream()
                  .filter(ApiCall::ok)
                  .filter(c -> c.time().isAfter(start.minusSeconds(1)))
                  .count();
      // The private chat takes one message a second: the replies follow at that pace.
      await()
          .atMost(Duration.ofSeconds(150))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> replies.apply(null) >= 60);
      long sent = replies.apply(null);
      long rejected =
          it.sim.calls().inChat("sendMessage", chat).stream()
              .filter(c -> c.httpStatus() == 429)
              .count();
      report(
          "60 /start at once in one private chat (429s seen: " + rejected + ")",
          Math.max(0, 60 - sent),
          Math.max(0, sent - 60),
          answers);
      assertTargets(Math.max(0, 60 - sent), Math.max(0, sent - 60), answers);
    } finally {
      it.sim.flood(FloodRules.off());
    }
  }

  /** Ten members of the group, subscribed to its channel. */
  private List<SimUser> members(World w, String prefix) {
    List<SimUser> members = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      SimUser m = w.user(prefix + "Member" + i);
      m.subscribes(w.channel);
      m.joins(w.group);
      members.add(m);
    }
    it.awaitUpdatesTaken();
    return members;
  }

  /**
   * Ten unsubscribed users join while the members write: what the webhook answered. Joins arrive
   * together (one delivery per user), so on a small machine their answers reflect the CPU the
   * server, H2 and the simulator share; the same traffic without a storm is the baseline.
   */
  private Answers joinsAndMessages(
      World w, String prefix, List<SimUser> joiners, List<SimUser> members) {
    int answersBefore = it.sim.webhookAnswers().size();
    for (int i = 0; i < 10; i++) {
      SimUser j = w.user(prefix + "Joiner" + i);
      j.joins(w.group);
      joiners.add(j);
      for (SimUser m : members) {
        m.says(w.group, "hello " + i);
      }
    }
    it.awaitUpdatesTaken();
    return Answers.of(answersSince(answersBefore));
  }

  /** No storm: the answer times the same traffic gets on this machine. */
  private Answers baseline() {
    World calm = new World().protect();
    Answers baseline = joinsAndMessages(calm, "Calm", new ArrayList<>(), members(calm, "Calm"));
    report("baseline: the same traffic without a storm", 0, 0, baseline);
    return baseline;
  }

  /**
   * The targets under a storm: nothing lost or done twice, no 5xx, and the storm adds less than 100
   * ms to the p99 answer of the same traffic without it (a wait for the pause would add seconds:
   * retry_after is 5 s).
   */
  private static void assertStormTargets(
      long lost, long duplicates, Answers storm, Answers baseline) {
    assertThat(lost).as("updates lost").isZero();
    assertThat(duplicates).as("duplicate effects").isZero();
    assertThat(storm.serverErrors()).as("5xx answers").isZero();
    assertThat(storm.p99())
        .as("p99 of the webhook answer under the storm, baseline %d ms", baseline.p99().toMillis())
        .isLessThan(baseline.p99().plus(SLOW));
  }

  @Test
  void a429StormOnRestrictChatMemberStallsNoUpdate() {
    Answers baseline = baseline();
    World w = new World().protect();
    List<SimUser> members = members(w, "");

    it.sim.faults().floodUntil("restrictChatMember", Instant.now().plusSeconds(10), 5);
    List<SimUser> joiners = new ArrayList<>();
    Answers answers = joinsAndMessages(w, "", joiners, members);

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                joiners.stream()
                    .allMatch(j -> okPerUser("restrictChatMember").containsKey(j.id())));
    Map<Long, Long> restricted = okPerUser("restrictChatMember");
    long lost = joiners.stream().filter(j -> !restricted.containsKey(j.id())).count();
    long duplicates =
        joiners.stream().mapToLong(j -> Math.max(0, restricted.getOrDefault(j.id(), 0L) - 1)).sum();
    long mutedMembers = members.stream().filter(m -> restricted.containsKey(m.id())).count();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> joiners.stream().allMatch(j -> promptFor(w.group, j).isPresent()));
    report("429 retry_after 5 on restrictChatMember for 10 s", lost, duplicates, answers);
    assertThat(mutedMembers).as("subscribed members muted").isZero();
    assertStormTargets(lost, duplicates, answers, baseline);
    it.sim.faults().clear();
  }

  @Test
  void a429StormOnSendMessageStallsNoUpdate() {
    Answers baseline = baseline();
    World w = new World().protect();
    List<SimUser> members = members(w, "Storm");
    long postsBefore =
        it.sim.calls().inChat("sendMessage", w.group.id()).stream().filter(ApiCall::ok).count();

    it.sim.faults().floodUntil("sendMessage", Instant.now().plusSeconds(10), 5);
    List<SimUser> joiners = new ArrayList<>();
    Answers answers = joinsAndMessages(w, "Storm", joiners, members);

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> joiners.stream().allMatch(j -> promptFor(w.group, j).isPresent()));
    Map<Long, Long> restricted = okPerUser("restrictChatMember");
    long lost = joiners.stream().filter(j -> !restricted.containsKey(j.id())).count();
    long duplicates =
        joiners.stream().mapToLong(j -> Math.max(0, restricted.getOrDefault(j.id(), 0L) - 1)).sum();
    long prompts =
        it.sim.calls().inChat("sendMessage", w.group.id()).stream().filter(ApiCall::ok).count()
            - postsBefore;
    report(
        "429 retry_after 5 on sendMessage for 10 s (" + prompts + " prompt posts)",
        lost,
        duplicates,
        answers);
    assertThat(prompts).as("one standing prompt, posted once").isEqualTo(1);
    assertStormTargets(lost, duplicates, answers, baseline);
    it.sim.faults().clear();
  }
}
