package dev.gmbot.adapter.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

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

  /**
   * Reads {@code BOT_TOKEN}, {@code TELEGRAM_API_URL}, {@code GMBOT_TELEGRAM_POOL_SIZE} and {@code
   * GMBOT_TELEGRAM_TIMEOUT_SECONDS} (all but the token optional).
   *
   * @throws IllegalArgumentException naming the variable that is missing or invalid
   */
  public static TelegramClientConfig fromEnvironment(Map<String, String> env) {
    String token = env.get("BOT_TOKEN");
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("BOT_TOKEN is not set");
    }
    TelegramClientConfig config;
    try {
      config = of(token.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("BOT_TOKEN is invalid: " + e.getMessage());
    }
    String url = env.get("TELEGRAM_API_URL");
    if (url != null && !url.isBlank()) {
      try {
        config = config.withBaseUrl(URI.create(url.strip()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("TELEGRAM_API_URL is invalid: " + e.getMessage());
      }
    }
    String pool = env.get("GMBOT_TELEGRAM_POOL_SIZE");
    if (pool != null && !pool.isBlank()) {
      config = config.withConnectionPoolSize(positiveInt("GMBOT_TELEGRAM_POOL_SIZE", pool));
    }
    String timeout = env.get("GMBOT_TELEGRAM_TIMEOUT_SECONDS");
    if (timeout != null && !timeout.isBlank()) {
      config =
          config.withTimeouts(
              Duration.ofSeconds(positiveInt("GMBOT_TELEGRAM_TIMEOUT_SECONDS", timeout)));
    }
    return config;
  }

  private static int positiveInt(String variable, String value) {
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed >= 1) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(variable + " must be a positive integer, got " + value);
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
