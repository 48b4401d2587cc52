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

  @Test
  void scenarioShowsTheMuteAndTheRelease() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        Launcher.run(
            new String[] {"sandbox", "--scenario-only", "--port", "0"},
            Map.of(), // no BOT_TOKEN, no DATABASE_URL: the sandbox needs none
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    String transcript = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(transcript)
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
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        Launcher.run(
            new String[] {"sandbox", "--scenario-only", "--train-start-up-cache", "--port", "0"},
            Map.of(),
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    String transcript = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(transcript)
        .contains("Alice is released")
        .containsPattern(
            "Start-up cache training: PostgreSQL refused, Redis client opened \\(port \\d+\\)")
        .contains("Scenario done (--scenario-only): stopping.");
  }

  @Test
  void consoleDrivesMoreActionsAndQuits() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String commands = "join carol\nstatus\nsay carol hi\nstats\nfrobnicate\nquit\n";

    int code =
        Launcher.run(
            new String[] {"sandbox", "--port", "0"},
            Map.of(),
            new ByteArrayInputStream(commands.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    String transcript = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
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
