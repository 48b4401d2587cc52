package dev.gmbot.app.lambda.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.app.lambda.benchmarks.ColdStartChild;
import dev.gmbot.testkit.sentry.FakeSentry;
import dev.gmbot.testkit.simulator.TelegramSimulator;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cold start of the shaded jar in a fresh JVM, as Lambda runs it: without {@code SENTRY_DSN} not
 * one Sentry class is loaded (error tracking costs the cold start nothing); with it, Sentry starts.
 */
class ColdStartClassesIT {
  private static final Path JAR = Path.of("target", "gmbot-lambda.jar");
  private static final String IGNORED_UPDATE =
      "{\"update_id\":1,\"channel_post\":{\"message_id\":1,\"date\":1700000000,"
          + "\"chat\":{\"id\":-1001777,\"type\":\"channel\",\"title\":\"C\"},\"text\":\"x\"}}";

  @Test
  void withoutSentryDsnNoSentryClassIsLoaded(@TempDir Path dir) throws Exception {
    try (TelegramSimulator sim = TelegramSimulator.start();
        FakeSentry sentry = FakeSentry.start()) {
      String without = loadedClasses(dir, "without", sim, Map.of());
      String with = loadedClasses(dir, "with", sim, Map.of("SENTRY_DSN", sentry.dsn()));

      assertThat(without)
          .contains("dev.gmbot.app.lambda.webhook.OutcomeLog")
          .doesNotContain("io.sentry.");
      assertThat(with).contains("io.sentry.Sentry ");
    }
  }

  private static String loadedClasses(
      Path dir, String name, TelegramSimulator sim, Map<String, String> extra) throws Exception {
    assertThat(JAR).as("the shaded jar (mvn package builds it)").exists();
    Path updates = dir.resolve(name + ".jsonl");
    Files.writeString(updates, IGNORED_UPDATE + "\n", StandardCharsets.UTF_8);
    Path classes = dir.resolve(name + "-classes.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xlog:class+load=info:file=" + classes);
    command.add("-cp");
    command.add(childClasspath());
    command.add(ColdStartChild.class.getName());
    command.add(Instant.now().toString());
    command.add(updates.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = new HashMap<>();
    env.put("BOT_TOKEN", sim.token());
    env.put("TELEGRAM_API_URL", sim.baseUrl());
    env.put("WEBHOOK_SECRET", "cold_Start-secret");
    env.putAll(extra);
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    Path output = dir.resolve(name + ".out");
    builder.redirectOutput(output.toFile());
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the cold start did not finish");
    }
    assertThat(process.exitValue()).as(Files.readString(output)).isZero();
    assertThat(Files.readString(output)).contains("RESULT init=");
    return Files.readString(classes);
  }

  /** The shaded jar, this module's test classes and the runtime's serializer: nothing else. */
  private static String childClasspath() {
    String serializer =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(e -> e.contains("aws-lambda-java-serialization"))
            .findFirst()
            .orElseThrow();
    String testClasses =
        ColdStartChild.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    return JAR.toAbsolutePath()
        + File.pathSeparator
        + testClasses
        + File.pathSeparator
        + serializer;
  }
}
