package dev.gmbot.app.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.adapter.postgres.PersistenceConfig;
import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.config.ConfigurationException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedSettingsTest {
  private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

  private static SharedSettings read(Defaults defaults, String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("BOT_TOKEN", TOKEN);
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return SharedSettings.read(ConfigReader.of(env), defaults);
  }

  @Test
  void theStandardDefaults() {
    SharedSettings settings = read(Defaults.STANDARD);

    assertThat(settings.environment()).isEqualTo(Environment.DEVELOPMENT);
    assertThat(settings.persistence().jdbcUrl()).isEqualTo(PersistenceConfig.DEFAULT_URL);
    assertThat(settings.persistence().poolSize()).isEqualTo(10);
    assertThat(settings.telegram().connectionPoolSize()).isEqualTo(64);
    assertThat(settings.migrateOnStart()).isTrue();
    assertThat(settings.redis()).isEmpty();
    assertThat(settings.webhookSecret()).isEmpty();
    assertThat(settings.maxBodyBytes()).isEqualTo(1 << 20);
  }

  @Test
  void aDeployablesOwnDefaultsApplyOnlyToUnsetVariables() {
    Defaults small =
        Defaults.STANDARD
            .withDatabaseUrl("jdbc:h2:mem:x")
            .withDatabasePoolSize(2)
            .withTelegramPoolSize(4)
            .withMigrateOnStart(false);

    SharedSettings defaults = read(small);
    SharedSettings set =
        read(
            small,
            "DATABASE_URL",
            "postgresql://gm:pw@db:5432/gmbot",
            "GMBOT_DB_POOL_SIZE",
            "6",
            "GMBOT_TELEGRAM_POOL_SIZE",
            "12",
            "GMBOT_MIGRATE_ON_START",
            "on");

    assertThat(defaults.persistence().jdbcUrl()).startsWith("jdbc:h2:mem:x");
    assertThat(defaults.persistence().poolSize()).isEqualTo(2);
    assertThat(defaults.telegram().connectionPoolSize()).isEqualTo(4);
    assertThat(defaults.migrateOnStart()).isFalse();
    assertThat(set.persistence().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/gmbot");
    assertThat(set.persistence().poolSize()).isEqualTo(6);
    assertThat(set.telegram().connectionPoolSize()).isEqualTo(12);
    assertThat(set.migrateOnStart()).isTrue();
  }

  @Test
  void readsTheEnvironmentRedisAndTheWebhookSecret() {
    SharedSettings settings =
        read(
            Defaults.STANDARD,
            "ENVIRONMENT",
            "prod",
            "REDIS_URL",
            "rediss://:pw@cache.example:6380/2",
            "GMBOT_REDIS_KEY_PREFIX",
            "bot7:",
            "WEBHOOK_SECRET",
            "s3cret_-X",
            "GMBOT_MAX_BODY_BYTES",
            "4096");

    assertThat(settings.environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(settings.redis().orElseThrow().keyPrefix()).isEqualTo("bot7:");
    assertThat(settings.redis().orElseThrow().tls()).isTrue();
    assertThat(settings.webhookSecret()).contains("s3cret_-X");
    assertThat(settings.maxBodyBytes()).isEqualTo(4096);
  }

  @Test
  void invalidValuesNameTheirVariableWithoutSecrets() {
    assertThatThrownBy(() -> read(Defaults.STANDARD, "ENVIRONMENT", "staging"))
        .hasMessageStartingWith("ENVIRONMENT must be one of");
    assertThatThrownBy(() -> read(Defaults.STANDARD, "DATABASE_URL", "mysql://u:hunter22@h/db"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("DATABASE_URL is not supported")
        .hasMessageNotContaining("hunter22");
    assertThatThrownBy(() -> read(Defaults.STANDARD, "REDIS_URL", "redis://:secret@"))
        .hasMessageStartingWith("REDIS_URL is malformed")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> read(Defaults.STANDARD, "GMBOT_MIGRATE_ON_START", "maybe"))
        .hasMessageStartingWith("GMBOT_MIGRATE_ON_START must be true or false");
    assertThatThrownBy(() -> read(Defaults.STANDARD, "GMBOT_MAX_BODY_BYTES", "10"))
        .hasMessageStartingWith("GMBOT_MAX_BODY_BYTES must be a whole number from 1024");
  }

  @Test
  void aMissingSecretIsExplainedByWhatNeedsIt() {
    assertThatThrownBy(
            () -> read(Defaults.STANDARD).requireWebhookSecret("the Function URL is public"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("WEBHOOK_SECRET is not set but the Function URL is public");
  }
}
