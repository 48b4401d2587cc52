package dev.gmbot.app.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
  static final String TOKEN = "123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-bs";

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("BOT_TOKEN", TOKEN);
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void defaultsToLongPollingOnPort8443() {
    ServerConfig config = ServerConfig.fromEnvironment(env(), false);

    assertThat(config.mode()).isEqualTo(ServerConfig.Mode.POLLING);
    assertThat(config.port()).isEqualTo(8443);
    assertThat(config.telegramApiUrl()).isEqualTo(URI.create("https://api.telegram.org"));
    assertThat(config.webhookPath()).isEqualTo("/webhook");
    assertThat(config.maxBodyBytes()).isEqualTo(1 << 20);
    assertThat(config.migrateOnStart()).isTrue();
  }

  @Test
  void productionWithWebhookUrlSelectsWebhookModeAndAppendsThePath() {
    ServerConfig config =
        ServerConfig.fromEnvironment(
            env(
                "ENVIRONMENT", "production",
                "WEBHOOK_URL", "https://bot.example.org/",
                "WEBHOOK_SECRET", "s3cret_-X",
                "GMBOT_WEBHOOK_PATH", "/tg/hook"),
            false);

    assertThat(config.mode()).isEqualTo(ServerConfig.Mode.WEBHOOK);
    assertThat(config.webhookEndpoint()).contains(URI.create("https://bot.example.org/tg/hook"));
  }

  @Test
  void developmentWithWebhookUrlStillPolls() {
    ServerConfig config =
        ServerConfig.fromEnvironment(env("WEBHOOK_URL", "https://bot.example.org"), false);

    assertThat(config.mode()).isEqualTo(ServerConfig.Mode.POLLING);
  }

  @Test
  void missingTokenIsOneLineNamingTheVariable() {
    Map<String, String> env = env();
    env.remove("BOT_TOKEN");

    assertThatThrownBy(() -> ServerConfig.fromEnvironment(env, false))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("BOT_TOKEN is not set")
        .hasMessageNotContaining("\n");
  }

  @Test
  void sandboxNeedsNoToken() {
    Map<String, String> env = env();
    env.remove("BOT_TOKEN");

    assertThat(ServerConfig.fromEnvironment(env, true).botToken()).isEmpty();
  }

  @Test
  void malformedTokenIsRejectedWithoutEchoingIt() {
    String bad = "not-a-token-SECRETPART";

    assertThatThrownBy(() -> ServerConfig.fromEnvironment(env("BOT_TOKEN", bad), false))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("BOT_TOKEN is not a bot token")
        .hasMessageNotContaining("SECRETPART");
  }

  @Test
  void secretWithForbiddenCharactersIsRejected() {
    assertThatThrownBy(
            () -> ServerConfig.fromEnvironment(env("WEBHOOK_SECRET", "has space!"), false))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("WEBHOOK_SECRET must be 1-256 characters")
        .hasMessageNotContaining("has space");
  }

  @Test
  void secretLongerThan256IsRejected() {
    assertThatThrownBy(
            () -> ServerConfig.fromEnvironment(env("WEBHOOK_SECRET", "a".repeat(257)), false))
        .hasMessageStartingWith("WEBHOOK_SECRET");
  }

  @Test
  void productionWithoutWebhookUrlIsRejected() {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(env("ENVIRONMENT", "production"), false))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("WEBHOOK_URL is not set but ENVIRONMENT=production");
  }

  @Test
  void webhookModeNeedsASecret() {
    assertThatThrownBy(
            () ->
                ServerConfig.fromEnvironment(
                    env("ENVIRONMENT", "production", "WEBHOOK_URL", "https://x.example"), false))
        .hasMessageStartingWith("WEBHOOK_SECRET is not set");
  }

  @Test
  void nonNumericPortIsRejected() {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(env("PORT", "http"), false))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("PORT must be a whole number from 0 to 65535, got 'http'");
  }

  @Test
  void unknownEnvironmentIsRejected() {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(env("ENVIRONMENT", "staging"), false))
        .hasMessageStartingWith("ENVIRONMENT must be development or production");
  }

  @Test
  void relativeOrQueryUrlsAreRejected() {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(env("WEBHOOK_URL", "bot.example"), false))
        .hasMessageStartingWith("WEBHOOK_URL must be an absolute http(s) URL");
    assertThatThrownBy(
            () -> ServerConfig.fromEnvironment(env("TELEGRAM_API_URL", "ftp://x.example"), false))
        .hasMessageStartingWith("TELEGRAM_API_URL must be an absolute http(s) URL");
  }

  @Test
  void webhookPathMustBeAPath() {
    assertThatThrownBy(
            () -> ServerConfig.fromEnvironment(env("GMBOT_WEBHOOK_PATH", "webhook"), false))
        .hasMessageStartingWith("GMBOT_WEBHOOK_PATH must be a path");
  }

  @Test
  void tunablesAreRead() {
    ServerConfig config =
        ServerConfig.fromEnvironment(
            env(
                "GMBOT_HANDLING_DEADLINE_SECONDS", "7",
                "GMBOT_MAX_BODY_BYTES", "4096",
                "GMBOT_MIGRATE_ON_START", "false",
                "GMBOT_INSTANCE_ID", "node-a",
                "GMBOT_MAX_IN_FLIGHT", "16",
                "GMBOT_MESSAGES_PER_SECOND", "20"),
            false);

    assertThat(config.handlingDeadline()).isEqualTo(Duration.ofSeconds(7));
    assertThat(config.maxBodyBytes()).isEqualTo(4096);
    assertThat(config.migrateOnStart()).isFalse();
    assertThat(config.instanceId()).isEqualTo("node-a");
    assertThat(config.maxInFlight()).isEqualTo(16);
    assertThat(config.messagesPerSecond()).isEqualTo(20);
  }

  @Test
  void toStringHidesTokenAndSecret() {
    ServerConfig config = ServerConfig.fromEnvironment(env("WEBHOOK_SECRET", "topsecret"), false);

    assertThat(config.toString()).doesNotContain(TOKEN).doesNotContain("topsecret").contains("***");
  }
}
