package dev.gmbot.domain.scheduling;

import static dev.gmbot.domain.scheduling.Priority.P0_INTERACTIVE;
import static dev.gmbot.domain.scheduling.Priority.P1_ENFORCEMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.out.BotMethod;
import dev.gmbot.port.out.ChatMigratedException;
import dev.gmbot.port.out.FloodWaitException;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.TransientBotApiException;
import dev.gmbot.testkit.fake.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The threaded scheduler with real callers on virtual threads and a fake Telegram (lambdas). Time
 * is a mutable clock that the dispatcher advances instead of sleeping, so pauses of seconds pass at
 * once; assertions are about the clock readings, never about real time.
 */
class PriorityBotCallSchedulerTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final ChatId GROUP = ChatId.of(-1001234567890L);
  private static final ChatId OLD_GROUP = ChatId.of(-4242L);

  private final MutableClock clock = new MutableClock(T0);
  private final LocalRateLimitStore store = new LocalRateLimitStore();
  private final CountingMetrics metrics = new CountingMetrics();
  private final List<PriorityBotCallScheduler> schedulers = new ArrayList<>();

  private PriorityBotCallScheduler scheduler(SchedulerConfig config, Sleeper sleeper) {
    PriorityBotCallScheduler scheduler =
        new PriorityBotCallScheduler(
            config,
            store,
            metrics,
            clock,
            new SplittableRandom(3),
            sleeper,
            Thread.ofVirtual().factory());
    schedulers.add(scheduler);
    return scheduler;
  }

  private PriorityBotCallScheduler scheduler() {
    return scheduler(SchedulerConfig.defaults(), simulatedTime());
  }

  /**
   * Simulated time: instead of sleeping, the dispatcher moves the clock to the next due instant,
   * but only while no granted call still runs (so a call's clock reading is its grant instant).
   */
  private Sleeper simulatedTime() {
    return (wake, timeout, callsInFlight) -> {
      if (callsInFlight > 0) {
        wake.await(1, TimeUnit.MILLISECONDS);
      } else {
        clock.advance(timeout);
      }
    };
  }

  @AfterEach
  void closeSchedulers() {
    schedulers.forEach(PriorityBotCallScheduler::close);
  }

  private static FloodWaitException flood(ChatId chat, int seconds) {
    return new FloodWaitException("sendMessage", Optional.of(chat), Duration.ofSeconds(seconds));
  }

  @Test
  void aCallMadeNotToWaitIsDeferredWhenItsMeterIsSpent() {
    PriorityBotCallScheduler scheduler = scheduler();
    ChatId privateChat = ChatId.of(4242);
    BotCall send = BotCall.to(privateChat, BotMethod.SEND_MESSAGE, P0_INTERACTIVE);
    AtomicInteger sent = new AtomicInteger();
    scheduler.deliverNow(send, chat -> sent.incrementAndGet());

    assertThatThrownBy(() -> scheduler.deliverNow(send, chat -> sent.incrementAndGet()))
        .isInstanceOfSatisfying(
            CallDeferredException.class,
            e -> {
              assertThat(e.retryAt()).isAfter(T0);
              assertThat(e.failure()).isEmpty();
              assertThat(e.uncertain()).isFalse();
            });
    assertThat(sent).hasValue(1);
    assertThat(scheduler.queued()).isZero();
    BotCall restrict = BotCall.to(privateChat, BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT);
    assertThat(scheduler.deliverNow(restrict, chat -> "control calls are not metered").result())
        .isEqualTo("control calls are not metered");
  }

  @Test
  void a429OnACallMadeNotToWaitDefersItAndPausesOnlyItsMethod() {
    PriorityBotCallScheduler scheduler = scheduler();
    BotCall restrict = BotCall.to(GROUP, BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT);
    FloodWaitException flood =
        new FloodWaitException("restrictChatMember", Optional.of(GROUP), Duration.ofSeconds(5));

    assertThatThrownBy(
            () ->
                scheduler.deliverNow(
                    restrict,
                    chat -> {
                      throw flood;
                    }))
        .isInstanceOfSatisfying(
            CallDeferredException.class,
            e -> {
              assertThat(e.failure()).contains(flood);
              assertThat(e.retryAt()).isAfterOrEqualTo(T0.plusSeconds(5));
            });
    assertThatThrownBy(() -> scheduler.deliverNow(restrict, chat -> "must not run"))
        .isInstanceOf(CallDeferredException.class);
    BotCall lookup = BotCall.to(GROUP, BotMethod.GET_CHAT_MEMBER, P1_ENFORCEMENT);
    assertThat(scheduler.deliverNow(lookup, chat -> "reads go on").result())
        .isEqualTo("reads go on");
  }

  @Test
  void aSendThatTimedOutWithoutAnAnswerIsUncertain() {
    PriorityBotCallScheduler scheduler = scheduler();
    BotCall send = BotCall.to(GROUP, BotMethod.SEND_MESSAGE, P1_ENFORCEMENT);
    TransientBotApiException timeout =
        new TransientBotApiException("sendMessage", "timeout", OptionalInt.empty(), null);

    assertThatThrownBy(
            () ->
                scheduler.deliverNow(
                    send,
                    chat -> {
                      throw timeout;
                    }))
        .isInstanceOfSatisfying(
            CallDeferredException.class, e -> assertThat(e.uncertain()).isTrue());
  }

  @Test
  void runsTheCallOnTheCallersThreadAndReturnsItsResult() {
    PriorityBotCallScheduler scheduler = scheduler();
    Thread caller = Thread.currentThread();

    String result =
        scheduler.submit(
            BotCall.to(GROUP, BotMethod.GET_CHAT_MEMBER, P1_ENFORCEMENT),
            chat -> Thread.currentThread() == caller ? "member of " + chat : "other thread");

    assertThat(result).isEqualTo("member of " + GROUP);
    assertThat(metrics.apiCalls).as("the transport counts Bot API calls, once").isEmpty();
    assertThat(metrics.waits).containsExactly("p1_enforcement");
  }

  @Test
  void aCallWithoutChatRunsThroughTheSupplierVariant() {
    PriorityBotCallScheduler scheduler = scheduler();

    assertThat(
            scheduler.submit(
                BotCall.withoutChat(BotMethod.ANSWER_CALLBACK_QUERY, P0_INTERACTIVE), () -> true))
        .isTrue();
    assertThatThrownBy(
            () ->
                scheduler.submit(
                    BotCall.withoutChat(BotMethod.SEND_MESSAGE, P0_INTERACTIVE), chat -> chat))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nothingIsSentToAChatDuringItsRetryAfterWindow() throws Exception {
    PriorityBotCallScheduler scheduler = scheduler();
    List<Instant> attempts = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<String> prompt =
          callers.submit(
              () ->
                  scheduler.submit(
                      BotCall.to(GROUP, BotMethod.SEND_MESSAGE, P1_ENFORCEMENT),
                      chat -> {
                        attempts.add(clock.instant());
                        if (calls.getAndIncrement() == 0) {
                          throw flood(chat, 5);
                        }
                        return "sent";
                      }));
      await().until(() -> metrics.delays.contains("pause:chat"));
      Instant restrictedAt =
          scheduler.submit(
              BotCall.to(GROUP, BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT),
              chat -> clock.instant());

      assertThat(prompt.get()).isEqualTo("sent");
      Instant pauseEnd = attempts.get(0).plusSeconds(5);
      assertThat(attempts).hasSize(2);
      assertThat(attempts.get(1)).isAfterOrEqualTo(pauseEnd.plusMillis(100));
      assertThat(restrictedAt).isAfterOrEqualTo(pauseEnd.plusMillis(100));
    }
  }

  @Test
  void givesUpAfterThreeRetriesWithTheLastFloodWait() {
    PriorityBotCallScheduler scheduler = scheduler();
    List<Instant> attempts = new CopyOnWriteArrayList<>();

    assertThatThrownBy(
            () ->
                scheduler.submit(
                    BotCall.to(GROUP, BotMethod.SEND_MESSAGE, P1_ENFORCEMENT),
                    chat -> {
                      attempts.add(clock.instant());
                      throw flood(chat, 2);
                    }))
        .isInstanceOf(FloodWaitException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(3));
    assertThat(attempts).hasSize(4);
    for (int i = 1; i < attempts.size(); i++) {
      assertThat(Duration.between(attempts.get(i - 1), attempts.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofMillis(2_100));
    }
  }

  @Test
  void retriesATimeoutWithBackoff() {
    PriorityBotCallScheduler scheduler = scheduler();
    List<Instant> attempts = new CopyOnWriteArrayList<>();

    String result =
        scheduler.submit(
            BotCall.to(GROUP, BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT),
            chat -> {
              attempts.add(clock.instant());
              if (attempts.size() == 1) {
                throw new TransientBotApiException(
                    "restrictChatMember", "timeout", OptionalInt.empty(), null);
              }
              return "restricted";
            });

    assertThat(result).isEqualTo("restricted");
    assertThat(Duration.between(attempts.get(0), attempts.get(1)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(500));
  }

  @Test
  void followsAMigratedGroupOnceAndReportsTheMigrationWithoutActingOnIt() {
    PriorityBotCallScheduler scheduler = scheduler();
    List<ChatId> addressed = new CopyOnWriteArrayList<>();

    Delivery<String> delivery =
        scheduler.deliver(
            BotCall.to(OLD_GROUP, BotMethod.SEND_MESSAGE, P1_ENFORCEMENT),
            chat -> {
              addressed.add(chat);
              if (chat.equals(OLD_GROUP)) {
                throw new ChatMigratedException("sendMessage", OLD_GROUP, GROUP);
              }
              return "sent to " + chat;
            });

    assertThat(delivery.result()).isEqualTo("sent to " + GROUP);
    assertThat(addressed).containsExactly(OLD_GROUP, GROUP);
    assertThat(delivery.migration())
        .contains(new GroupMigration(GroupId.of(OLD_GROUP.value()), GroupId.of(GROUP.value())));
    assertThat(metrics.apiCalls).as("the transport counts Bot API calls, once").isEmpty();
    assertThat(metrics.waits).as("the wait is reported at the first grant only").hasSize(1);
  }

  @Test
  void aCallThatFindsNoMigrationReportsNone() {
    PriorityBotCallScheduler scheduler = scheduler();

    Optional<GroupMigration> migration =
        scheduler.run(
            BotCall.to(GROUP, BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT), chat -> {});

    assertThat(migration).isEmpty();
  }

  @Test
  void aSecondMigrationReachesTheCaller() {
    PriorityBotCallScheduler scheduler = scheduler();
    ChatId newer = ChatId.of(-1007777777777L);
    List<ChatId> addressed = new CopyOnWriteArrayList<>();

    assertThatThrownBy(
            () ->
                scheduler.submit(
                    BotCall.to(OLD_GROUP, BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT),
                    chat -> {
                      addressed.add(chat);
                      throw new ChatMigratedException(
                          "restrictChatMember", chat, chat.equals(OLD_GROUP) ? GROUP : newer);
                    }))
        .isInstanceOfSatisfying(
            ChatMigratedException.class, e -> assertThat(e.migrateTo()).isEqualTo(newer));
    assertThat(addressed).containsExactly(OLD_GROUP, GROUP);
  }

  @Test
  void closingShedsQueuedCalls() throws Exception {
    PriorityBotCallScheduler scheduler = scheduler(SchedulerConfig.defaults(), Sleeper.REAL);
    store.pause(SchedulerCore.GLOBAL_SCOPE, T0.plusSeconds(3600));
    CompletableFuture<Object> outcome = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                outcome.complete(
                    scheduler.submit(
                        BotCall.to(GROUP, BotMethod.SEND_MESSAGE, P1_ENFORCEMENT), chat -> "sent"));
              } catch (RuntimeException e) {
                outcome.complete(e);
              }
            });
    await().until(() -> scheduler.queued() == 1);

    scheduler.close();

    assertThat(outcome.get())
        .isInstanceOfSatisfying(
            CallShedException.class,
            e -> assertThat(e.reason()).isEqualTo(CallShedException.Reason.SHUTDOWN));
    assertThat(metrics.shed).containsExactly("P1_ENFORCEMENT:SHUTDOWN");
  }

  @Test
  void concurrentCallersStayWithinTheMessageBudgets() throws Exception {
    PriorityBotCallScheduler scheduler = scheduler();
    List<Instant> groupSends = new CopyOnWriteArrayList<>();
    List<Instant> allSends = new CopyOnWriteArrayList<>();
    List<Future<?>> done = new ArrayList<>();
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 64; i++) {
        ChatId chat = i % 2 == 0 ? GROUP : ChatId.of(100 + i);
        done.add(
            callers.submit(
                () -> {
                  for (int n = 0; n < 3; n++) {
                    scheduler.run(
                        BotCall.to(chat, BotMethod.SEND_MESSAGE, P1_ENFORCEMENT),
                        c -> {
                          Instant now = clock.instant();
                          allSends.add(now);
                          if (c.equals(GROUP)) {
                            groupSends.add(now);
                          }
                        });
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    assertThat(allSends).hasSize(192);
    assertWithin(groupSends, 20, Duration.ofMinutes(1));
    assertWithin(allSends, 25, Duration.ofSeconds(1));
  }

  private static void assertWithin(List<Instant> times, int max, Duration window) {
    List<Instant> sorted = times.stream().sorted().toList();
    for (int i = max; i < sorted.size(); i++) {
      assertThat(Duration.between(sorted.get(i - max), sorted.get(i)))
          .isGreaterThanOrEqualTo(window);
    }
  }

  @Test
  void buildsByHandWithThePublicConstructor() {
    try (PriorityBotCallScheduler scheduler =
        new PriorityBotCallScheduler(
            SchedulerConfig.defaults(),
            new LocalRateLimitStore(),
            GuardMetrics.NONE,
            java.time.Clock.systemUTC())) {
      String sent =
          scheduler.submit(
              BotCall.to(GROUP, BotMethod.SEND_MESSAGE, P0_INTERACTIVE), chat -> "sent");
      assertThat(sent).isEqualTo("sent");
    }
  }

  @Test
  void anInterruptedWaiterIsShedAndKeepsItsInterrupt() throws Exception {
    PriorityBotCallScheduler scheduler = scheduler(SchedulerConfig.defaults(), Sleeper.REAL);
    store.pause(SchedulerCore.GLOBAL_SCOPE, T0.plusSeconds(3600));
    CompletableFuture<Object> outcome = new CompletableFuture<>();
    Thread caller =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    outcome.complete(
                        scheduler.submit(
                            BotCall.to(GROUP, BotMethod.SEND_MESSAGE, P1_ENFORCEMENT),
                            chat -> "sent"));
                  } catch (CallShedException e) {
                    outcome.complete(
                        e.reason() + " interrupted=" + Thread.currentThread().isInterrupted());
                  }
                });
    await().until(() -> scheduler.queued() == 1);

    caller.interrupt();

    assertThat(outcome.get()).isEqualTo("INTERRUPTED interrupted=true");
    assertThat(scheduler.queued()).isZero();
  }

  @Test
  void aMigrationIsNotFollowedForACallWithoutChatArgument() {
    PriorityBotCallScheduler scheduler = scheduler();

    assertThatThrownBy(
            () ->
                scheduler.submit(
                    BotCall.to(OLD_GROUP, BotMethod.SEND_MESSAGE, P0_INTERACTIVE),
                    () -> {
                      throw new ChatMigratedException("sendMessage", OLD_GROUP, GROUP);
                    }))
        .isInstanceOf(ChatMigratedException.class);
    assertThat(metrics.apiCalls).as("the transport counts Bot API calls, once").isEmpty();
    assertThat(metrics.waits).containsExactly("p0_interactive");
  }

  @Test
  void aMigrationToANonGroupIdIsNotFollowed() {
    PriorityBotCallScheduler scheduler = scheduler();
    List<ChatId> addressed = new CopyOnWriteArrayList<>();

    assertThatThrownBy(
            () ->
                scheduler.submit(
                    BotCall.to(OLD_GROUP, BotMethod.SEND_MESSAGE, P1_ENFORCEMENT),
                    chat -> {
                      addressed.add(chat);
                      throw new ChatMigratedException("sendMessage", OLD_GROUP, ChatId.of(42));
                    }))
        .isInstanceOf(ChatMigratedException.class);
    assertThat(addressed).containsExactly(OLD_GROUP);
  }
}
