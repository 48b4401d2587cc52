package dev.gmbot.app.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.gmbot.adapter.telegram.webhook.UpdateOutcome;
import dev.gmbot.testkit.simulator.AdminRights;
import dev.gmbot.testkit.simulator.ApiCall;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimUser;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.LoggerFactory;

/**
 * The webhook fuzzer of the fault suite (docs/reliability.md): jqwik generates 100,000 request
 * bodies (1,000 tries of a batch of 100) and a small pool of HTTP clients sends each batch to the
 * real server in webhook mode over loopback: malformed and truncated JSON, wrong types, huge
 * numbers, unknown fields, deep nesting, valid-shaped updates with hostile values (negative or zero
 * ids, giant strings, unicode edge cases), wrong or missing secrets, wrong content types and
 * oversized bodies. Figures, asserted: 0 × 5xx, no request with a wrong or missing secret processed
 * (the simulator sees no call about the user they speak for), the server healthy afterwards and
 * still muting a joining non-subscriber, and rejections logged as one line per reason and minute
 * plus a summary, not one line per request. Each figure is printed on a {@code FAULT |} line.
 *
 * <p>The server's body limit is set to 64 KiB here so that oversized bodies stay cheap to send.
 * Hostile connections (a slowly sent request, many held connections) are in {@link
 * HostileConnectionsIT}.
 */
class WebhookFuzzIT {
  private static final int BODY_LIMIT = 64 * 1024;
  private static final int BATCH = Integer.getInteger("gmbot.fuzz.batch", 100);
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
  private static Instant fuzzStarted;

  private static final AtomicLong forgedIds = new AtomicLong(900_000_000_001L);
  private static final Map<String, Map<Integer, LongAdder>> statuses = new ConcurrentHashMap<>();
  private static final LongAdder sent = new LongAdder();
  private static final LongAdder failedBatches = new LongAdder();
  private static final LongAdder serverErrors = new LongAdder();
  private static final LongAdder connectionErrors = new LongAdder();
  private static final LongAdder slow = new LongAdder();
  private static final List<Long> millis =
      java.util.Collections.synchronizedList(new ArrayList<>());

  /** One generated request: what it is, its body, its Content-Type (null: none), its secret. */
  record Probe(String kind, byte[] body, String contentType, Secret secret) {
    boolean authenticated() {
      return secret == Secret.VALID;
    }

    @Override
    public String toString() {
      String text = new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
      return kind + " [" + body.length + " B, " + contentType + ", " + secret + "] " + text;
    }
  }

  enum Secret {
    VALID,
    MISSING,
    EMPTY,
    WRONG,
    PREFIX,
    LONGER,
    UPPER_CASE,
    HUGE
  }

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

  @BeforeContainer
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
    fuzzStarted = Instant.now();
  }

  @AfterContainer
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

  // ------------------------------------------------------------------ the property

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void noGeneratedBodyGetsA5xxNorIsProcessedWithoutTheSecret(@ForAll("batches") List<Probe> batch)
      throws Exception {
    try {
      sendAndCheck(batch);
    } catch (Exception | AssertionError e) {
      failedBatches.increment(); // the figures below would only repeat that a try failed
      throw e;
    }
  }

  private static void sendAndCheck(List<Probe> batch) throws Exception {
    List<Future<Integer>> answers = new ArrayList<>();
    for (Probe probe : batch) {
      answers.add(clients.submit(() -> send(probe)));
    }
    for (int i = 0; i < batch.size(); i++) {
      Probe probe = batch.get(i);
      int status = answers.get(i).get();
      assertThat(status).as("status of %s", probe).isLessThan(500);
      if (probe.body().length > BODY_LIMIT) {
        // 413, or the connection closed while the client was still sending
        assertThat(status).as("status of %s", probe).isIn(0, 413);
      } else {
        assertThat(status).as("status of %s", probe).isNotZero();
        if (!probe.authenticated()) {
          assertThat(status).as("status of %s", probe).isEqualTo(401);
        }
      }
    }
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
    int status;
    try {
      status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      status = 0;
      connectionErrors.increment();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
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
        .computeIfAbsent(probe.kind(), k -> new ConcurrentHashMap<>())
        .computeIfAbsent(status, s -> new LongAdder())
        .increment();
    return status;
  }

  /** After the 100,000 bodies: the figures, then the server still healthy and still guarding. */
  @AfterProperty
  void figuresAfterTheFuzz() {
    if (failedBatches.sum() > 0 || sent.sum() < 1000L * BATCH) {
      // A try failed (or generating one did): jqwik reports it with its shrunk batch, and an
      // assertion failing here would hide that report.
      System.out.printf(
          "FAULT | webhook fuzzer: stopped after %d bodies, %d tries failed%n",
          sent.sum(), failedBatches.sum());
      return;
    }
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
        "FAULT | webhook fuzzer: %d generated bodies in %d s | 5xx %d | connection errors %d"
            + " | forged (wrong or missing secret) requests processed %d | answers >100 ms %d"
            + " | p99 %d ms | log lines %d (rejection lines %d, summaries %d)%n",
        sent.sum(),
        took.toSeconds(),
        serverErrors.sum(),
        connectionErrors.sum(),
        forgedEffects,
        slow.sum(),
        p99,
        lines.all.sum(),
        lines.rejections.sum(),
        lines.summaries.sum());
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

  // ------------------------------------------------------------------ generators

  @Provide
  Arbitrary<List<Probe>> batches() {
    return probes().list().ofSize(BATCH);
  }

  static Arbitrary<Probe> probes() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, malformed()),
        net.jqwik.api.Tuple.of(8, truncated()),
        net.jqwik.api.Tuple.of(10, wrongTypes()),
        net.jqwik.api.Tuple.of(8, hugeNumbers()),
        net.jqwik.api.Tuple.of(8, unknownFields()),
        net.jqwik.api.Tuple.of(6, deepNesting()),
        net.jqwik.api.Tuple.of(20, hostileValues()),
        net.jqwik.api.Tuple.of(14, forged()),
        net.jqwik.api.Tuple.of(8, wrongContentType()),
        net.jqwik.api.Tuple.of(1, oversized()));
  }

  private static Probe valid(String kind, String json) {
    return new Probe(kind, json.getBytes(StandardCharsets.UTF_8), "application/json", Secret.VALID);
  }

  static Arbitrary<Probe> malformed() {
    Arbitrary<Probe> text =
        Arbitraries.strings().all().ofMaxLength(300).map(s -> valid("malformed text", s));
    Arbitrary<Probe> bytes =
        Arbitraries.bytes()
            .array(byte[].class)
            .ofMaxSize(300)
            .map(b -> new Probe("malformed bytes", b, "application/json", Secret.VALID));
    Arbitrary<Probe> almost =
        Arbitraries.of(
                "{",
                "}",
                "[]",
                "null",
                "\"update\"",
                "42",
                "{\"update_id\":}",
                "{\"update_id\":1,}",
                "{'update_id':1}",
                "{\"update_id\":1}}",
                "{\"update_id\":1 \"message\":{}}",
                "{\"update_id\":0x10}",
                "{\"update_id\":NaN}",
                "{\"update_id\":Infinity}",
                "\uFEFF{\"update_id\":1}",
                "{\"update_id\":1}\u0000",
                "{\"update_id\":\"\\ud800\"}",
                "{\"update_id\":1,\"message\":{\"text\":\"\\u12\"}}",
                "")
            .map(s -> valid("malformed literal", s));
    return Arbitraries.oneOf(text, bytes, almost);
  }

  static Arbitrary<Probe> truncated() {
    return Combinators.combine(update(), Arbitraries.doubles().between(0, 1))
        .as(
            (json, cut) ->
                valid(
                    "truncated",
                    json.substring(0, (int) Math.min(json.length() - 1, json.length() * cut))));
  }

  /** A JSON value of any type, as text. */
  static Arbitrary<String> anyValue() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "null",
            "true",
            "false",
            "0",
            "-1",
            "1.5",
            "\"\"",
            "\"x\"",
            "[]",
            "{}",
            "[1,2]",
            "{\"id\":\"1\"}"),
        Arbitraries.strings().ofMaxLength(20).map(WebhookFuzzIT::quote),
        Arbitraries.longs().map(String::valueOf));
  }

  static final List<String> FIELDS =
      List.of(
          "update_id",
          "message",
          "message_id",
          "date",
          "chat",
          "id",
          "type",
          "from",
          "is_bot",
          "first_name",
          "text",
          "new_chat_members",
          "new_chat_member",
          "old_chat_member",
          "status",
          "user",
          "data",
          "callback_query",
          "chat_member",
          "my_chat_member",
          "entities",
          "message_thread_id");

  static Arbitrary<Probe> wrongTypes() {
    return Combinators.combine(update(), Arbitraries.of(FIELDS), anyValue())
        .as(
            (json, field, value) -> {
              String key = "\"" + field + "\":";
              String replaced =
                  json.contains(key + "{") || json.contains(key + "[")
                      // an object or array: the wrong value first, the old one under another key
                      ? json.replaceFirst(
                          java.util.regex.Pattern.quote(key) + "(?=[\\{\\[])",
                          java.util.regex.Matcher.quoteReplacement(key + value + ",\"was\":"))
                      : json.replaceFirst(
                          java.util.regex.Pattern.quote(key) + "(\"[^\"]*\"|-?[0-9]+|true|false)",
                          java.util.regex.Matcher.quoteReplacement(key + value));
              return valid("wrong type", replaced);
            });
  }

  static Arbitrary<Probe> hugeNumbers() {
    Arbitrary<String> number =
        Arbitraries.of(
            "1e400",
            "-1e400",
            "99999999999999999999999999999999",
            "-99999999999999999999999999999999",
            "9223372036854775808",
            "-9223372036854775809",
            "1.0000000000000001",
            "-0",
            "0.0",
            "1E10",
            "4.9e-325",
            "1" + "0".repeat(5000));
    return Combinators.combine(
            update(), Arbitraries.of("update_id", "id", "date", "message_id"), number)
        .as(
            (json, field, n) ->
                valid(
                    "huge number",
                    json.replaceFirst("\"" + field + "\":-?[0-9]+", "\"" + field + "\":" + n)));
  }

  static Arbitrary<Probe> unknownFields() {
    Arbitrary<String> extra =
        Combinators.combine(Arbitraries.strings().ofMinLength(1).ofMaxLength(30), anyValue())
            .as((k, v) -> quote(k) + ":" + v);
    return Combinators.combine(update(), extra.list().ofMinSize(1).ofMaxSize(20))
        .as(
            (json, extras) -> {
              String fields = String.join(",", extras);
              // at the top and inside the first nested object
              String withTop = "{" + fields + "," + json.substring(1);
              return valid(
                  "unknown fields",
                  withTop.replaceFirst(
                      ":\\{", java.util.regex.Matcher.quoteReplacement(":{" + fields + ",")));
            });
  }

  static Arbitrary<Probe> deepNesting() {
    return Combinators.combine(
            Arbitraries.integers().between(10, 20000),
            Arbitraries.of("[", "{\"a\":"),
            Arbitraries.of(true, false),
            Arbitraries.of("update_id", "message", "x"))
        .as(
            (depth, open, closed, field) -> {
              String close = open.equals("[") ? "]" : "}";
              String value = open.repeat(depth) + "1" + (closed ? close.repeat(depth) : "");
              return valid(
                  "deep nesting",
                  "{\"update_id\":123,\"" + field + "\":" + value + (closed ? "}" : ""));
            });
  }

  /** Ids a hostile or broken sender would use; never in the simulator's own ranges. */
  static Arbitrary<Long> hostileId() {
    return Arbitraries.oneOf(
        Arbitraries.of(0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE + 1L),
        Arbitraries.longs().between(-1_000_000_000_000L, 0),
        Arbitraries.longs().between(3_000_000_000L, 1_000_000_000_000_000L));
  }

  /** Texts that trip up decoders and renderers. */
  static Arbitrary<String> hostileText() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "",
            " ",
            "\u0000",
            "\\ud800",
            "\\udc00\\ud800",
            "\u202Eevil\u202C",
            "\u200B\u200D\u2060",
            "\uFEFF",
            "\uFFFF\uFFFE",
            "e\u0301".repeat(2000),
            "👩‍👩‍👧‍👦".repeat(500),
            "/start " + "A".repeat(4000),
            "/protect @" + "x".repeat(300),
            "<b>&amp;</b>\"'\\\\",
            "%s%n%x${jndi:ldap://x}"),
        Arbitraries.strings().all().ofMaxLength(200),
        Arbitraries.integers().between(1000, 60_000).map(n -> "x".repeat(n)));
  }

  /** A valid-shaped update of one of the kinds GMBot reads, with these values. */
  static Arbitrary<String> update() {
    Arbitrary<Long> ids = Arbitraries.longs().between(1_000_000_000L, 2_000_000_000L);
    return Combinators.combine(
            Arbitraries.of(
                "message",
                "edited_message",
                "chat_member",
                "my_chat_member",
                "callback_query",
                "channel_post",
                "message_reaction"),
            ids,
            ids.map(i -> -1_900_000_000_000L - i), // never the simulator's chats (-1001…)
            ids,
            Arbitraries.strings().alpha().ofMaxLength(12))
        .as((type, updateId, chat, user, text) -> shaped(type, updateId, chat, user, quote(text)));
  }

  static String shaped(String type, long updateId, long chat, long user, String text) {
    String chatJson = "{\"id\":" + chat + ",\"type\":\"supergroup\",\"title\":\"t\"}";
    String from = "{\"id\":" + user + ",\"is_bot\":false,\"first_name\":" + text + "}";
    String payload =
        switch (type) {
          case "chat_member", "my_chat_member" ->
              "{\"chat\":"
                  + chatJson
                  + ",\"from\":"
                  + from
                  + ",\"date\":1700000000,\"old_chat_member\":{\"status\":\"left\",\"user\":"
                  + from
                  + "},\"new_chat_member\":{\"status\":\"member\",\"user\":"
                  + from
                  + "}}";
          case "callback_query" ->
              "{\"id\":\"1\",\"from\":"
                  + from
                  + ",\"chat_instance\":\"1\",\"data\":"
                  + text
                  + ",\"message\":{\"message_id\":1,\"date\":1700000000,\"chat\":"
                  + chatJson
                  + "}}";
          default ->
              "{\"message_id\":1,\"date\":1700000000,\"chat\":"
                  + chatJson
                  + ",\"from\":"
                  + from
                  + ",\"text\":"
                  + text
                  + ",\"new_chat_members\":["
                  + from
                  + "]}";
        };
    return "{\"update_id\":" + updateId + ",\"" + type + "\":" + payload + "}";
  }

  static Arbitrary<Probe> hostileValues() {
    return Combinators.combine(
            Arbitraries.of(
                "message", "edited_message", "chat_member", "my_chat_member", "callback_query"),
            hostileId(),
            hostileId(),
            hostileId(),
            hostileText())
        .as(
            (type, updateId, chat, user, text) ->
                valid(
                    "hostile values",
                    shaped(type, updateId, chat, user, "\"" + escape(text) + "\"")));
  }

  /**
   * Valid updates that would make the bot act (Mallory, no subscriber, writes in and joins the
   * protected group, presses a button) with a wrong or missing secret: never processed.
   */
  static Arbitrary<Probe> forged() {
    return Combinators.combine(
            Arbitraries.of("message", "chat_member", "callback_query"),
            Arbitraries.of(
                Secret.MISSING,
                Secret.EMPTY,
                Secret.WRONG,
                Secret.PREFIX,
                Secret.LONGER,
                Secret.UPPER_CASE,
                Secret.HUGE),
            Arbitraries.of("application/json", "text/plain"))
        .as(
            (type, secret, contentType) ->
                new Probe(
                    "forged " + type,
                    shaped(type, forgedIds.getAndIncrement(), group.id(), mallory.id(), "\"spam\"")
                        .getBytes(StandardCharsets.UTF_8),
                    contentType,
                    secret));
  }

  static Arbitrary<Probe> wrongContentType() {
    return Combinators.combine(
            update(),
            Arbitraries.of(
                "text/plain",
                "application/x-www-form-urlencoded",
                "multipart/form-data",
                "multipart/form-data; boundary=xyz",
                "application/xml",
                "application/json; charset=iso-8859-1",
                "application/octet-stream",
                "%%%",
                "*/*"),
            Arbitraries.of(true, false))
        .as(
            (json, type, none) ->
                new Probe(
                    "content type " + (none ? "none" : type),
                    json.getBytes(StandardCharsets.UTF_8),
                    none ? null : type,
                    Secret.VALID));
  }

  static Arbitrary<Probe> oversized() {
    return Combinators.combine(
            Arbitraries.integers().between(BODY_LIMIT + 1, BODY_LIMIT + 32 * 1024),
            Arbitraries.of(Secret.VALID, Secret.WRONG, Secret.MISSING))
        .as(
            (size, secret) -> {
              String head = "{\"update_id\":1,\"pad\":\"";
              String json = head + "x".repeat(size - head.length() - 2) + "\"}";
              return new Probe(
                  "oversized", json.getBytes(StandardCharsets.UTF_8), "application/json", secret);
            });
  }

  static String quote(String s) {
    return "\"" + escape(s) + "\"";
  }

  /** JSON string escaping; a {@code \\uXXXX} already in the text is kept as an escape. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 'u') {
        sb.append(c);
      } else if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c) && !validPair(s, i)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean validPair(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
