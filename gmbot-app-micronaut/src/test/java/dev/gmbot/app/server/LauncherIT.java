package dev.gmbot.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.testkit.simulator.TelegramSimulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherIT {
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

  private static String h2() {
    return "jdbc:h2:mem:launcher_"
        + UUID.randomUUID().toString().replace("-", "")
        + ";DB_CLOSE_DELAY=-1";
  }

  @Test
  void setWebhookRegistersTheUrlSecretAndAllowedUpdatesThenDeletes() {
    try (TelegramSimulator sim = TelegramSimulator.start()) {
      Map<String, String> env =
          Map.of(
              "BOT_TOKEN",
              sim.token(),
              "TELEGRAM_API_URL",
              sim.baseUrl(),
              "WEBHOOK_URL",
              "https://bot.example.org",
              "WEBHOOK_SECRET",
              "s3cret");

      assertThat(run(env, "set-webhook")).as(err.toString(StandardCharsets.UTF_8)).isZero();
      var call = sim.calls().of("setWebhook").get(0);
      assertThat(call.params().get("url")).isEqualTo("https://bot.example.org/webhook");
      assertThat(call.params().get("secret_token")).isEqualTo("s3cret");
      assertThat(call.params().get("allowed_updates").toString()).contains("chat_member");
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("webhook: https://bot.example.org/webhook");

      assertThat(run(env, "set-webhook", "--delete")).isZero();
      assertThat(sim.calls().count("deleteWebhook")).isEqualTo(1);
    }
  }

  @Test
  void unreachableDatabaseStopsStartUpWithOneLineAndExitCode1() {
    int code =
        run(
            Map.of(
                "BOT_TOKEN", "123456:abcdefghijklmnopqrstuvwxyz",
                "DATABASE_URL", "postgresql://bot:hunter2@127.0.0.1:1/gmbot",
                "GMBOT_DB_TIMEOUT_SECONDS", "1",
                "TELEGRAM_API_URL", "http://127.0.0.1:1"),
            "server");

    String errors = err.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(1);
    assertThat(errors).startsWith("start-up failed: ").contains("DATABASE_URL");
    assertThat(errors.strip().lines()).hasSize(1);
    assertThat(errors).doesNotContain("hunter2").doesNotContain("abcdefghij");
  }

  @Test
  void migrateAppliesTheMigrations() {
    assertThat(run(Map.of("DATABASE_URL", h2()), "migrate")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("migration(s) applied");
  }

  @Test
  void importEnvImportsALegacyGroup(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("old.env");
    Files.writeString(
        file, "BOT_TOKEN=1:x\nGROUP_ID=-1001234567890\nCHANNEL_ID=-1009876543210\nOWNER_ID=42\n");

    int code = run(Map.of("DATABASE_URL", h2()), "import-env", file.toString());

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("-1001234567890");
  }
}
