package dev.gmbot.domain.scheduling;

import static dev.gmbot.domain.scheduling.Priority.P1_ENFORCEMENT;
import static dev.gmbot.domain.scheduling.Priority.P2_BACKGROUND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.out.BotMethod;
import dev.gmbot.port.out.FloodWaitException;
import dev.gmbot.port.out.GuardMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/** What the scheduler reports: queue depth per priority, wait until the first grant, 429 pauses. */
class SchedulerMetricsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final ChatId GROUP = ChatId.of(-1001234567890L);

  private static final class Recorded implements GuardMetrics {
    final Map<String, IntSupplier> queues = new ConcurrentHashMap<>();
    final List<String> waits = new CopyOnWriteArrayList<>();
    final List<String> pauses = new CopyOnWriteArrayList<>();
    final List<String> apiCalls = new CopyOnWriteArrayList<>();

    @Override
    public void schedulerQueue(String priority, IntSupplier depth) {
      queues.put(priority, depth);
    }

    @Override
    public void queueWait(String priority, Duration waited) {
      waits.add(priority + " " + waited.toMillis());
    }

    @Override
    public void rateLimitPause(String scope, Duration retryAfter) {
      pauses.add(scope + " " + retryAfter.toSeconds());
    }

    @Override
    public void apiCall(String method) {
      apiCalls.add(method);
    }
  }

  private final Recorded metrics = new Recorded();
  private final SchedulerCore core =
      new SchedulerCore(
          SchedulerConfig.builder().maxInFlight(1).reservedForInteractive(0).build(),
          new LocalRateLimitStore(),
          metrics,
          new SplittableRandom(7));

  private static Ticket ticket(BotMethod method, Priority priority, Instant submitted) {
    Ticket t = new Ticket(BotCall.to(GROUP, method, priority), Thread.currentThread());
    t.submitted = submitted;
    return t;
  }

  @Test
  void theFirstGrantReportsTheWaitSinceSubmissionOnce() {
    Ticket first = ticket(BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT, T0);
    Ticket second = ticket(BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT, T0.plusMillis(10));
    core.offer(first);
    core.offer(second);

    assertThat(core.poll(T0.plusMillis(20)).granted()).containsExactly(first);
    core.retry(
        first,
        new FloodWaitException("restrictChatMember", Optional.of(GROUP), Duration.ofSeconds(3)),
        T0.plusMillis(30));
    Instant later = T0.plusSeconds(10);
    assertThat(core.poll(later).granted()).containsExactly(first); // retried: no second report
    core.finished(first);
    assertThat(core.poll(later).granted()).containsExactly(second);

    assertThat(metrics.waits).containsExactly("p1_enforcement 20", "p1_enforcement 9990");
    assertThat(metrics.pauses).containsExactly("global 3");
    assertThat(metrics.apiCalls).as("Bot API calls are counted by the transport").isEmpty();
  }

  @Test
  void queueDepthIsReadPerPriorityWhenReported() {
    PriorityBotCallScheduler scheduler =
        new PriorityBotCallScheduler(
            SchedulerConfig.defaults(), new LocalRateLimitStore(), metrics, Clock.systemUTC());
    try {
      assertThat(metrics.queues)
          .containsOnlyKeys("p0_interactive", "p1_enforcement", "p2_background");
      assertThat(metrics.queues.get("p2_background").getAsInt()).isZero();
      assertThat(scheduler.queued(P2_BACKGROUND)).isZero();
    } finally {
      scheduler.close();
    }
  }

  @Test
  void coreCountsQueuedCallsPerPriority() {
    core.offer(ticket(BotMethod.RESTRICT_CHAT_MEMBER, P1_ENFORCEMENT, T0));
    core.offer(ticket(BotMethod.DELETE_MESSAGE, P2_BACKGROUND, T0));
    core.offer(ticket(BotMethod.DELETE_MESSAGE, P2_BACKGROUND, T0));

    assertThat(core.queued(P1_ENFORCEMENT)).isEqualTo(1);
    assertThat(core.queued(P2_BACKGROUND)).isEqualTo(2);
    assertThat(core.queued(Priority.P0_INTERACTIVE)).isZero();
  }
}
