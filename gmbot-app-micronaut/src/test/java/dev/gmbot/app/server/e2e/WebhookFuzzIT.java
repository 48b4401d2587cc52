package dev.gmbot.app.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.gmbot.adapter.telegram.webhook.UpdateOutcome;
import dev.gmbot.app.server.e2e.WebhookFuzzBodies.Probe;
import dev.gmbot.testkit.simulator.AdminRights;
import dev.gmbot.testkit.simulator.ApiCall;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimUser;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The webhook fuzzer of the fault suite (docs/reliability.md): {@link WebhookFuzzBodies} generates
 * 100,000 request bodies from one seed (ADR 0096) and a small pool of HTTP clients sends them, in
 * batches of 100, to the real server in webhook mode over loopback: malformed and truncated JSON,
 * random bytes, wrong types, huge numbers, missing and unknown fields, chat ids of the wrong sign,
 * deep nesting, valid-shaped updates with hostile values (negative or zero ids, giant strings,
 * unicode edge cases), wrong or missing secrets, wrong content types and oversized bodies. Figures,
 * asserted: 0 × 5xx, no request with a wrong or missing secret processed (the simulator sees no
 * call about the user they speak for), the server healthy afterwards and still muting a joining
 * non-subscriber, and rejections logged as one line per reason and minute plus a summary, not one
 * line per request. Each figure is printed on a {@code FAULT |} line.
 *
 * <p>The seed is printed first; {@code -Dfuzz.seed=} replays a run, {@code -Dfuzz.count=} sets the
 * number of bodies (default 100,000) and {@code -Dfuzz.first=} the first body's number, so that one
 * failing body, printed with its number, is replayed alone with {@code -Dfuzz.count=1}.
 *
 * <p>The server's body limit is set to 64 KiB here so that oversized bodies stay cheap to send.
 * Hostile connections (a slowly sent request, many held connections) are in {@link
 * HostileConnectionsIT}.
 */
class WebhookFuzzIT {
  private static final int BODY_LIMIT = 64 * 1024;
  private static final long SEED =
      Long.getLong("fuzz.seed", ThreadLocalRandom.current().nextLong());
  private static final long COUNT = Long.getLong("fuzz.count", 100_000L);
  private static final long FIRST = Long.getLong("fuzz.first", 0L);
  private static final int BATCH = 100;
  private static final int CLIENTS = 4;
  private static final Duration SLOW = Duration.ofMillis(100);
  private static final Set<String> REJECTION_LINES =
      Stream.of(
              UpdateOutcome.Kind.UNAUTHORIZED,
              UpdateOutcome.Kind.MALFORMED,
              UpdateOutcome.Kind.TOO_LARGE,
              UpdateOutcome.Kind.WRONG_METHOD)
          .map(k -> "update " + k.label())
          .collect(Collectors.toUnmodifiableSet());

  private static ServerUnderTest it;
  private static SimUser owner;
  private static SimChat channel;
  private static SimChat group;
  private static SimUser mallory;
  private static HttpClient http;
  private static ExecutorService clients;
  private static LineCounter lines;

  private static final Map<String, Map<Integer, LongAdder>> statuses = new ConcurrentHashMap<>();
  private static final LongAdder sent = new LongAdder();
  private static final LongAdder serverErrors = new LongAdder();
  private static final LongAdder connectionErrors = new LongAdder();
  private static final Map<Long, String> transportErrors = new ConcurrentHashMap<>();
  private static final LongAdder slow = new LongAdder();
  private static final List<Long> millis =
      java.util.Collections.synchronizedList(new ArrayList<>());

  /**
   * Counts the server's log lines (every logger, every level it writes), and among them the lines
   * about rejected requests (the handling line of a rejection, or an adapter's own "Rejected a …").
   * Valid-secret updates with hostile values are Telegram's as far as the server can tell: their
   * lines are counted, not limited.
   */
  static final class LineCounter extends AppenderBase<ILoggingEvent> {
    final LongAdder all = new LongAdder();
    final LongAdder rejections = new LongAdder();
    final LongAdder summaries = new LongAdder();

    @Override
    protected void append(ILoggingEvent event) {
      all.increment();
      String message = event.getFormattedMessage();
      if (REJECTION_LINES.contains(message) || message.startsWith("Rejected a")) {
        rejections.increment();
      } else if (message.startsWith("webhook requests rejected")) {
        summaries.increment();
      }
    }
  }

  @BeforeAll
  static void startServer() {
    it =
        ServerUnderTest.start(
            ServerUnderTest.Mode.WEBHOOK,
            ServerUnderTest.Backend.H2_IN_PROCESS,
            Map.of("GMBOT_MAX_BODY_BYTES", Integer.toString(BODY_LIMIT)));
    owner = it.sim.newUser("Owner", "fuzz_owner");
    owner.startsBot();
    channel = it.sim.newChannel("Fuzz News", owner).withUsername("fuzz_news");
    channel.withBotAsAdmin(AdminRights.guard());
    group = it.sim.newSupergroup("Fuzz Group", owner);
    group.withBotAsAdmin(AdminRights.guard());
    it.settle();
    owner.says(group, "/protect @fuzz_news");
    it.settle();
    mallory = it.sim.newUser("Mallory", "mallory");
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    clients = Executors.newFixedThreadPool(CLIENTS);
    lines = new LineCounter();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    lines.setContext(context);
    lines.start();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(lines);
  }

  @AfterAll
  static void stopServer() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (lines != null) {
      root.detachAppender(lines);
    }
    if (clients != null) {
      clients.shutdownNow();
    }
    if (http != null) {
      http.close();
    }
    if (it != null) {
      it.close();
    }
  }

  /**
   * Every generated body sent; then the figures, the server still healthy and still guarding. The
   * first body answered wrongly stops the run with the seed, the body's number and the body.
   */
  @Test
  void noGeneratedBodyGetsA5xxNorIsProcessedWithoutTheSecret() throws Exception {
    String replay = "-Dfuzz.seed=" + SEED + " -Dfuzz.first=" + FIRST + " -Dfuzz.count=" + COUNT;
    System.out.printf(
        "FAULT | webhook fuzzer: seed %d, %d bodies (replay: %s)%n", SEED, COUNT, replay);
    WebhookFuzzBodies bodies = new WebhookFuzzBodies(SEED, BODY_LIMIT, group.id(), mallory.id());
    Instant fuzzStarted = Instant.now();
    for (long from = FIRST; from < FIRST + COUNT; from += BATCH) {
      List<Probe> batch = new ArrayList<>(BATCH);
      for (long i = from; i < Math.min(from + BATCH, FIRST + COUNT); i++) {
        batch.add(bodies.probe(i));
      }
      Wrong wrong = sendAndCheck(batch);
      if (wrong != null) {
        String report =
            String.format(
                "webhook fuzzer, seed %d: answered %d%s where %s was due%n  body %s%n"
                    + "  replay this body alone: -Dfuzz.seed=%d -Dfuzz.first=%d -Dfuzz.count=1",
                SEED,
                wrong.status(),
                wrong.status() == 0 ? " (" + transportErrors.get(wrong.probe().index()) + ")" : "",
                wrong.expected(),
                wrong.probe().describe(),
                SEED,
                wrong.probe().index());
        System.out.println("FAULT | " + report);
        throw new AssertionError(report);
      }
    }
    figuresAfterTheFuzz(fuzzStarted);
  }

  /** A probe answered otherwise than it must be. */
  private record Wrong(Probe probe, int status, String expected) {}

  /** Sends the batch at once over the client pool; the first wrongly answered probe, or null. */
  private static Wrong sendAndCheck(List<Probe> batch) throws Exception {
    List<Future<Integer>> answers = new ArrayList<>();
    for (Probe probe : batch) {
      answers.add(clients.submit(() -> send(probe)));
    }
    for (int i = 0; i < batch.size(); i++) {
      Probe probe = batch.get(i);
      int status = answers.get(i).get();
      String expected;
      if (probe.body().length > BODY_LIMIT) {
        // 413, or the connection closed while the client was still sending
        expected = status == 0 || status == 413 ? null : "413 (or the connection closed)";
      } else if (!probe.authenticated()) {
        expected = status == 401 ? null : "401";
      } else {
        expected = status > 0 && status < 500 ? null : "an answer below 500";
      }
      if (expected != null) {
        return new Wrong(probe, status, expected);
      }
    }
    return null;
  }

  private static int send(Probe probe) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(it.url("/webhook"))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(probe.body()));
    if (probe.contentType() != null) {
      request.header("Content-Type", probe.contentType());
    }
    String secret =
        switch (probe.secret()) {
          case VALID -> ServerUnderTest.SECRET;
          case MISSING -> null;
          case EMPTY -> "";
          case WRONG -> "wrong-secret";
          case PREFIX -> ServerUnderTest.SECRET.substring(0, ServerUnderTest.SECRET.length() - 1);
          case LONGER -> ServerUnderTest.SECRET + "x";
          case UPPER_CASE -> ServerUnderTest.SECRET.toUpperCase(java.util.Locale.ROOT);
          case HUGE -> "s".repeat(4000);
        };
    if (secret != null) {
      request.header("X-Telegram-Bot-Api-Secret-Token", secret);
    }
    long began = System.nanoTime();
    int status = 0;
    // A connection the client pooled may be closed by the server just as a request goes out on
    // it (after a 413, or at the idle timeout): the request is sent once more on a new one, as
    // Telegram would. Such retries are counted; a second failure is the probe's answer (0).
    for (int attempt = 0; attempt < 2 && status == 0; attempt++) {
      try {
        status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException e) {
        connectionErrors.increment();
        transportErrors.put(probe.index(), e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    long took = (System.nanoTime() - began) / 1_000_000;
    sent.increment();
    millis.add(took);
    if (took > SLOW.toMillis()) {
      slow.increment();
    }
    if (status >= 500) {
      serverErrors.increment();
    }
    statuses
        // by the first mutation of a mutated update: its combinations are too many to list
        .computeIfAbsent(probe.kind().split("\\+")[0], k -> new ConcurrentHashMap<>())
        .computeIfAbsent(status, s -> new LongAdder())
        .increment();
    return status;
  }

  /** After the bodies: the figures, then the server still healthy and still guarding. */
  private static void figuresAfterTheFuzz(Instant fuzzStarted) {
    Duration took = Duration.between(fuzzStarted, Instant.now());
    List<Long> sorted = new ArrayList<>(millis);
    sorted.sort(null);
    long p99 = sorted.isEmpty() ? 0 : sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    long forgedEffects =
        it.sim.calls().all().stream().filter(c -> c.userId().orElse(0L) == mallory.id()).count();
    Map<String, Map<Integer, Long>> byKind = new TreeMap<>();
    statuses.forEach(
        (kind, counts) -> {
          Map<Integer, Long> row = new TreeMap<>();
          counts.forEach((status, n) -> row.put(status, n.sum()));
          byKind.put(kind, row);
        });
    long minutes = took.toMinutes() + 1;
    System.out.printf(
        "FAULT | webhook fuzzer: %d generated bodies in %d s | 5xx %d | connections closed under a request, sent again %d"
            + " | forged (wrong or missing secret) requests processed %d | answers >100 ms %d"
            + " | p99 %d ms | log lines %d (rejection lines %d, summaries %d) | seed %d%n",
        sent.sum(),
        took.toSeconds(),
        serverErrors.sum(),
        connectionErrors.sum(),
        forgedEffects,
        slow.sum(),
        p99,
        lines.all.sum(),
        lines.rejections.sum(),
        lines.summaries.sum(),
        SEED);
    System.out.println("FAULT | webhook fuzzer statuses by kind: " + byKind);

    assertThat(serverErrors.sum()).as("5xx answers").isZero();
    assertThat(forgedEffects).as("calls about the forged requests' user").isZero();
    assertThat(p99).as("p99 answer (ms)").isLessThan(1000);
    // One full line per rejection reason and minute window, plus one summary per window.
    assertThat(lines.rejections.sum())
        .as("rejection lines logged one by one")
        .isLessThanOrEqualTo(REJECTION_LINES.size() * (minutes + 1));

    assertThat(it.get("/health").statusCode()).as("/health after the fuzz").isEqualTo(200);
    SimUser joiner = it.sim.newUser("AfterFuzz", "after_fuzz");
    joiner.joins(group);
    it.settle();
    await().atMost(Duration.ofSeconds(20)).until(() -> group.isMuted(joiner));
    assertThat(it.sim.calls().of("restrictChatMember", joiner.id()))
        .as("the joiner after the fuzz, muted once")
        .filteredOn(ApiCall::ok)
        .hasSize(1);
  }
}
