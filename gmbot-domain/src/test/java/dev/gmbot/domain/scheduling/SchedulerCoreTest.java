package dev.gmbot.domain.scheduling;

import static dev.gmbot.domain.scheduling.Priority.P0_INTERACTIVE;
import static dev.gmbot.domain.scheduling.Priority.P1_ENFORCEMENT;
import static dev.gmbot.domain.scheduling.Priority.P2_BACKGROUND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.out.BotMethod;
import dev.gmbot.port.out.FloodWaitException;
import dev.gmbot.port.out.TransientBotApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The decision logic driven directly with fixed instants: no threads, no real time. */
class SchedulerCoreTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final ChatId GROUP = ChatId.of(-1001234567890L);
  private static final ChatId OTHER_GROUP = ChatId.of(-1009876543210L);
  private static final ChatId CHANNEL = ChatId.of(-1005555555555L);

  private final LocalRateLimitStore store = new LocalRateLimitStore();
  private final CountingMetrics metrics = new CountingMetrics();

  private SchedulerCore core(SchedulerConfig config) {
    return new SchedulerCore(config, store, metrics, new SplittableRandom(7));
  }

  private static Ticket ticket(ChatId chat, BotMethod method, Priority priority) {
    return new Ticket(BotCall.to(chat, method, priority), Thread.currentThread());
  }

  private static List<Ticket> offerAll(SchedulerCore core, List<Ticket> tickets) {
    for (Ticket t : tickets) {
      assertThat(core.offer(t)).isEmpty();
    }
    return tickets;
  }

  @Test
  void controlCallsAreNotDelayedByMessageMeters() {
    SchedulerCore core = core(SchedulerConfig.builder().maxInFlight(500).build());
    List<Ticket> prompts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      prompts.add(ticket(GROUP, BotMethod.SEND_MESSAGE, P1_ENFORCEMENT));
    }
    offerAll(core, prompts);
    SchedulerCore.Poll first = core.poll(T0);
    assertThat(first.granted()).hasSize(1); // the global meter spaces messages 40 ms apart
    List<Ticket> controls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      controls.add(ticket(CHANNEL, BotMethod.GET_CHAT_MEMBER, P1_ENFORCEMENT));
      controls.add(ticket(GROUP, BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT));
    }
    offerAll(core, controls);

    SchedulerCore.Poll poll = core.poll(T0);

    assertThat(poll.granted()).containsExactlyElementsOf(controls);
    assertThat(prompts.subList(1, 5)).allMatch(t -> t.state == Ticket.State.QUEUED);
    assertThat(poll.nextWake()).contains(T0.plusMillis(40));
  }

  @Test
  void controlCallsAreBoundedByTheInFlightLimitOnly() {
    SchedulerCore core =
        core(SchedulerConfig.builder().maxInFlight(10).reservedForInteractive(2).build());
    List<Ticket> controls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      controls.add(ticket(GROUP, BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT));
    }
    offerAll(core, controls);

    assertThat(core.poll(T0).granted()).hasSize(8);
    core.finished(controls.get(0));
    assertThat(core.poll(T0).granted()).containsExactly(controls.get(8));
  }

  @Test
  void interactiveCallsGetTheNextFreeSlotBeforeOlderLowerPriorities() {
    SchedulerCore core =
        core(SchedulerConfig.builder().maxInFlight(4).reservedForInteractive(1).build());
    List<Ticket> running =
        offerAll(
            core,
            List.of(
                ticket(GROUP, BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT),
                ticket(GROUP, BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT),
                ticket(GROUP, BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT)));
    assertThat(core.poll(T0).granted()).containsExactlyElementsOf(running);
    List<Ticket> background = new ArrayList<>();
    List<Ticket> enforcement = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      background.add(ticket(GROUP, BotMethod.DELETE_MESSAGE, P2_BACKGROUND));
      enforcement.add(ticket(OTHER_GROUP, BotMethod.APPROVE_CHAT_JOIN_REQUEST, P1_ENFORCEMENT));
    }
    offerAll(core, background);
    offerAll(core, enforcement);
    Ticket answer1 = ticket(GROUP, BotMethod.ANSWER_CALLBACK_QUERY, P0_INTERACTIVE);
    Ticket answer2 = ticket(GROUP, BotMethod.ANSWER_CALLBACK_QUERY, P0_INTERACTIVE);
    offerAll(core, List.of(answer1, answer2));

    assertThat(core.poll(T0).granted()).containsExactly(answer1); // the reserved slot
    core.finished(running.get(0));
    assertThat(core.poll(T0).granted()).containsExactly(answer2);
    core.finished(running.get(1));
    core.finished(answer1);
    core.finished(answer2);
    assertThat(core.poll(T0).granted()).containsExactly(enforcement.get(0), enforcement.get(1));
  }

  @Test
  void interactiveMessagesTakeTheGlobalBudgetBeforeOlderQueuedMessages() {
    SchedulerCore core = core(SchedulerConfig.builder().maxInFlight(500).build());
    List<Ticket> order = new ArrayList<>();
    List<Ticket> all = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      all.add(ticket(ChatId.of(1000 + i), BotMethod.EDIT_MESSAGE_TEXT, P2_BACKGROUND));
      all.add(ticket(ChatId.of(2000 + i), BotMethod.SEND_MESSAGE, P1_ENFORCEMENT));
    }
    offerAll(core, all);
    Ticket reply = ticket(ChatId.of(42), BotMethod.SEND_MESSAGE, P0_INTERACTIVE);
    offerAll(core, List.of(reply));

    Instant now = T0;
    while (order.size() < all.size() + 1) {
      SchedulerCore.Poll poll = core.poll(now);
      for (Ticket t : poll.granted()) {
        order.add(t);
        core.finished(t);
      }
      now = poll.nextWake().orElse(now);
    }

    assertThat(order.get(0)).isSameAs(reply);
    assertThat(order.subList(1, 11)).allMatch(t -> t.priority == P1_ENFORCEMENT);
    assertThat(order.subList(11, 21)).allMatch(t -> t.priority == P2_BACKGROUND);
  }

  @Test
  void backgroundCallsAreShedFirstThenEnforcementNeverInteractive() {
    SchedulerCore core =
        core(SchedulerConfig.builder().maxQueued(4).maxQueuedBackground(3).build());
    store.pause(SchedulerCore.GLOBAL_SCOPE, T0.plusSeconds(3600)); // nothing runs: queues fill
    Ticket p1a = ticket(GROUP, BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT);
    Ticket p2a = ticket(GROUP, BotMethod.DELETE_MESSAGE, P2_BACKGROUND);
    Ticket p2b = ticket(GROUP, BotMethod.DELETE_MESSAGE, P2_BACKGROUND);
    Ticket p1b = ticket(GROUP, BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT);
    offerAll(core, List.of(p1a, p2a, p2b, p1b));
    assertThat(core.poll(T0).granted()).isEmpty();

    assertThat(core.offer(ticket(GROUP, BotMethod.ANSWER_CALLBACK_QUERY, P0_INTERACTIVE)))
        .containsExactly(p2b);
    assertThat(core.offer(ticket(GROUP, BotMethod.APPROVE_CHAT_JOIN_REQUEST, P1_ENFORCEMENT)))
        .containsExactly(p2a);
    Ticket p1c = ticket(OTHER_GROUP, BotMethod.APPROVE_CHAT_JOIN_REQUEST, P1_ENFORCEMENT);
    Ticket p0 = ticket(GROUP, BotMethod.SEND_MESSAGE, P0_INTERACTIVE);
    assertThat(core.offer(p0)).hasSize(1).allMatch(t -> t.priority == P1_ENFORCEMENT);
    Ticket p1d = ticket(GROUP, BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT);
    assertThat(core.offer(p1d)).containsExactly(p1d);
    Ticket p2c = ticket(GROUP, BotMethod.DELETE_MESSAGE, P2_BACKGROUND);
    assertThat(core.offer(p2c)).containsExactly(p2c);

    assertThat(p2b.shed.reason()).isEqualTo(CallShedException.Reason.DISPLACED);
    assertThat(p1d.shed.reason()).isEqualTo(CallShedException.Reason.QUEUE_FULL);
    assertThat(p0.state).isEqualTo(Ticket.State.QUEUED);
    assertThat(p1c.state).isEqualTo(Ticket.State.QUEUED); // never offered: untouched
    assertThat(metrics.shed)
        .containsExactly(
            "P2_BACKGROUND:DISPLACED",
            "P2_BACKGROUND:DISPLACED",
            "P1_ENFORCEMENT:DISPLACED",
            "P1_ENFORCEMENT:QUEUE_FULL",
            "P2_BACKGROUND:QUEUE_FULL");
    assertThat(core.queued()).isEqualTo(4);
  }

  @Test
  void theBackgroundQueueHasItsOwnBound() {
    SchedulerCore core = core(SchedulerConfig.builder().maxQueuedBackground(2).build());
    store.pause(SchedulerCore.GLOBAL_SCOPE, T0.plusSeconds(60));
    offerAll(
        core,
        List.of(
            ticket(GROUP, BotMethod.DELETE_MESSAGE, P2_BACKGROUND),
            ticket(GROUP, BotMethod.DELETE_MESSAGE, P2_BACKGROUND)));
    Ticket third = ticket(GROUP, BotMethod.DELETE_MESSAGE, P2_BACKGROUND);

    assertThat(core.offer(third)).containsExactly(third);
    assertThat(core.offer(ticket(GROUP, BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT))).isEmpty();
  }

  @Test
  void aChatScoped429PausesEveryCallToThatChatAndNothingElse() {
    SchedulerCore core = core(SchedulerConfig.defaults());
    Ticket prompt = ticket(GROUP, BotMethod.SEND_MESSAGE, P1_ENFORCEMENT);
    offerAll(core, List.of(prompt));
    assertThat(core.poll(T0).granted()).containsExactly(prompt);

    boolean again =
        core.retry(
            prompt,
            new FloodWaitException("sendMessage", Optional.of(GROUP), Duration.ofSeconds(5)),
            T0);

    assertThat(again).isTrue();
    Instant end = store.pausedUntil(SchedulerCore.chatScope(GROUP), T0).orElseThrow();
    assertThat(end).isBetween(T0.plusMillis(5_100), T0.plusMillis(5_350));
    Ticket restrict = ticket(GROUP, BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT);
    Ticket elsewhere = ticket(OTHER_GROUP, BotMethod.SEND_MESSAGE, P1_ENFORCEMENT);
    offerAll(core, List.of(restrict, elsewhere));
    SchedulerCore.Poll during = core.poll(T0.plusSeconds(1));
    assertThat(during.granted()).containsExactly(elsewhere);
    assertThat(core.poll(end.minusNanos(1)).granted()).isEmpty();
    assertThat(core.poll(end).granted()).containsExactlyInAnyOrder(prompt, restrict);
  }

  @Test
  void a429OnAControlCallPausesThatMethodBotWideAndNothingElse() {
    SchedulerCore core = core(SchedulerConfig.defaults());
    Ticket restrict = ticket(GROUP, BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT);
    offerAll(core, List.of(restrict));
    core.poll(T0);

    core.retry(
        restrict,
        new FloodWaitException("restrictChatMember", Optional.of(GROUP), Duration.ofSeconds(2)),
        T0);

    assertThat(store.pausedUntil(SchedulerCore.GLOBAL_SCOPE, T0)).isEmpty();
    Instant end = store.pausedUntil(SchedulerCore.methodScope(restrict.call()), T0).orElseThrow();
    Ticket lookup = ticket(CHANNEL, BotMethod.GET_CHAT_MEMBER, P1_ENFORCEMENT);
    Ticket reply = ticket(ChatId.of(77), BotMethod.SEND_MESSAGE, P0_INTERACTIVE);
    Ticket otherRestrict = ticket(ChatId.of(-5), BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT);
    offerAll(core, List.of(lookup, reply, otherRestrict));
    SchedulerCore.Poll during = core.poll(T0.plusSeconds(1));
    assertThat(during.granted()).containsExactlyInAnyOrder(reply, lookup);
    assertThat(during.nextWake()).contains(end);
    assertThat(core.poll(end).granted()).containsExactlyInAnyOrder(restrict, otherRestrict);
  }

  @Test
  void message429sInSeveralChatsAtOnceEscalateToEveryMessageOfTheBot() {
    SchedulerCore core = core(SchedulerConfig.defaults());
    List<Ticket> sends =
        offerAll(
            core,
            List.of(
                ticket(ChatId.of(-1), BotMethod.SEND_MESSAGE, P1_ENFORCEMENT),
                ticket(ChatId.of(-2), BotMethod.SEND_MESSAGE, P1_ENFORCEMENT),
                ticket(ChatId.of(-3), BotMethod.SEND_MESSAGE, P1_ENFORCEMENT)));
    core.poll(T0);
    for (int i = 0; i < 2; i++) {
      Ticket t = sends.get(i);
      core.retry(
          t,
          new FloodWaitException("sendMessage", t.chat(), Duration.ofSeconds(3)),
          T0.plusMillis(i * 100L));
      assertThat(store.pausedUntil(SchedulerCore.MESSAGES_SCOPE, T0.plusMillis(i * 100L)))
          .isEmpty();
    }
    Ticket third = sends.get(2);
    core.retry(
        third,
        new FloodWaitException("sendMessage", third.chat(), Duration.ofSeconds(3)),
        T0.plusMillis(200));

    assertThat(store.pausedUntil(SchedulerCore.MESSAGES_SCOPE, T0.plusMillis(200))).isPresent();
    assertThat(store.pausedUntil(SchedulerCore.GLOBAL_SCOPE, T0.plusMillis(200))).isEmpty();
    Ticket restrict = ticket(ChatId.of(-9), BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT);
    Ticket send = ticket(ChatId.of(-9), BotMethod.SEND_MESSAGE, P1_ENFORCEMENT);
    offerAll(core, List.of(restrict, send));
    assertThat(core.poll(T0.plusMillis(300)).granted())
        .as("control calls go on; messages wait")
        .containsExactly(restrict);
  }

  @Test
  void givesUpAfterThreeFloodRetries() {
    SchedulerCore core = core(SchedulerConfig.defaults());
    Ticket t = ticket(GROUP, BotMethod.SEND_MESSAGE, P1_ENFORCEMENT);
    offerAll(core, List.of(t));
    Instant now = T0;
    List<Boolean> answers = new ArrayList<>();
    for (int attempt = 0; attempt < 4; attempt++) {
      SchedulerCore.Poll poll = core.poll(now);
      while (poll.granted().isEmpty()) {
        now = poll.nextWake().orElseThrow();
        poll = core.poll(now);
      }
      answers.add(
          core.retry(
              t, new FloodWaitException("sendMessage", t.chat(), Duration.ofSeconds(1)), now));
    }
    assertThat(answers).containsExactly(true, true, true, false);
    assertThat(core.inFlight()).isZero();
    assertThat(core.queued()).isZero();
  }

  @Test
  void transientFailuresAreRetriedWithBackoffThenGivenUp() {
    SchedulerCore core = core(SchedulerConfig.defaults());
    Ticket t = ticket(GROUP, BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT);
    offerAll(core, List.of(t));
    core.poll(T0);
    TransientBotApiException timeout =
        new TransientBotApiException("restrictChatMember", "timeout", OptionalInt.empty(), null);

    assertThat(core.retry(t, timeout, T0)).isTrue();
    assertThat(core.poll(T0.plusMillis(499)).granted()).isEmpty();
    SchedulerCore.Poll later = core.poll(T0.plusMillis(499));
    Instant due = later.nextWake().orElseThrow();
    assertThat(due).isBetween(T0.plusMillis(500), T0.plusMillis(625));
    assertThat(core.poll(due).granted()).containsExactly(t);
    assertThat(core.retry(t, timeout, due)).isTrue();
    Instant due2 = core.poll(due).nextWake().orElseThrow();
    assertThat(Duration.between(due, due2))
        .isBetween(Duration.ofMillis(1000), Duration.ofMillis(1125));
    assertThat(core.poll(due2).granted()).containsExactly(t);
    assertThat(core.retry(t, timeout, due2)).isFalse();
  }

  @Test
  void aCancelledCallLeavesTheQueue() {
    SchedulerCore core = core(SchedulerConfig.defaults());
    store.pause(SchedulerCore.GLOBAL_SCOPE, T0.plusSeconds(60));
    Ticket t = ticket(GROUP, BotMethod.SEND_MESSAGE, P1_ENFORCEMENT);
    offerAll(core, List.of(t));

    assertThat(core.cancel(t, CallShedException.Reason.INTERRUPTED)).isTrue();
    assertThat(core.queued()).isZero();
    assertThat(t.shed.reason()).isEqualTo(CallShedException.Reason.INTERRUPTED);
  }
}
