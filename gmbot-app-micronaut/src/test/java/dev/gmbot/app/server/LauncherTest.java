package dev.gmbot.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LauncherTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return Launcher.run(
        args,
        env,
        new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "BOT_TOKEN=                                      | BOT_TOKEN is not set",
        "BOT_TOKEN=12345                                 | BOT_TOKEN is not a bot token",
        "PORT=eighty                                     | PORT must be a whole number",
        "WEBHOOK_SECRET=bad secret!                      | WEBHOOK_SECRET must be 1-256 characters",
        "ENVIRONMENT=production                          | WEBHOOK_URL is not set",
        "DATABASE_URL=mysql://db/gmbot                   | DATABASE_URL",
        "REDIS_URL=http://cache:6379                     | REDIS_URL",
        "TELEGRAM_API_URL=api.telegram.org               | TELEGRAM_API_URL must be an absolute",
        "GMBOT_JOIN_WINDOW=soon                          | GMBOT_JOIN_WINDOW must be a duration",
        "GMBOT_MIGRATE_ON_START=perhaps                  | GMBOT_MIGRATE_ON_START must be true or false"
      })
  void invalidConfigurationStopsWithOneLineAndExitCode2(String assignment, String expected) {
    String[] pair = assignment.split("=", 2);
    Map<String, String> env =
        pair[0].equals("BOT_TOKEN")
            ? Map.of("BOT_TOKEN", pair[1])
            : Map.of("BOT_TOKEN", "123456:abcdefghijklmnopqrstuvwxyz", pair[0], pair[1]);

    int code = run(env, "server");

    assertThat(code).isEqualTo(2);
    assertThat(errors()).startsWith("configuration error: ").contains(expected);
    assertThat(errors().strip().lines()).hasSize(1);
    assertThat(errors()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void theTokenNeverAppearsInTheError() {
    String token = "123456:abcdefghij klmnopqrstuvwxyz-SECRET";

    run(Map.of("BOT_TOKEN", token), "server");

    assertThat(errors()).doesNotContain("SECRET").doesNotContain("abcdefghij");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command :
        new String[] {"server", "sandbox", "migrate", "set-webhook", "import-env"}) {
      out.reset();
      assertThat(run(Map.of(), command, "--help")).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: gmbot " + command);
    }
    out.reset();
    assertThat(run(Map.of(), "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("sandbox").contains("set-webhook");
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertThat(run(Map.of(), "serve")).isEqualTo(2);
    assertThat(errors()).contains("unknown command 'serve'");
  }

  @Test
  void importEnvNeedsAFile() {
    assertThat(run(Map.of(), "import-env")).isEqualTo(2);
  }
}
