package dev.gmbot.app.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.squareup.moshi.Moshi;
import dev.gmbot.app.server.monitoring.Tools;
import dev.gmbot.testkit.simulator.AdminRights;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimMessage;
import dev.gmbot.testkit.simulator.SimUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

/**
 * The dashboard and the alerts against a real Prometheus (Debian's {@code prometheus}): a
 * Prometheus process of its own, on a spare loopback port with a temporary configuration and
 * storage, scrapes a running GMBot every second while the simulator plays scripted traffic. Every
 * query of every dashboard panel must parse and return data; every alert expression must parse,
 * each of its operands (the comparison made a {@code bool}) must return data, and Prometheus must
 * evaluate every rule without error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final Pattern TRAILING_COMPARISON =
      Pattern.compile("(==|!=|>=|<=|>|<)\\s*(-?[0-9.]+)\\s*$");

  private final HttpClient http = HttpClient.newHttpClient();
  private final Moshi moshi = new Moshi.Builder().build();
  private ServerUnderTest it;
  private Process prometheus;
  private Path workDir;
  private URI prometheusUrl;

  @BeforeAll
  void start() throws IOException {
    Path binary = Tools.require("prometheus");
    it =
        ServerUnderTest.start(
            ServerUnderTest.Mode.WEBHOOK,
            ServerUnderTest.Backend.H2_IN_PROCESS,
            Map.of("GMBOT_PROMPT_SWEEP_SECONDS", "1"));
    workDir = Files.createTempDirectory("gmbot-prometheus-it");
    Path config = workDir.resolve("prometheus.yml");
    Files.writeString(
        config,
        """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        rule_files:
          - "%s"
        scrape_configs:
          - job_name: gmbot
            metrics_path: /metrics
            static_configs:
              - targets: ["127.0.0.1:%d"]
        """
            .formatted(Tools.RULES, it.server.port()));
    int port = freePort();
    prometheusUrl = URI.create("http://127.0.0.1:" + port);
    prometheus =
        new ProcessBuilder(
                binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + workDir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("prometheus.log").toFile())
            .start();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> get("/-/ready").statusCode() == 200);
  }

  @AfterAll
  void stop() throws IOException, InterruptedException {
    try {
      if (prometheus != null) {
        prometheus.destroy();
        if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
          prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    } finally {
      if (it != null) {
        it.close();
      }
      if (workDir != null) {
        try (Stream<Path> files = Files.walk(workDir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  /** Joins, a refused verification, a verified one, a 5xx, a 429, a join request, a demotion. */
  private void playTraffic() {
    SimUser owner = it.sim.newUser("Owner", "owner_prom");
    SimChat channel = it.sim.newChannel("Prom News", owner).withUsername("prom_news");
    SimChat group = it.sim.newSupergroup("Prom Group", owner);
    owner.startsBot();
    channel.withBotAsAdmin(AdminRights.guard());
    group.withBotAsAdmin(AdminRights.guard());
    it.settle();
    owner.says(group, "/protect @prom_news");
    it.settle();

    it.sim.faults().failNext("getChatMember", 1, 502).failNext("sendMessage", 1, 429);
    SimUser alice = it.sim.newUser("Alice", "alice_prom");
    alice.joins(group);
    it.settle();
    SimMessage prompt =
        group.botMessages().stream()
            .filter(m -> m.text().contains("Alice") && !m.keyboard().isEmpty())
            .reduce((a, b) -> b)
            .orElseThrow();
    String verify =
        prompt.keyboard().stream()
            .flatMap(List::stream)
            .filter(b -> b.callbackData().isPresent())
            .findFirst()
            .orElseThrow()
            .text();
    alice.presses(prompt, verify); // not subscribed yet
    alice.subscribes(channel);
    alice.presses(prompt, verify);
    SimUser bob = it.sim.newUser("Bob", "bob_prom");
    bob.subscribes(channel);
    bob.joins(group);
    bob.says(group, "hello");
    SimUser carol = it.sim.newUser("Carol", "carol_prom");
    carol.subscribes(channel);
    carol.requestsToJoin(group);
    it.settle();

    SimChat other = it.sim.newSupergroup("Prom Other", owner);
    other.withBotAsAdmin(AdminRights.guard());
    it.settle();
    owner.says(other, "/protect @prom_news");
    it.settle();
    other.demoteBot();
    it.settle();
    it.get("/health");
  }

  @Test
  void everyPanelQueryAndAlertExpressionParsesAndReturnsData() throws IOException {
    playTraffic();
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> assertThat(query("count_over_time(up{job=\"gmbot\"}[1m]) >= 5")).isNotEmpty());

    List<String> panelQueries = panelQueries();
    assertThat(panelQueries).hasSizeGreaterThanOrEqualTo(14);
    for (String expr : panelQueries) {
      await()
          .atMost(PATIENCE)
          .untilAsserted(() -> assertThat(query(expr)).as("panel query " + expr).isNotEmpty());
    }

    for (Map.Entry<String, String> alert : alertExpressions().entrySet()) {
      query(alert.getValue()); // parses (an error status fails here)
      for (String operand : operands(alert.getValue())) {
        String probe = asBool(operand);
        await()
            .atMost(PATIENCE)
            .untilAsserted(
                () -> assertThat(query(probe)).as(alert.getKey() + ": " + probe).isNotEmpty());
      }
    }

    await().atMost(PATIENCE).untilAsserted(this::everyRuleEvaluatesWithoutError);
  }

  @Test
  void operandsSplitOnlyTopLevelSetOperators() {
    assertThat(operands("(sum(a) or vector(0)) / sum(b) > 0.01"))
        .containsExactly("(sum(a) or vector(0)) / sum(b) > 0.01");
    assertThat(operands("max by (job) (m) == 1\n  unless on (job)\nsum by (job) (x) > 0"))
        .containsExactly("max by (job) (m) == 1", "sum by (job) (x) > 0");
    assertThat(asBool("time() - t > 600")).isEqualTo("time() - t > bool 600");
  }

  @SuppressWarnings("unchecked")
  private void everyRuleEvaluatesWithoutError() throws IOException {
    Map<String, Object> body = json(get("/api/v1/rules").body());
    List<Map<String, Object>> groups =
        (List<Map<String, Object>>) ((Map<String, Object>) body.get("data")).get("groups");
    List<String> rules = new ArrayList<>();
    for (Map<String, Object> group : groups) {
      for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
        assertThat(rule.get("health"))
            .as(rule.get("name") + ": " + rule.get("lastError"))
            .isEqualTo("ok");
        rules.add((String) rule.get("name"));
      }
    }
    assertThat(rules).containsExactlyInAnyOrderElementsOf(alertExpressions().keySet());
  }

  /** The result vector of an instant query; fails on a query Prometheus rejects. */
  @SuppressWarnings("unchecked")
  private List<Object> query(String expr) throws IOException {
    HttpResponse<String> response =
        get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
    Map<String, Object> body = json(response.body());
    assertThat(body.get("status")).as(expr + " -> " + response.body()).isEqualTo("success");
    Map<String, Object> data = (Map<String, Object>) body.get("data");
    Object result = data.get("result");
    return result instanceof List<?> list ? (List<Object>) list : List.of(result);
  }

  @SuppressWarnings("unchecked")
  private List<String> panelQueries() throws IOException {
    Map<String, Object> dashboard = json(Files.readString(Tools.DASHBOARD));
    List<String> queries = new ArrayList<>();
    for (Map<String, Object> panel : (List<Map<String, Object>>) dashboard.get("panels")) {
      for (Map<String, Object> target : (List<Map<String, Object>>) panel.get("targets")) {
        queries.add((String) target.get("expr"));
      }
    }
    return queries;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> alertExpressions() throws IOException {
    Map<String, Object> rules = new Yaml().load(Files.readString(Tools.RULES));
    Map<String, String> alerts = new java.util.TreeMap<>();
    for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
      for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
        alerts.put((String) rule.get("alert"), ((String) rule.get("expr")).strip());
      }
    }
    return alerts;
  }

  /** The operands of the top-level {@code and}, {@code or}, {@code unless} of an expression. */
  static List<String> operands(String expr) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    int i = 0;
    while (i < expr.length()) {
      char c = expr.charAt(i);
      if (c == '(' || c == '{' || c == '[') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']') {
        depth--;
      } else if (depth == 0
          && Character.isLetter(c)
          && (i == 0 || !isWordChar(expr.charAt(i - 1)))) {
        int end = i;
        while (end < expr.length() && isWordChar(expr.charAt(end))) {
          end++;
        }
        String word = expr.substring(i, end);
        if (word.equals("and") || word.equals("or") || word.equals("unless")) {
          parts.add(expr.substring(start, i).strip());
          int next = skipMatching(expr, end);
          start = next;
          i = next;
          continue;
        }
        i = end;
        continue;
      }
      i++;
    }
    parts.add(expr.substring(start).strip());
    return parts;
  }

  /** After a set operator: skips {@code on (…)} or {@code ignoring (…)}. */
  private static int skipMatching(String expr, int from) {
    Matcher m = Pattern.compile("\\s*(on|ignoring)\\s*\\([^)]*\\)").matcher(expr);
    return m.find(from) && m.start() == from ? m.end() : from;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** {@code x > 600} becomes {@code x > bool 600}: every element, 0 or 1, instead of a filter. */
  static String asBool(String operand) {
    Matcher m = TRAILING_COMPARISON.matcher(operand);
    return m.find()
        ? operand.substring(0, m.start()) + m.group(1) + " bool " + m.group(2)
        : operand;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> json(String body) throws IOException {
    return moshi.adapter(Map.class).fromJson(body);
  }

  private HttpResponse<String> get(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(prometheusUrl.resolve(path))
              .timeout(Duration.ofSeconds(10))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
