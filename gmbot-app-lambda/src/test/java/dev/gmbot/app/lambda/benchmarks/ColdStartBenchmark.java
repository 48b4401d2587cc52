package dev.gmbot.app.lambda.benchmarks;

import com.squareup.moshi.JsonReader;
import dev.gmbot.adapter.postgres.Database;
import dev.gmbot.adapter.postgres.PersistenceConfig;
import dev.gmbot.testkit.simulator.AdminRights;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimUser;
import dev.gmbot.testkit.simulator.TelegramSimulator;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Cold start and warm handling time of the shaded Lambda jar, each run in a fresh JVM (see
 * docs/performance.md, "## Lambda"). The Bot API simulator runs here; for each run it builds a
 * world (a protected group's owner runs /protect, 10 users join, then each writes once), collects
 * the resulting Update JSON and launches {@link ColdStartChild} with {@code java -cp <shaded jar> +
 * test classes + the runtime's serializer}; the child plays one Lambda container.
 *
 * <p>Run: {@code ./mvnw -B -pl gmbot-app-lambda -am verify -DskipTests -DskipITs -Plambda-bench}
 * (arguments via {@code -Dbench.args="--runs 7 --postgres"}; {@code --aot} adds every mode again
 * with a JDK AOT cache of the child, trained once on the last mode before the runs).
 */
public final class ColdStartBenchmark {
  private static final String SECRET = "bench-secret";

  private record Result(
      long initMicros,
      long firstMicros,
      List<Long> warm,
      List<Integer> replied,
      List<String> kinds) {}

  private record Mode(String name, boolean postgres, boolean redis, boolean reply, boolean aot) {
    Mode(String name, boolean postgres, boolean redis, boolean reply) {
      this(name, postgres, redis, reply, false);
    }

    Mode withAotCache() {
      return new Mode(name + ", AOT cache", postgres, redis, reply, true);
    }
  }

  /** The JDK's AOT cache of the child (with --aot), trained once before the measured runs. */
  private static final Path AOT_CACHE = Path.of("target/cold-start-child.aot");

  private ColdStartBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> a = Arrays.asList(args);
    int runs = a.contains("--runs") ? Integer.parseInt(a.get(a.indexOf("--runs") + 1)) : 7;
    Path jar =
        Path.of(a.contains("--jar") ? a.get(a.indexOf("--jar") + 1) : "target/gmbot-lambda.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run the package phase first");
    }
    List<Mode> modes = new ArrayList<>();
    modes.add(new Mode("H2 in memory (Flyway at start), webhook reply on", false, false, true));
    modes.add(new Mode("H2 in memory (Flyway at start), webhook reply off", false, false, false));
    if (a.contains("--postgres")) {
      modes.add(new Mode("PostgreSQL (migrated beforehand), no Redis", true, false, true));
      modes.add(
          new Mode("PostgreSQL + Redis (migrated beforehand), webhook reply on", true, true, true));
      modes.add(
          new Mode(
              "PostgreSQL + Redis (migrated beforehand), webhook reply off", true, true, false));
    }
    if (a.contains("--aot")) {
      // Each mode also with an AOT cache trained on the production shape (or H2 without it).
      List<Mode> plain = List.copyOf(modes);
      modes.clear();
      for (Mode m : plain) {
        modes.add(m);
        modes.add(m.withAotCache());
      }
    }
    String classpath = childClasspath(jar);
    System.out.println("java: " + javaBinary() + " (" + Runtime.version() + "), runs: " + runs);
    System.out.println("jar: " + jar + " (" + Files.size(jar) / 1024 + " KiB)");
    try (TelegramSimulator sim = TelegramSimulator.start()) {
      if (a.contains("--aot")) {
        Mode shape = modes.get(modes.size() - 1);
        sim.reset();
        Map<String, String> env = environment(sim, shape);
        Files.deleteIfExists(AOT_CACHE);
        launch(classpath, script(sim), env, List.of("-XX:AOTCacheOutput=" + AOT_CACHE));
        if (shape.postgres()) {
          dev.gmbot.app.lambda.e2e.TestServices.cleanUp(env);
        }
        System.out.println(
            "AOT cache trained on \""
                + shape.name()
                + "\": "
                + Files.size(AOT_CACHE) / 1024
                + " KiB");
      }
      // Runs of the modes alternate, so that the machine's background load hits them alike.
      Map<Mode, List<Result>> results = new java.util.LinkedHashMap<>();
      for (int run = 0; run < runs; run++) {
        for (Mode mode : modes) {
          sim.reset();
          List<String> updates = script(sim);
          Map<String, String> env = environment(sim, mode);
          Result r =
              launch(
                  classpath,
                  updates,
                  env,
                  mode.aot() ? List.of("-XX:AOTCache=" + AOT_CACHE) : List.of());
          if (mode.postgres()) {
            dev.gmbot.app.lambda.e2e.TestServices.cleanUp(env);
          }
          results
              .computeIfAbsent(mode, m -> new ArrayList<>())
              .add(
                  new Result(
                      r.initMicros(),
                      r.firstMicros(),
                      r.warm(),
                      r.replied(),
                      updates.subList(1, updates.size()).stream()
                          .map(ColdStartBenchmark::kind)
                          .toList()));
        }
      }
      results.forEach(ColdStartBenchmark::report);
    }
  }

  /** The world of one run; returns the updates from /protect on, one JSON object per entry. */
  private static List<String> script(TelegramSimulator sim) throws Exception {
    getUpdates(sim); // subscribes to chat_member & co. before anything happens
    SimUser owner = sim.newUser("Owner");
    owner.startsBot();
    SimChat channel = sim.newChannel("Bench News", owner).withUsername("bench_news");
    channel.withBotAsAdmin(AdminRights.guard());
    SimChat group = sim.newSupergroup("Bench Group", owner).withBotAsAdmin(AdminRights.guard());
    owner.says(group, "/protect @bench_news");
    List<SimUser> users = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      SimUser u = sim.newUser("User" + i);
      u.joins(group);
      users.add(u);
    }
    for (SimUser u : users) {
      u.says(group, "hello from " + u.firstName());
    }
    // Posts on behalf of a foreign channel: deleted, nothing else (a webhook-reply candidate).
    SimChat spam = sim.newChannel("Spam Channel").withUsername("spam_channel");
    for (int i = 1; i <= 10; i++) {
      group.channelSays(spam, "buy now #" + i);
    }
    List<String> all = getUpdates(sim);
    int protect = 0;
    while (!all.get(protect).contains("/protect")) {
      protect++;
    }
    return all.subList(protect, all.size());
  }

  private static List<String> getUpdates(TelegramSimulator sim) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(sim.methodUri("getUpdates"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"timeout\":0,\"allowed_updates\":[\"message\",\"edited_message\","
                                + "\"callback_query\",\"chat_member\",\"my_chat_member\","
                                + "\"chat_join_request\"]}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    List<String> updates = new ArrayList<>();
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(r.body()))) {
      reader.beginObject();
      while (reader.hasNext()) {
        if (!reader.nextName().equals("result")) {
          reader.skipValue();
          continue;
        }
        reader.beginArray();
        while (reader.hasNext()) {
          try (BufferedSource raw = reader.nextSource()) {
            updates.add(raw.readUtf8());
          }
        }
        reader.endArray();
      }
      reader.endObject();
    }
    return updates;
  }

  private static Map<String, String> environment(TelegramSimulator sim, Mode mode)
      throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("BOT_TOKEN", sim.token());
    env.put("WEBHOOK_SECRET", SECRET);
    env.put("TELEGRAM_API_URL", sim.baseUrl());
    env.put("GMBOT_WEBHOOK_REPLY", Boolean.toString(mode.reply()));
    env.put("AWS_LAMBDA_FUNCTION_NAME", "gmbot-bench");
    if (mode.postgres()) {
      String jdbc = envOr("GMBOT_TEST_DATABASE_URL", "jdbc:postgresql://localhost:5432/test");
      String schema =
          "lambda_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
          Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA " + schema);
      }
      env.put("DATABASE_URL", jdbc + (jdbc.contains("?") ? "&" : "?") + "currentSchema=" + schema);
      env.put("DATABASE_USER", "postgres");
      // The deploy step, not part of the cold start (ADR 0081).
      try (Database db = Database.connect(PersistenceConfig.fromEnvironment(env))) {
        db.migrate();
      }
      env.put(dev.gmbot.adapter.redis.RedisConfig.ENV_KEY_PREFIX, schema + ":");
      if (mode.redis()) {
        env.put("REDIS_URL", envOr("GMBOT_TEST_REDIS_URL", "redis://localhost:6379"));
      }
    }
    return env;
  }

  private static Result launch(
      String classpath, List<String> updates, Map<String, String> env, List<String> jvmOptions)
      throws Exception {
    Path file = Files.createTempFile("gmbot-updates", ".jsonl");
    Files.write(file, updates, StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    // As in template.yaml (JAVA_TOOL_OPTIONS): C1 only.
    command.add("-XX:+TieredCompilation");
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classpath, ColdStartChild.class.getName(), "", file.toString()));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().clear();
    pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    List<String> cmd = new ArrayList<>(command);
    cmd.set(cmd.size() - 2, Instant.now().toString());
    pb.command(cmd);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("the child failed:\n" + output);
    }
    Files.delete(file);
    String line =
        output
            .lines()
            .filter(l -> l.startsWith("RESULT "))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no RESULT line in\n" + output));
    Map<String, String> fields = new HashMap<>();
    for (String part : line.substring(7).split(" ")) {
      int eq = part.indexOf('=');
      fields.put(part.substring(0, eq), part.substring(eq + 1));
    }
    return new Result(
        Long.parseLong(fields.get("init")),
        Long.parseLong(fields.get("first")),
        Arrays.stream(fields.get("warm").split(",")).map(Long::parseLong).toList(),
        Arrays.stream(fields.get("replied").split(",")).map(Integer::parseInt).toList(),
        List.of());
  }

  /** What an update is, for the report. */
  private static String kind(String update) {
    if (update.contains("\"chat_member\"")) {
      return "join (chat_member)";
    }
    if (update.contains("\"new_chat_members\"")) {
      return "join (new_chat_members)";
    }
    if (update.contains("\"sender_chat\"")) {
      return "post on behalf of a foreign channel";
    }
    return "message of a muted user";
  }

  private static void report(Mode mode, List<Result> results) {
    List<Long> init = results.stream().map(Result::initMicros).toList();
    List<Long> first = results.stream().map(Result::firstMicros).toList();
    Map<String, List<Long>> byKind = new java.util.TreeMap<>();
    Map<String, Integer> repliedByKind = new java.util.TreeMap<>();
    Map<String, Integer> countByKind = new java.util.TreeMap<>();
    List<Long> all = new ArrayList<>();
    for (Result r : results) {
      for (int i = 0; i < r.warm().size(); i++) {
        String kind = r.kinds().get(i);
        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(r.warm().get(i));
        repliedByKind.merge(kind, r.replied().get(i), Integer::sum);
        countByKind.merge(kind, 1, Integer::sum);
        all.add(r.warm().get(i));
      }
    }
    System.out.printf(
        "%n%s%n  JVM start -> handler ready (graph built): median %.0f ms  (runs: %s)%n"
            + "  JVM start -> first update handled (/protect): median %.0f ms  (runs: %s)%n"
            + "  warm invocations after it (%d per run): median %.2f ms, p90 %.2f ms%n",
        mode.name(),
        median(init) / 1000.0,
        millis(init),
        median(first) / 1000.0,
        millis(first),
        results.get(0).warm().size(),
        median(all) / 1000.0,
        percentile(all, 0.9) / 1000.0);
    byKind.forEach(
        (kind, times) ->
            System.out.printf(
                "    %-38s median %6.2f ms  (%d of %d answered with a method in the response)%n",
                kind, median(times) / 1000.0, repliedByKind.get(kind), countByKind.get(kind)));
  }

  private static String millis(List<Long> micros) {
    return String.join(" ", micros.stream().map(m -> Long.toString(m / 1000)).toList());
  }

  private static double median(List<Long> values) {
    return percentile(values, 0.5);
  }

  private static double percentile(List<Long> values, double q) {
    List<Long> sorted = values.stream().sorted().toList();
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  /** The shaded jar, this module's test classes and the runtime's serializer: nothing else. */
  private static String childClasspath(Path jar) throws IOException {
    String serializer =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(e -> e.contains("aws-lambda-java-serialization"))
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("aws-lambda-java-serialization not found"));
    Path testClasses =
        Path.of(ColdStartChild.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    return jar.toAbsolutePath()
        + File.pathSeparator
        + jarred(testClasses)
        + File.pathSeparator
        + serializer;
  }

  /**
   * The test classes as a jar next to them: a JDK AOT cache (or CDS archive) takes jars only, and
   * the runs with and without it must see the same class path.
   */
  private static Path jarred(Path classes) throws IOException {
    if (!Files.isDirectory(classes)) {
      return classes;
    }
    Path out = classes.resolveSibling("cold-start-test-classes.jar").toAbsolutePath();
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(out));
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        jar.putNextEntry(
            new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
        Files.copy(f, jar);
        jar.closeEntry();
      }
    }
    return out;
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String envOr(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
