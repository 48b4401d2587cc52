package dev.gmbot.app.server.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.app.server.Launcher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SandboxIT {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** What a sandbox run printed and returned. */
  private record Run(int code, String transcript, String errors) {}

  /** The sandbox with these options and the given console input, as `gmbot sandbox` runs it. */
  private static Run sandbox(String input, String... options) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = new String[options.length + 1];
    args[0] = "sandbox";
    System.arraycopy(options, 0, args, 1, options.length);
    int code =
        Launcher.run(
            args,
            Map.of(), // no BOT_TOKEN, no DATABASE_URL: the sandbox needs none
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void scenarioShowsTheMuteAndTheRelease() {
    Run run = sandbox("", "--scenario-only", "--port", "0");

    assertThat(run.code()).as(run.errors()).isZero();
    assertThat(run.transcript())
        .contains("Protection Activated")
        .contains("Alice is muted")
        .contains("Alice is released")
        .contains("Not yet")
        .contains("Bob is muted")
        .contains("restricted ")
        .contains("lifted ");
  }

  @Test
  void theLaunchersTrainingRunAlsoOpensThePostgresAndRedisClientsAgainstARefusedPort() {
    Run run = sandbox("", "--scenario-only", "--train-start-up-cache", "--port", "0");

    assertThat(run.code()).as(run.errors()).isZero();
    assertThat(run.transcript())
        .contains("Alice is released")
        .containsPattern(
            "Start-up cache training: PostgreSQL refused, Redis client opened \\(port \\d+\\)")
        .contains("Scenario done (--scenario-only): stopping.");
  }

  @Test
  void consoleDrivesMoreActionsAndQuits() throws IOException {
    Run run = sandbox("join carol\nstatus\nsay carol hi\nstats\nfrobnicate\nquit\n", "--port", "0");

    String transcript = run.transcript();
    assertThat(run.code()).as(run.errors()).isZero();
    assertThat(transcript)
        .contains("Carol is muted")
        .contains("muted: Bob, Carol")
        .contains("unknown command 'frobnicate'")
        .contains("│ 📊 Today (");
    Matcher saved = Pattern.compile("chart saved to (\\S+\\.png)").matcher(transcript);
    assertThat(saved.find()).as(transcript).isTrue();
    Path chart = Path.of(saved.group(1));
    try {
      assertThat(chart).isRegularFile();
      assertThat(Arrays.copyOf(Files.readAllBytes(chart), 8)).isEqualTo(PNG_SIGNATURE);
    } finally {
      Files.deleteIfExists(chart);
    }
  }
}
