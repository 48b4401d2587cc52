package dev.gmbot.domain.scheduling.bench;

import dev.gmbot.domain.scheduling.BotCall;
import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.domain.scheduling.DirectScheduler;
import dev.gmbot.domain.scheduling.LocalRateLimitStore;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.domain.scheduling.PriorityBotCallScheduler;
import dev.gmbot.domain.scheduling.SchedulerConfig;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.out.BotMethod;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.Rate;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Cost of passing a call through each scheduler, with a no-op "Telegram" (so only the scheduler is
 * measured). Message meters are raised far above any reachable rate so that nothing waits: the
 * numbers are the bookkeeping overhead, not Telegram's limits. Run with 1, 8 and 64 threads by
 * {@link BenchmarkMain}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SchedulerBenchmark {
  private static final Rate UNREACHABLE = new Rate(1_000_000_000, Duration.ofSeconds(1), 1_000);
  private static final int CHATS = 1_000;

  private BotCallScheduler direct;
  private PriorityBotCallScheduler priority;
  private BotCallScheduler aio;

  @Setup(Level.Trial)
  public void setUp() {
    direct = new DirectScheduler();
    SchedulerConfig config =
        SchedulerConfig.builder()
            .globalMessages(UNREACHABLE)
            .groupMessages(UNREACHABLE)
            .privateMessages(UNREACHABLE)
            .maxQueued(100_000)
            .build();
    priority =
        new PriorityBotCallScheduler(
            config, new LocalRateLimitStore(), GuardMetrics.NONE, Clock.systemUTC());
    aio =
        new AioRateLimiterEmulation(
            new AioRateLimiterRules(1e9, Duration.ofSeconds(1), 1e9, Duration.ofSeconds(1)),
            Clock.systemUTC());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    priority.close();
  }

  private static ChatId randomGroup() {
    return ChatId.of(-1_001_000_000_000L - ThreadLocalRandom.current().nextInt(CHATS));
  }

  /** Baseline: the call runs at once on the caller's thread. */
  @Benchmark
  public long directControlCall() {
    return direct.submit(
        BotCall.to(randomGroup(), BotMethod.GET_CHAT_MEMBER, Priority.P1_ENFORCEMENT),
        ChatId::value);
  }

  /** A control call: pause check and in-flight bound, no meter. */
  @Benchmark
  public long priorityControlCall() {
    return priority.submit(
        BotCall.to(randomGroup(), BotMethod.GET_CHAT_MEMBER, Priority.P1_ENFORCEMENT),
        ChatId::value);
  }

  /** A message call: pause check plus the global and per-group GCRA meters. */
  @Benchmark
  public long priorityMessageCall() {
    return priority.submit(
        BotCall.to(randomGroup(), BotMethod.SEND_MESSAGE, Priority.P1_ENFORCEMENT), ChatId::value);
  }

  /** The same message call through the AIORateLimiter rules (overall + per-group bucket). */
  @Benchmark
  public long aioMessageCall() {
    return aio.submit(
        BotCall.to(randomGroup(), BotMethod.SEND_MESSAGE, Priority.P1_ENFORCEMENT), ChatId::value);
  }
}
