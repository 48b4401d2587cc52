package dev.gmbot.app.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The shaded server jar ({@code target/gmbot-server.jar}, built by {@code package} before the
 * integration tests) run as its own process with exactly the given environment, its stdout and
 * stderr captured in files.
 */
final class JarProcess implements AutoCloseable {
  static final Path JAR = Path.of("target", "gmbot-server.jar");

  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private JarProcess(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** Starts {@code java -jar gmbot-server.jar <args>} with only these variables. */
  static JarProcess start(Map<String, String> env, Path dir, String... args) {
    return start(env, dir, List.of(), args);
  }

  /** Starts {@code java <jvmOptions> -jar gmbot-server.jar <args>} with only these variables. */
  static JarProcess start(
      Map<String, String> env, Path dir, List<String> jvmOptions, String... args) {
    assertThat(JAR).as("the shaded jar (mvn package builds it)").exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(env);
    Path out = dir.resolve("stdout.log");
    Path err = dir.resolve("stderr.log");
    builder.redirectOutput(out.toFile());
    builder.redirectError(err.toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    try {
      return new JarProcess(builder.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Stops it as a container runtime would (SIGTERM) and waits for the exit code. */
  int stop() {
    process.destroy();
    return await();
  }

  /** Waits for the process to end by itself. */
  int await() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the server did not stop within 60 s");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new AssertionError("interrupted", e);
    }
  }

  List<String> stdoutLines() {
    return lines(stdout);
  }

  List<String> stderrLines() {
    return lines(stderr);
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
