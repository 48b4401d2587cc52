package dev.gmbot.adapter.telegram;

import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.config.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach the Bot API.
 *
 * @param token the bot token (never printed: {@link #toString()} masks it)
 * @param baseUrl the Bot API server, {@code https://api.telegram.org} or a self-hosted server or
 *     the simulator (http allowed)
 * @param connectionPoolSize idle connections kept open (default 64)
 * @param connectTimeout connect timeout (default 10 s)
 * @param readTimeout read timeout of ordinary calls (default 10 s); long polls add their poll
 *     timeout to it
 * @param writeTimeout write timeout (default 10 s)
 */
public record TelegramClientConfig(
    String token,
    URI baseUrl,
    int connectionPoolSize,
    Duration connectTimeout,
    Duration readTimeout,
    Duration writeTimeout) {

  public static final URI DEFAULT_BASE_URL = URI.create("https://api.telegram.org");
  public static final int DEFAULT_POOL_SIZE = 64;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public TelegramClientConfig {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("the bot token is empty");
    }
    if (token.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '?')) {
      // The message must not echo the token.
      throw new IllegalArgumentException("the bot token contains whitespace, '/' or '?'");
    }
    Objects.requireNonNull(baseUrl, "baseUrl");
    String scheme = baseUrl.getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme) || baseUrl.getHost() == null) {
      throw new IllegalArgumentException(
          "the Bot API URL must be http(s)://host[:port]: " + baseUrl);
    }
    if (connectionPoolSize < 1) {
      throw new IllegalArgumentException("the connection pool size must be at least 1");
    }
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(readTimeout, "readTimeout");
    requirePositive(writeTimeout, "writeTimeout");
  }

  /** The defaults: api.telegram.org, 64 pooled connections, 10 s timeouts. */
  public static TelegramClientConfig of(String token) {
    return new TelegramClientConfig(
        token,
        DEFAULT_BASE_URL,
        DEFAULT_POOL_SIZE,
        DEFAULT_TIMEOUT,
        DEFAULT_TIMEOUT,
        DEFAULT_TIMEOUT);
  }

  public TelegramClientConfig withBaseUrl(URI url) {
    return new TelegramClientConfig(
        token, url, connectionPoolSize, connectTimeout, readTimeout, writeTimeout);
  }

  public TelegramClientConfig withTimeouts(Duration timeout) {
    return new TelegramClientConfig(token, baseUrl, connectionPoolSize, timeout, timeout, timeout);
  }

  public TelegramClientConfig withConnectionPoolSize(int size) {
    return new TelegramClientConfig(
        token, baseUrl, size, connectTimeout, readTimeout, writeTimeout);
  }

  /** What a bot token looks like: {@code <bot id>:<secret>}. */
  private static final Pattern TOKEN = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{20,}");

  /**
   * Reads {@code BOT_TOKEN} (required), {@code TELEGRAM_API_URL}, {@code GMBOT_TELEGRAM_POOL_SIZE}
   * and {@code GMBOT_TELEGRAM_TIMEOUT_SECONDS}.
   *
   * @throws ConfigurationException naming the variable that is missing or invalid
   */
  public static TelegramClientConfig fromEnvironment(Map<String, String> env) {
    return read(ConfigReader.of(env));
  }

  /** Like {@link #fromEnvironment}, with the default pool size of 64. */
  public static TelegramClientConfig read(ConfigReader env) {
    return read(env, DEFAULT_POOL_SIZE);
  }

  /**
   * Reads the client's variables.
   *
   * @param defaultPoolSize the pool size when {@code GMBOT_TELEGRAM_POOL_SIZE} is not set (a
   *     deployable's own default)
   * @throws ConfigurationException naming the variable that is missing or invalid
   */
  public static TelegramClientConfig read(ConfigReader env, int defaultPoolSize) {
    // The messages never echo the token: it may be a real one with a typo.
    String token =
        env.secret(
                "BOT_TOKEN",
                TOKEN,
                "is not a bot token (expected <digits>:<at least 20 letters, digits, _ or ->)")
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "BOT_TOKEN", "is not set (expected the token from @BotFather)"));
    Duration timeout =
        env.duration(
            "GMBOT_TELEGRAM_TIMEOUT_SECONDS",
            DEFAULT_TIMEOUT,
            Duration.ofSeconds(1),
            Duration.ofMinutes(5));
    return new TelegramClientConfig(
        token,
        env.httpUrl("TELEGRAM_API_URL", DEFAULT_BASE_URL),
        env.integer("GMBOT_TELEGRAM_POOL_SIZE", defaultPoolSize, 1, 1_000),
        timeout,
        timeout,
        timeout);
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  @Override
  public String toString() {
    return "TelegramClientConfig[token=<redacted>, baseUrl="
        + baseUrl
        + ", connectionPoolSize="
        + connectionPoolSize
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", writeTimeout="
        + writeTimeout
        + "]";
  }
}
