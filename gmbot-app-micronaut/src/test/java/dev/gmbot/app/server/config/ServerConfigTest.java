package dev.gmbot.app.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.adapter.postgres.PersistenceConfig;
import dev.gmbot.port.config.ConfigurationException;
import dev.gmbot.port.config.Environment;
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
    ServerConfig config = ServerConfig.fromEnvironment(env());

    assertThat(config.mode()).isEqualTo(ServerConfig.Mode.POLLING);
    assertThat(config.port()).isEqualTo(8443);
    assertThat(config.telegram().baseUrl()).isEqualTo(URI.create("https://api.telegram.org"));
    assertThat(config.webhookPath()).isEqualTo("/webhook");
    assertThat(config.maxBodyBytes()).isEqualTo(1 << 20);
    assertThat(config.migrateOnStart()).isTrue();
  }

  /** The variables shared with the Lambda function, with the owners' standard defaults. */
  @Test
  void theStandardDefaults() {
    ServerConfig config = ServerConfig.fromEnvironment(env());

    assertThat(config.environment()).isEqualTo(Environment.DEVELOPMENT);
    assertThat(config.persistence().jdbcUrl()).isEqualTo(PersistenceConfig.DEFAULT_URL);
    assertThat(config.persistence().poolSize()).isEqualTo(10);
    assertThat(config.telegram().connectionPoolSize()).isEqualTo(64);
    assertThat(config.migrateOnStart()).isTrue();
    assertThat(config.redis()).isEmpty();
    assertThat(config.webhookSecret()).isEmpty();
    assertThat(config.maxBodyBytes()).isEqualTo(1 << 20);
  }

  @Test
  void setVariablesBeatTheStandardDefaults() {
    ServerConfig config =
        ServerConfig.fromEnvironment(
            env(
                "DATABASE_URL", "postgresql://gm:pw@db:5432/gmbot",
                "GMBOT_DB_POOL_SIZE", "6",
                "GMBOT_TELEGRAM_POOL_SIZE", "12",
                "GMBOT_MIGRATE_ON_START", "no"));

    assertThat(config.persistence().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/gmbot");
    assertThat(config.persistence().poolSize()).isEqualTo(6);
    assertThat(config.telegram().connectionPoolSize()).isEqualTo(12);
    assertThat(config.migrateOnStart()).isFalse();
  }

  @Test
  void readsTheEnvironmentRedisAndTheWebhookSecret() {
    ServerConfig config =
        ServerConfig.fromEnvironment(
            env(
                "ENVIRONMENT", "prod",
                "WEBHOOK_URL", "https://bot.example.org",
                "REDIS_URL", "rediss://:pw@cache.example:6380/2",
                "GMBOT_REDIS_KEY_PREFIX", "bot7:",
                "WEBHOOK_SECRET", "s3cret_-X",
                "GMBOT_MAX_BODY_BYTES", "4096"));

    assertThat(config.environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(config.redis().orElseThrow().keyPrefix()).isEqualTo("bot7:");
    assertThat(config.redis().orElseThrow().tls()).isTrue();
    assertThat(config.webhookSecret()).contains("s3cret_-X");
    assertThat(config.maxBodyBytes()).isEqualTo(4096);
  }

  @Test
  void invalidSharedValuesNameTheirVariableWithoutSecrets() {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(env("ENVIRONMENT", "staging")))
        .hasMessageStartingWith("ENVIRONMENT must be one of");
    assertThatThrownBy(
            () -> ServerConfig.fromEnvironment(env("DATABASE_URL", "mysql://u:hunter22@h/db")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("DATABASE_URL is not supported")
        .hasMessageNotContaining("hunter22");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(env("REDIS_URL", "redis://:secret@")))
        .hasMessageStartingWith("REDIS_URL is malformed")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(env("GMBOT_MIGRATE_ON_START", "maybe")))
        .hasMessageStartingWith("GMBOT_MIGRATE_ON_START must be true or false");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(env("GMBOT_MAX_BODY_BYTES", "10")))
        .hasMessageStartingWith("GMBOT_MAX_BODY_BYTES must be a whole number from 1024");
  }

  @Test
  void productionWithWebhookUrlSelectsWebhookModeAndAppendsThePath() {
    ServerConfig config =
        ServerConfig.fromEnvironment(
            env(
                "ENVIRONMENT", "production",
                "WEBHOOK_URL", "https://bot.example.org/",
                "WEBHOOK_SECRET", "s3cret_-X",
                "GMBOT_WEBHOOK_PATH", "/tg/hook"));

    assertThat(config.mode()).isEqualTo(ServerConfig.Mode.WEBHOOK);
    assertThat(config.webhookEndpoint()).contains(URI.create("https://bot.example.org/tg/hook"));
  }

  @Test
  void developmentWithWebhookUrlStillPolls() {
    ServerConfig config =
        ServerConfig.fromEnvironment(env("WEBHOOK_URL", "https://bot.example.org"));

    assertThat(config.mode()).isEqualTo(ServerConfig.Mode.POLLING);
  }

  @Test
  void missingTokenIsOneLineNamingTheVariable() {
    Map<String, String> env = env();
    env.remove("BOT_TOKEN");

    assertThatThrownBy(() -> ServerConfig.fromEnvironment(env))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("BOT_TOKEN is not set")
        .hasMessageNotContaining("\n");
  }

  @Test
  void malformedTokenIsRejectedWithoutEchoingIt() {
    String bad = "not-a-token-SECRETPART";

    assertThatThrownBy(() -> ServerConfig.fromEnvironment(env("BOT_TOKEN", bad)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("BOT_TOKEN is not a bot token")
        .hasMessageNotContaining("SECRETPART");
  }

  @Test
  void secretWithForbiddenCharactersIsRejected() {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(env("WEBHOOK_SECRET", "has space!")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("WEBHOOK_SECRET must be 1-256 characters")
        .hasMessageNotContaining("has space");
  }

  @Test
  void secretLongerThan256IsRejected() {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(env("WEBHOOK_SECRET", "a".repeat(257))))
        .hasMessageStartingWith("WEBHOOK_SECRET");
  }

  @Test
  void productionWithoutWebhookUrlIsRejected() {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(env("ENVIRONMENT", "production")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("WEBHOOK_URL is not set but ENVIRONMENT=production");
  }

  @Test
  void webhookModeNeedsASecret() {
    assertThatThrownBy(
            () ->
                ServerConfig.fromEnvironment(
                    env("ENVIRONMENT", "production", "WEBHOOK_URL", "https://x.example")))
        .hasMessageStartingWith("WEBHOOK_SECRET is not set");
  }

  @Test
  void nonNumericPortIsRejected() {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(env("PORT", "http")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("PORT must be a whole number from 0 to 65535, got 'http'");
  }

  @Test
  void unknownEnvironmentIsRejected() {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(env("ENVIRONMENT", "staging")))
        .hasMessage("ENVIRONMENT must be one of dev, development, prod, production, got 'staging'");
  }

  @Test
  void relativeOrQueryUrlsAreRejected() {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(env("WEBHOOK_URL", "bot.example")))
        .hasMessageStartingWith("WEBHOOK_URL must be an absolute http(s) URL");
    assertThatThrownBy(
            () -> ServerConfig.fromEnvironment(env("TELEGRAM_API_URL", "ftp://x.example")))
        .hasMessageStartingWith("TELEGRAM_API_URL must be an absolute http(s) URL");
  }

  @Test
  void webhookPathMustBeAPath() {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(env("GMBOT_WEBHOOK_PATH", "webhook")))
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
                "GMBOT_MESSAGES_PER_SECOND", "20"));

    assertThat(config.handlingDeadline()).isEqualTo(Duration.ofSeconds(7));
    assertThat(config.maxBodyBytes()).isEqualTo(4096);
    assertThat(config.migrateOnStart()).isFalse();
    assertThat(config.instanceId()).isEqualTo("node-a");
    assertThat(config.maxInFlight()).isEqualTo(16);
    assertThat(config.guard().scheduler().globalMessages().permits()).isEqualTo(20);
  }

  @Test
  void theGuardsTunablesAreReadAsInTheLambdaFunction() {
    ServerConfig config =
        ServerConfig.fromEnvironment(
            env(
                "GMBOT_CACHE_POSITIVE_TTL", "20m",
                "GMBOT_CACHE_NEGATIVE_TTL", "30s",
                "GMBOT_ADMIN_CACHE_TTL", "2h",
                "GMBOT_JOIN_WINDOW", "1m",
                "GMBOT_PROMPT_COOLDOWN", "4m",
                "GMBOT_PROMPT_EDIT_INTERVAL", "10s",
                "GMBOT_PROMPT_NAMES_SHOWN", "5",
                "GMBOT_MIGRATE_ON_START", "off"));

    var guard = config.guard();
    assertThat(guard.verification().positiveTtl()).isEqualTo(Duration.ofMinutes(20));
    assertThat(guard.verification().negativeTtl()).isEqualTo(Duration.ofSeconds(30));
    assertThat(guard.verification().administratorTtl()).isEqualTo(Duration.ofHours(2));
    assertThat(guard.protection().joinWindow()).isEqualTo(Duration.ofMinutes(1));
    assertThat(guard.protection().promptCooldown()).isEqualTo(Duration.ofMinutes(4));
    assertThat(guard.protection().promptEditInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(guard.protection().namesShown()).isEqualTo(5);
    assertThat(guard.scheduler().maxFloodRetries()).as("the server's default").isEqualTo(3);
    assertThat(config.migrateOnStart()).isFalse();
  }

  @Test
  void durationsTakeTheOneFormatAndBareNumbersAreSeconds() {
    ServerConfig config =
        ServerConfig.fromEnvironment(
            env("GMBOT_HANDLING_DEADLINE_SECONDS", "1500ms", "GMBOT_POLL_LEASE_SECONDS", "45"));

    assertThat(config.handlingDeadline()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.pollLease()).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void theAdaptersVariablesAreReadBeforeAnythingStarts() {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(env("GMBOT_TELEGRAM_POOL_SIZE", "many")))
        .isInstanceOf(ConfigurationException.class)
        .extracting(e -> ((ConfigurationException) e).variable())
        .isEqualTo("GMBOT_TELEGRAM_POOL_SIZE");
    assertThatThrownBy(
            () -> ServerConfig.fromEnvironment(env("DATABASE_URL", "postgresql://db.example")))
        .extracting(e -> ((ConfigurationException) e).variable())
        .isEqualTo("DATABASE_URL");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(env("REDIS_URL", "redis://:secret@")))
        .hasMessageNotContaining("secret")
        .extracting(e -> ((ConfigurationException) e).variable())
        .isEqualTo("REDIS_URL");
  }

  @Test
  void toStringHidesTokenAndSecret() {
    ServerConfig config = ServerConfig.fromEnvironment(env("WEBHOOK_SECRET", "topsecret"));

    assertThat(config.toString()).doesNotContain(TOKEN).doesNotContain("topsecret").contains("***");
  }
}
