package dev.gmbot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelegramClientConfigTest {
  @Test
  void defaultsFromTheEnvironment() {
    TelegramClientConfig config =
        TelegramClientConfig.fromEnvironment(Map.of("BOT_TOKEN", "1:abc"));
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
                "BOT_TOKEN", "1:abc",
                "TELEGRAM_API_URL", "http://127.0.0.1:8081",
                "GMBOT_TELEGRAM_POOL_SIZE", "8",
                "GMBOT_TELEGRAM_TIMEOUT_SECONDS", "3"));
    assertThat(config.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
    assertThat(config.connectionPoolSize()).isEqualTo(8);
    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void invalidConfigurationNamesTheVariable() {
    assertThatThrownBy(() -> TelegramClientConfig.fromEnvironment(Map.of()))
        .hasMessage("BOT_TOKEN is not set");
    assertThatThrownBy(
            () ->
                TelegramClientConfig.fromEnvironment(
                    Map.of("BOT_TOKEN", "1:abc", "TELEGRAM_API_URL", "ftp://x")))
        .hasMessageStartingWith("TELEGRAM_API_URL is invalid");
    assertThatThrownBy(
            () ->
                TelegramClientConfig.fromEnvironment(
                    Map.of("BOT_TOKEN", "1:abc", "GMBOT_TELEGRAM_POOL_SIZE", "0")))
        .hasMessageStartingWith("GMBOT_TELEGRAM_POOL_SIZE");
    assertThatThrownBy(
            () -> TelegramClientConfig.fromEnvironment(Map.of("BOT_TOKEN", "1:a/b-secret")))
        .hasMessageStartingWith("BOT_TOKEN is invalid")
        .hasMessageNotContaining("secret");
  }
}
