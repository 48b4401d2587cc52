package dev.gmbot.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.gmbot.app.lambda.config.LambdaConfig;
import dev.gmbot.app.server.config.ServerConfig;
import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.config.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The configuration tables of docs/deployment-server.md and docs/deployment-lambda.md against the
 * code: each deployable reads exactly the variables its table lists; a variable both tables list
 * (column "both") parses to the same value in both deployables and is rejected by both, naming
 * itself, when invalid; a variable for one deployable only says so and the other does not read it.
 */
class ConfigurationDocsTest {
  private static final Path DOCS = Path.of(System.getProperty("user.dir"));
  private static final Pattern VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]+)`");

  /** What both deployables need to start, so that one variable at a time can be varied. */
  private static final Map<String, String> BASE =
      Map.of(
          "BOT_TOKEN", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
          "WEBHOOK_SECRET", "docs-secret",
          "WEBHOOK_URL", "https://bot.example.org",
          "DATABASE_URL", "jdbc:h2:mem:docs");

  /**
   * A valid value unlike the default (null: none stands alone) and an invalid one (null: every
   * value is valid).
   */
  private record Sample(String valid, String invalid) {}

  private static final Map<String, Sample> SAMPLES = samples();

  private static Map<String, Sample> samples() {
    Map<String, Sample> s = new LinkedHashMap<>();
    s.put("BOT_TOKEN", new Sample("987654:ZYXWVUTSRQPONMLKJIHGFEDCBA_x", "12345"));
    s.put("ENVIRONMENT", new Sample("production", "staging"));
    s.put("DATABASE_URL", new Sample("postgresql://gm:pw@db.example:5432/gmbot", "mysql://db/x"));
    s.put("DATABASE_USER", new Sample("gm", null));
    s.put("DATABASE_PASSWORD", new Sample("pw", null));
    s.put("GMBOT_DB_POOL_SIZE", new Sample("5", "1"));
    s.put("GMBOT_DB_TIMEOUT_SECONDS", new Sample("3", "ten"));
    s.put("GMBOT_MIGRATE_ON_START", new Sample("on", "perhaps"));
    s.put("REDIS_URL", new Sample("redis://cache.example:6380/1", "http://cache:6379"));
    s.put("GMBOT_REDIS_KEY_PREFIX", new Sample("bot7:", null));
    s.put("GMBOT_REDIS_COMMAND_TIMEOUT_MS", new Sample("250", "5"));
    s.put("GMBOT_EXPECTED_INSTANCES", new Sample("3", "0"));
    s.put("TELEGRAM_API_URL", new Sample("http://127.0.0.1:8081", "api.telegram.org"));
    s.put("GMBOT_TELEGRAM_POOL_SIZE", new Sample("8", "0"));
    s.put("GMBOT_TELEGRAM_TIMEOUT_SECONDS", new Sample("3s", "0"));
    s.put("WEBHOOK_SECRET", new Sample("other_Secret-1", "has space"));
    s.put("GMBOT_MAX_BODY_BYTES", new Sample("4096", "10"));
    s.put("GMBOT_MAX_IN_FLIGHT", new Sample("16", "3"));
    s.put("GMBOT_MESSAGES_PER_SECOND", new Sample("20", "0"));
    s.put("GMBOT_FLOOD_RETRIES", new Sample("1", "11"));
    s.put("GMBOT_TRANSIENT_RETRIES", new Sample("4", "-1"));
    s.put("GMBOT_CACHE_POSITIVE_TTL", new Sample("20m", "soon"));
    s.put("GMBOT_CACHE_NEGATIVE_TTL", new Sample("PT30S", "0s"));
    s.put("GMBOT_ADMIN_CACHE_TTL", new Sample("2h", "31d"));
    s.put("GMBOT_VERIFICATION_RETRIES", new Sample("0", "11"));
    s.put("GMBOT_JOIN_WINDOW", new Sample("90", "later"));
    s.put("GMBOT_PROMPT_COOLDOWN", new Sample("5m", "-1"));
    s.put("GMBOT_PROMPT_EDIT_INTERVAL", new Sample("20s", "0"));
    s.put("GMBOT_PROMPT_NAMES_SHOWN", new Sample("4", "0"));
    s.put("GMBOT_SWEEP_BATCH", new Sample("50", "many"));
    s.put("GMBOT_AUDIT_RETENTION", new Sample("90d", "forever"));
    s.put("GMBOT_CLAIM_WAIT", new Sample("500ms", "11s"));
    s.put("GMBOT_JOIN_REQUEST_TIMEOUT", new Sample("6h", "30s"));
    s.put("GMBOT_SWEEP_CHECKS", new Sample("30", "0"));
    s.put("GMBOT_ACTIVE_MEMBER_WINDOW", new Sample("7d", "30m"));
    s.put("GMBOT_SWEEP_INTERVAL", new Sample("15m", "hourly"));
    s.put("SENTRY_DSN", new Sample("https://abc123@o1.ingest.sentry.io/42", "not-a-dsn"));
    s.put("SENTRY_ENVIRONMENT", new Sample("staging", "has space"));
    s.put("SENTRY_RELEASE", new Sample("gmbot@2.0.0", "a/b"));
    s.put("GMBOT_LOG_FORMAT", new Sample("text", "xml"));
    s.put("PORT", new Sample("8080", "http"));
    s.put("WEBHOOK_URL", new Sample("https://other.example.org", "bot.example"));
    s.put("GMBOT_WEBHOOK_PATH", new Sample("/tg/hook", "webhook"));
    s.put("GMBOT_HANDLING_DEADLINE_SECONDS", new Sample("7", "0"));
    s.put("GMBOT_SHUTDOWN_GRACE_SECONDS", new Sample("5", "1h"));
    s.put("GMBOT_HEALTH_CACHE_SECONDS", new Sample("30", "2h"));
    s.put("GMBOT_POLL_LEASE_SECONDS", new Sample("45", "2"));
    s.put("GMBOT_PROMPT_SWEEP_SECONDS", new Sample("60", "0"));
    s.put("GMBOT_OUTBOX_WORKERS", new Sample("0", "17"));
    s.put("GMBOT_INSTANCE_ID", new Sample("node-a", null));
    // Files, and only as a pair: ServerTlsTest reads real ones.
    s.put("GMBOT_TLS_CERT", new Sample(null, null));
    s.put("GMBOT_TLS_KEY", new Sample(null, null));
    s.put("GMBOT_WEBHOOK_REPLY", new Sample("off", "maybe"));
    s.put("GMBOT_OUTBOX_DRAIN_AFTER_UPDATE", new Sample("0", "51"));
    s.put("GMBOT_METRICS_NAMESPACE", new Sample("Bots", null));
    s.put("AWS_LAMBDA_FUNCTION_NAME", new Sample("gmbot-webhook", null));
    s.put("AWS_LAMBDA_FUNCTION_VERSION", new Sample("7", null));
    return s;
  }

  /** The two deployables: how each reads a whole configuration. */
  private enum Deployable {
    SERVER("deployment-server.md", "server only", ServerConfig::read),
    LAMBDA("deployment-lambda.md", "Lambda only", LambdaConfig::read);

    final String doc;
    final String onlyMark;
    final Consumer<ConfigReader> reading;

    Deployable(String doc, String onlyMark, Consumer<ConfigReader> reading) {
      this.doc = doc;
      this.onlyMark = onlyMark;
      this.reading = reading;
    }

    /** Reads everything this deployable reads; the reader tells what it read. */
    ConfigReader read(Map<String, String> env) {
      ConfigReader reader = ConfigReader.of(env);
      reading.accept(reader);
      return reader;
    }

    Deployable other() {
      return this == SERVER ? LAMBDA : SERVER;
    }
  }

  /** Variable to the text of its "deployables" column, from a doc's configuration table. */
  private static Map<String, String> table(String file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(DOCS.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
    Map<String, String> scopes = new LinkedHashMap<>();
    boolean inSection = false;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inSection = line.equals("## Configuration");
        continue;
      }
      if (!inSection || !line.startsWith("| `")) {
        continue;
      }
      String[] cells = line.substring(1, line.length() - 1).split(" \\| ");
      String scope = cells[cells.length - 1].strip();
      Matcher names = VARIABLE.matcher(cells[0]);
      while (names.find()) {
        assertThat(scopes.put(names.group(1), scope))
            .as(file + " lists " + names.group(1) + " twice")
            .isNull();
      }
    }
    assertThat(scopes).as(file + " has a configuration table").isNotEmpty();
    return scopes;
  }

  private static Map<String, String> env(String variable, String value) {
    Map<String, String> env = new HashMap<>(BASE);
    env.put(variable, value);
    return env;
  }

  @Test
  void everyRowSaysWhichDeployablesReadItAndTheTwoTablesAgree() {
    for (Deployable d : Deployable.values()) {
      Map<String, String> mine = table(d.doc);
      Map<String, String> theirs = table(d.other().doc);
      mine.forEach(
          (variable, scope) -> {
            assertThat(scope)
                .as(d.doc + ": the deployables of " + variable)
                .isIn("both", d.onlyMark);
            if (scope.equals("both")) {
              assertThat(theirs.get(variable))
                  .as(variable + " is shared: " + d.other().doc + " lists it as both")
                  .isEqualTo("both");
            } else {
              assertThat(theirs)
                  .as(variable + " is " + d.onlyMark + ": " + d.other().doc + " does not list it")
                  .doesNotContainKey(variable);
            }
          });
    }
  }

  @Test
  void eachDeployableReadsExactlyTheVariablesItsTableLists() {
    for (Deployable d : Deployable.values()) {
      Set<String> read = new TreeSet<>(d.read(BASE).names());

      assertThat(read)
          .as(d + " reads what " + d.doc + " lists")
          .isEqualTo(new TreeSet<>(table(d.doc).keySet()));
    }
  }

  @Test
  void everyDocumentedVariableHasASample() {
    Set<String> documented = new TreeSet<>(table(Deployable.SERVER.doc).keySet());
    documented.addAll(table(Deployable.LAMBDA.doc).keySet());

    assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(documented);
  }

  @TestFactory
  Stream<DynamicTest> aSharedVariableMeansTheSameInBothDeployables() {
    return table(Deployable.SERVER.doc).entrySet().stream()
        .filter(e -> e.getValue().equals("both"))
        .map(Map.Entry::getKey)
        .map(
            variable ->
                DynamicTest.dynamicTest(
                    variable,
                    () -> {
                      Sample sample = SAMPLES.get(variable);
                      Object server =
                          Deployable.SERVER
                              .read(env(variable, sample.valid()))
                              .values()
                              .get(variable);
                      Object lambda =
                          Deployable.LAMBDA
                              .read(env(variable, sample.valid()))
                              .values()
                              .get(variable);
                      assertThat(server).as("the server parsed " + variable).isNotNull();
                      assertThat(lambda).as("the same value in Lambda").isEqualTo(server);
                      if (sample.invalid() != null) {
                        for (Deployable d : Deployable.values()) {
                          assertRejected(d, variable, sample.invalid());
                        }
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> aVariableOfOneDeployableIsReadByItAlone() {
    return Stream.of(Deployable.values())
        .flatMap(
            d ->
                table(d.doc).entrySet().stream()
                    .filter(e -> e.getValue().equals(d.onlyMark))
                    .map(Map.Entry::getKey)
                    .map(
                        variable ->
                            DynamicTest.dynamicTest(
                                d + " " + variable,
                                () -> {
                                  Sample sample = SAMPLES.get(variable);
                                  if (sample.valid() != null) {
                                    assertThat(
                                            d.read(env(variable, sample.valid()))
                                                .values()
                                                .get(variable))
                                        .as(d + " parsed " + variable)
                                        .isNotNull();
                                  }
                                  assertThat(d.other().read(BASE).names()).doesNotContain(variable);
                                  if (sample.invalid() != null) {
                                    assertRejected(d, variable, sample.invalid());
                                  }
                                })));
  }

  @Test
  void theReadmeTableNamesDocumentedVariablesAndMarksTheServersOwn() throws IOException {
    Map<String, String> server = table(Deployable.SERVER.doc);
    Map<String, String> lambda = table(Deployable.LAMBDA.doc);
    boolean inSection = false;
    int rows = 0;
    for (String line : Files.readAllLines(DOCS.resolveSibling("README.md"))) {
      if (line.startsWith("## ")) {
        inSection = line.equals("## Configuration");
      } else if (inSection && line.startsWith("| `")) {
        Matcher m = VARIABLE.matcher(line.split(" \\| ")[0]);
        while (m.find()) {
          rows++;
          String variable = m.group(1);
          String scope = server.getOrDefault(variable, lambda.get(variable));
          assertThat(scope).as("README's " + variable + " is documented").isNotNull();
          assertThat(line.contains("server only"))
              .as("README marks " + variable + " as the server's own")
              .isEqualTo(scope.equals("server only"));
        }
      }
    }
    assertThat(rows).isPositive();
  }

  private static void assertRejected(Deployable d, String variable, String invalid) {
    try {
      d.read(env(variable, invalid));
      fail(d + " accepted " + variable + "=" + invalid);
    } catch (ConfigurationException e) {
      assertThat(e.variable()).as(d + " names the variable").isEqualTo(variable);
    }
  }
}
