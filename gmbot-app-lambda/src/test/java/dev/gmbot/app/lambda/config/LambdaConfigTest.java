package dev.gmbot.app.lambda.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaConfigTest {
  private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("BOT_TOKEN", TOKEN);
    env.put("WEBHOOK_SECRET", "s3cr3t-Token_for-tests");
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] == null) {
        env.remove(pairs[i]);
      } else {
        env.put(pairs[i], pairs[i + 1]);
      }
    }
    return env;
  }

  @Test
  void readsTheDefaults() {
    LambdaConfig config = LambdaConfig.fromEnvironment(env());

    assertThat(config.environment()).isEqualTo(LambdaConfig.Environment.DEVELOPMENT);
    assertThat(config.databaseUrl()).isEmpty();
    assertThat(config.embeddedDatabase()).isTrue();
    assertThat(config.redisUrl()).isEmpty();
    assertThat(config.migrateOnStart()).isFalse();
    assertThat(config.webhookReply()).isTrue();
    assertThat(config.metricsNamespace()).isEqualTo("GMBot");
    assertThat(config.environment()).isNotNull();
  }

  @Test
  void requiresTheWebhookSecretAndNamesIt() {
    assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("WEBHOOK_SECRET", null)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("WEBHOOK_SECRET: is required and not set");
  }

  @Test
  void rejectsASecretTelegramWouldRefuse() {
    assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("WEBHOOK_SECRET", "has space")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("WEBHOOK_SECRET: must be 1-256 characters")
        .hasMessageNotContaining("has space");
  }

  @Test
  void requiresTheTokenWithoutEchoingABadOne() {
    assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("BOT_TOKEN", null)))
        .hasMessage("BOT_TOKEN: is required and not set");
    assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("BOT_TOKEN", "123:short-secret")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("BOT_TOKEN:")
        .hasMessageNotContaining("short-secret");
  }

  @Test
  void requiresADatabaseInProduction() {
    assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("ENVIRONMENT", "production")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("DATABASE_URL: is required when ENVIRONMENT=production");
  }

  @Test
  void rejectsAnUnknownEnvironmentAndBadFlags() {
    assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("ENVIRONMENT", "staging")))
        .hasMessage("ENVIRONMENT: must be development or production");
    assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("GMBOT_WEBHOOK_REPLY", "maybe")))
        .hasMessage("GMBOT_WEBHOOK_REPLY: must be true or false");
    assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("TELEGRAM_API_URL", "ftp://x")))
        .hasMessageStartingWith("TELEGRAM_API_URL: must be an http(s) URL");
  }

  @Test
  void neverShowsTheTokenSecretOrPasswords() {
    LambdaConfig config =
        LambdaConfig.fromEnvironment(
            env(
                "DATABASE_URL", "postgresql://gmbot:hunter2@db.example:5432/gmbot",
                "REDIS_URL", "rediss://:redispass@cache.example:6379",
                "ENVIRONMENT", "production"));

    assertThat(config.toString())
        .doesNotContain(TOKEN)
        .doesNotContain("s3cr3t")
        .doesNotContain("hunter2")
        .doesNotContain("redispass")
        .contains("db.example")
        .contains("cache.example");
  }

  @Test
  void readsDurationsInSeveralForms() {
    LambdaConfig config =
        LambdaConfig.fromEnvironment(env("A", "500ms", "B", "10s", "C", "PT2M", "D", "25h"));

    assertThat(config.duration("A", Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
    assertThat(config.duration("B", Duration.ZERO)).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.duration("C", Duration.ZERO)).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.duration("D", Duration.ZERO)).isEqualTo(Duration.ofHours(25));
    assertThat(config.duration("E", Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("X", "soon")).duration("X", null))
        .hasMessageStartingWith("X: must be a duration");
  }
}
