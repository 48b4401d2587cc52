package dev.gmbot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.config.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelegramClientConfigTest {
  private static final String TOKEN = "123456:abcdefghijklmnopqrstuvwxyz";

  @Test
  void defaultsFromTheEnvironment() {
    TelegramClientConfig config = TelegramClientConfig.fromEnvironment(Map.of("BOT_TOKEN", TOKEN));
    assertThat(config.baseUrl()).isEqualTo(URI.create("https://api.telegram.org"));
    assertThat(config.connectionPoolSize()).isEqualTo(64);
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.writeTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void overridesFromTheEnvironment() {
    TelegramClientConfig config =
        TelegramClientConfig.fromEnvironment(
            Map.of(
                "BOT_TOKEN", TOKEN,
                "TELEGRAM_API_URL", "http://127.0.0.1:8081",
                "GMBOT_TELEGRAM_POOL_SIZE", "8",
                "GMBOT_TELEGRAM_TIMEOUT_SECONDS", "3"));
    assertThat(config.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
    assertThat(config.connectionPoolSize()).isEqualTo(8);
    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void aDeployableMayHaveItsOwnDefaultPoolSizeButTheVariableWins() {
    assertThat(
            TelegramClientConfig.read(ConfigReader.of(Map.of("BOT_TOKEN", TOKEN)), 4)
                .connectionPoolSize())
        .isEqualTo(4);
    assertThat(
            TelegramClientConfig.read(
                    ConfigReader.of(Map.of("BOT_TOKEN", TOKEN, "GMBOT_TELEGRAM_POOL_SIZE", "9")), 4)
                .connectionPoolSize())
        .isEqualTo(9);
  }

  @Test
  void invalidConfigurationNamesTheVariable() {
    assertThatThrownBy(() -> TelegramClientConfig.fromEnvironment(Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("BOT_TOKEN is not set");
    assertThatThrownBy(
            () ->
                TelegramClientConfig.fromEnvironment(
                    Map.of("BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", "ftp://x")))
        .hasMessageStartingWith("TELEGRAM_API_URL must be an absolute http(s) URL");
    assertThatThrownBy(
            () ->
                TelegramClientConfig.fromEnvironment(
                    Map.of("BOT_TOKEN", TOKEN, "GMBOT_TELEGRAM_POOL_SIZE", "0")))
        .isInstanceOf(ConfigurationException.class)
        .extracting(e -> ((ConfigurationException) e).variable())
        .isEqualTo("GMBOT_TELEGRAM_POOL_SIZE");
    assertThatThrownBy(
            () ->
                TelegramClientConfig.fromEnvironment(
                    Map.of("BOT_TOKEN", TOKEN, "GMBOT_TELEGRAM_TIMEOUT_SECONDS", "0")))
        .hasMessageStartingWith("GMBOT_TELEGRAM_TIMEOUT_SECONDS must be a duration from 1s to 5m");
    assertThatThrownBy(
            () ->
                TelegramClientConfig.fromEnvironment(
                    Map.of("BOT_TOKEN", "1:a/b-secretsecretsecret")))
        .hasMessageStartingWith("BOT_TOKEN is not a bot token")
        .hasMessageNotContaining("secret");
  }
}
