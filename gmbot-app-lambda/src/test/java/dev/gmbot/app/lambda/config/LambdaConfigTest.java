package dev.gmbot.app.lambda.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.config.ConfigurationException;
import dev.gmbot.port.config.Environment;
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

    assertThat(config.environment()).isEqualTo(Environment.DEVELOPMENT);
    assertThat(config.persistence().jdbcUrl()).startsWith("jdbc:h2:mem:gmbot");
    assertThat(config.embeddedDatabase()).isTrue();
    assertThat(config.redis()).isEmpty();
    assertThat(config.migrateOnStart()).isFalse();
    assertThat(config.webhookReply()).isTrue();
    assertThat(config.metricsNamespace()).isEqualTo("GMBot");
  }

  @Test
  void theLambdaDefaultsApplyOnlyToUnsetVariables() {
    LambdaConfig config = LambdaConfig.fromEnvironment(env());

    assertThat(config.persistence().jdbcUrl()).startsWith(LambdaConfig.EMBEDDED_DATABASE_URL);
    assertThat(config.persistence().poolSize()).isEqualTo(2);
    assertThat(config.telegram().connectionPoolSize()).isEqualTo(4);
    assertThat(config.guard().scheduler().maxFloodRetries()).isZero();
    LambdaConfig set =
        LambdaConfig.fromEnvironment(
            env(
                "DATABASE_URL", "postgresql://gm:pw@db:5432/gmbot",
                "GMBOT_DB_POOL_SIZE", "3",
                "GMBOT_TELEGRAM_POOL_SIZE", "6",
                "GMBOT_FLOOD_RETRIES", "1",
                "GMBOT_MIGRATE_ON_START", "yes"));
    assertThat(set.persistence().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/gmbot");
    assertThat(set.embeddedDatabase()).isFalse();
    assertThat(set.persistence().poolSize()).isEqualTo(3);
    assertThat(set.telegram().connectionPoolSize()).isEqualTo(6);
    assertThat(set.guard().scheduler().maxFloodRetries()).isEqualTo(1);
    assertThat(set.migrateOnStart()).isTrue();
  }

  @Test
  void requiresTheWebhookSecretAndNamesIt() {
    assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("WEBHOOK_SECRET", null)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("WEBHOOK_SECRET is not set but the Function URL is public");
  }

  @Test
  void rejectsASecretTelegramWouldRefuse() {
    assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("WEBHOOK_SECRET", "has space")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("WEBHOOK_SECRET must be 1-256 characters")
        .hasMessageNotContaining("has space");
  }

  @Test
  void requiresTheTokenWithoutEchoingABadOne() {
    assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("BOT_TOKEN", null)))
        .hasMessageStartingWith("BOT_TOKEN is not set");
    assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("BOT_TOKEN", "123:short-secret")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("BOT_TOKEN is not a bot token")
        .hasMessageNotContaining("short-secret");
  }

  @Test
  void requiresADatabaseInProduction() {
    assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("ENVIRONMENT", "production")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("DATABASE_URL is not set but ENVIRONMENT=production");
  }

  @Test
  void rejectsAnUnknownEnvironmentAndBadFlags() {
    assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("ENVIRONMENT", "staging")))
        .hasMessage("ENVIRONMENT must be one of dev, development, prod, production, got 'staging'");
    assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("GMBOT_WEBHOOK_REPLY", "maybe")))
        .hasMessage(
            "GMBOT_WEBHOOK_REPLY must be true or false (or on/off, yes/no, 1/0), got 'maybe'");
    assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("TELEGRAM_API_URL", "ftp://x")))
        .hasMessageStartingWith("TELEGRAM_API_URL must be an absolute http(s) URL");
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
  void flagsAcceptOnAndOffAsTheServerDoes() {
    assertThat(LambdaConfig.fromEnvironment(env("GMBOT_WEBHOOK_REPLY", "off")).webhookReply())
        .isFalse();
    assertThat(LambdaConfig.fromEnvironment(env("GMBOT_WEBHOOK_REPLY", "on")).webhookReply())
        .isTrue();
  }

  @Test
  void theGuardsDurationsTakeTheOneFormat() {
    LambdaConfig config =
        LambdaConfig.fromEnvironment(
            env(
                "GMBOT_CACHE_POSITIVE_TTL", "500ms",
                "GMBOT_CACHE_NEGATIVE_TTL", "10s",
                "GMBOT_ADMIN_CACHE_TTL", "PT2M",
                "GMBOT_JOIN_WINDOW", "90"));

    var guard = config.guard();
    assertThat(guard.verification().positiveTtl()).isEqualTo(Duration.ofMillis(500));
    assertThat(guard.verification().negativeTtl()).isEqualTo(Duration.ofSeconds(10));
    assertThat(guard.verification().administratorTtl()).isEqualTo(Duration.ofMinutes(2));
    assertThat(guard.protection().joinWindow()).isEqualTo(Duration.ofSeconds(90));
    assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("GMBOT_JOIN_WINDOW", "soon")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("GMBOT_JOIN_WINDOW must be a duration");
  }
}
