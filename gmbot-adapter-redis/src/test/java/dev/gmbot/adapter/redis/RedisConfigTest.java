package dev.gmbot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.config.ConfigurationException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedisConfigTest {
  @Test
  void parsesAPlainUrlWithDefaults() {
    RedisConfig c = RedisConfig.parse("redis://localhost:6379");

    assertThat(c.host()).isEqualTo("localhost");
    assertThat(c.port()).isEqualTo(6379);
    assertThat(c.database()).isZero();
    assertThat(c.tls()).isFalse();
    assertThat(c.password()).isEmpty();
    assertThat(c.keyPrefix()).isEqualTo("gmbot:");
    assertThat(c.commandTimeout()).isEqualTo(Duration.ofMillis(300));
    assertThat(c.expectedInstances()).isEqualTo(1);
  }

  @Test
  void parsesPasswordDatabaseAndTls() {
    RedisConfig c = RedisConfig.parse("rediss://:s%40cret@cache.example.com:6380/3");

    assertThat(c.host()).isEqualTo("cache.example.com");
    assertThat(c.port()).isEqualTo(6380);
    assertThat(c.database()).isEqualTo(3);
    assertThat(c.tls()).isTrue();
    assertThat(c.username()).isEmpty();
    assertThat(c.password()).contains("s@cret");
  }

  @Test
  void parsesAnAclUserAndTheDefaultPort() {
    RedisConfig c = RedisConfig.parse("redis://bot:pw@10.0.0.5");

    assertThat(c.username()).contains("bot");
    assertThat(c.password()).contains("pw");
    assertThat(c.port()).isEqualTo(6379);
  }

  @Test
  void neverPrintsThePassword() {
    RedisConfig c = RedisConfig.parse("redis://:hunter2@localhost:6379/1");

    assertThat(c.toString()).doesNotContain("hunter2").contains("redis://localhost:6379/1");
    assertThat(c.describe()).doesNotContain("hunter2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "localhost:6379",
        "http://localhost:6379",
        "redis://",
        "redis://localhost:6379/zero",
        "redis://localhost:99999",
        "redis://localhost:6379/0?timeout=1",
        "redis://:pw@local host:1"
      })
  void rejectsAMalformedUrlNamingTheVariable(String url) {
    assertThatThrownBy(() -> RedisConfig.parse(url))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("REDIS_URL is malformed")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw@"));
  }

  @Test
  void theEnvironmentWithoutRedisUrlMeansInProcess() {
    assertThat(RedisConfig.fromEnvironment(Map.of())).isEmpty();
    assertThat(RedisConfig.fromEnvironment(Map.of("REDIS_URL", " "))).isEmpty();
  }

  @Test
  void theEnvironmentOverridesTheDefaults() {
    Optional<RedisConfig> c =
        RedisConfig.fromEnvironment(
            Map.of(
                "REDIS_URL", "redis://redis:6379/2",
                "GMBOT_REDIS_KEY_PREFIX", "bot7:",
                "GMBOT_REDIS_COMMAND_TIMEOUT_MS", "250",
                "GMBOT_EXPECTED_INSTANCES", "4"));

    assertThat(c).isPresent();
    assertThat(c.get().host()).isEqualTo("redis");
    assertThat(c.get().database()).isEqualTo(2);
    assertThat(c.get().keyPrefix()).isEqualTo("bot7:");
    assertThat(c.get().commandTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(c.get().expectedInstances()).isEqualTo(4);
  }

  @Test
  void rejectsABadNumberNamingItsVariable() {
    assertThatThrownBy(
            () ->
                RedisConfig.fromEnvironment(
                    Map.of("REDIS_URL", "redis://x", "GMBOT_EXPECTED_INSTANCES", "0")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("GMBOT_EXPECTED_INSTANCES must be a whole number from 1 to 10000, got '0'");
    assertThatThrownBy(
            () ->
                RedisConfig.fromEnvironment(
                    Map.of("REDIS_URL", "redis://x", "GMBOT_REDIS_COMMAND_TIMEOUT_MS", "5")))
        .hasMessageStartingWith("GMBOT_REDIS_COMMAND_TIMEOUT_MS must be a duration from 10ms");
  }

  @Test
  void theCommandTimeoutTakesTheOneDurationFormat() {
    assertThat(
            RedisConfig.fromEnvironment(
                    Map.of("REDIS_URL", "redis://x", "GMBOT_REDIS_COMMAND_TIMEOUT_MS", "1s"))
                .orElseThrow()
                .commandTimeout())
        .isEqualTo(Duration.ofSeconds(1));
  }
}
