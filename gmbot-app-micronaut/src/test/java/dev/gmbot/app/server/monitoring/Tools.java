package dev.gmbot.app.server.monitoring;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The monitoring assets under {@code gmbot-app-micronaut/monitoring} and the external tools their
 * tests run (Debian's {@code prometheus} package: {@code prometheus} and {@code promtool}). A
 * missing tool fails the test with {@code CI=true} ({@code .ci/run} installs the package) and skips
 * it loudly elsewhere, like the PostgreSQL and Redis tests.
 */
public final class Tools {
  /** The module's monitoring folder (tests run in the module's directory). */
  public static final Path MONITORING = Path.of("monitoring").toAbsolutePath();

  public static final Path RULES = MONITORING.resolve("prometheus/rules/gmbot-alerts.yml");
  public static final Path RULE_TESTS =
      MONITORING.resolve("prometheus/tests/gmbot-alerts-test.yml");
  public static final Path PROMETHEUS_CONFIG = MONITORING.resolve("prometheus/prometheus.yml");
  public static final Path DASHBOARD = MONITORING.resolve("grafana/dashboards/gmbot.json");

  private Tools() {}

  /** The executable on the PATH (or in /usr/bin), or a failure / loud skip. */
  public static Path require(String tool) {
    Optional<Path> found = find(tool);
    if (found.isPresent()) {
      return found.get();
    }
    String message =
        tool + " is not installed (Debian: apt-get install prometheus; .ci/run installs it)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true and " + message);
    }
    System.err.println("!!! SKIPPING monitoring tests: " + message);
    Assumptions.abort("SKIPPED: " + message);
    throw new IllegalStateException("unreachable");
  }

  static Optional<Path> find(String tool) {
    List<String> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(List.of(path.split(File.pathSeparator)));
    }
    dirs.add("/usr/bin");
    for (String dir : dirs) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** What a finished command printed, and its exit code. */
  public record Run(int exitCode, String output) {}

  /** Runs a command in {@code dir} (bounded to two minutes); stdout and stderr together. */
  public static Run run(Path dir, List<String> command) {
    try {
      Path log = Files.createTempFile("gmbot-tool", ".log");
      try {
        Process process =
            new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          fail(command + " did not finish within two minutes");
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
