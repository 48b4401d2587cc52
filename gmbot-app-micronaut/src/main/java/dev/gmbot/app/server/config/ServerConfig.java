package dev.gmbot.app.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server's configuration, read from the environment variables of DESIGN §5 and validated before
 * anything starts. Each problem is one {@link ConfigurationException} naming the variable. {@link
 * #toString()} never shows the token or the secret.
 *
 * <p>This record checks what the server itself uses. The adapters parse their own variables ({@code
 * DATABASE_URL}, {@code REDIS_URL}, pool sizes, timeouts) from {@link #variables()}; the wiring
 * turns their errors into {@link ConfigurationException}s too, before start-up.
 *
 * @param botToken {@code BOT_TOKEN}; empty only in the sandbox
 * @param environment {@code ENVIRONMENT}
 * @param port {@code PORT} (default 8443)
 * @param telegramApiUrl {@code TELEGRAM_API_URL} (default https://api.telegram.org)
 * @param webhookUrl {@code WEBHOOK_URL}: the public base URL; the webhook path is appended
 * @param webhookSecret {@code WEBHOOK_SECRET}; required in webhook mode
 * @param webhookPath {@code GMBOT_WEBHOOK_PATH} (default /webhook)
 * @param maxBodyBytes {@code GMBOT_MAX_BODY_BYTES} (default 1 MiB): larger webhook bodies get 413
 * @param handlingDeadline {@code GMBOT_HANDLING_DEADLINE_SECONDS} (default 25): an update not
 *     handled by then is answered 503 so that Telegram redelivers it
 * @param shutdownGrace {@code GMBOT_SHUTDOWN_GRACE_SECONDS} (default 20): how long shutdown waits
 *     for updates in flight
 * @param healthCacheTtl {@code GMBOT_HEALTH_CACHE_SECONDS} (default 15): how long the Telegram
 *     probe of /health is reused
 * @param pollLease {@code GMBOT_POLL_LEASE_SECONDS} (default 30): the long-poller lease, renewed
 *     every third of it
 * @param promptSweepInterval {@code GMBOT_PROMPT_SWEEP_SECONDS} (default 30)
 * @param instanceId {@code GMBOT_INSTANCE_ID} (default host name + pid): the lease holder's name
 * @param migrateOnStart {@code GMBOT_MIGRATE_ON_START} (default true): apply Flyway migrations at
 *     start-up
 * @param maxInFlight {@code GMBOT_MAX_IN_FLIGHT} (default 64): Bot API calls running at once (the
 *     scheduler's pool)
 * @param messagesPerSecond {@code GMBOT_MESSAGES_PER_SECOND} (default 25): the bot's global message
 *     budget (Telegram allows about 30/s)
 * @param variables every variable, for the adapters
 */
public record ServerConfig(
    Optional<String> botToken,
    Environment environment,
    int port,
    URI telegramApiUrl,
    Optional<URI> webhookUrl,
    Optional<String> webhookSecret,
    String webhookPath,
    int maxBodyBytes,
    Duration handlingDeadline,
    Duration shutdownGrace,
    Duration healthCacheTtl,
    Duration pollLease,
    Duration promptSweepInterval,
    String instanceId,
    boolean migrateOnStart,
    int maxInFlight,
    int messagesPerSecond,
    Map<String, String> variables) {

  /** {@code ENVIRONMENT}. */
  public enum Environment {
    DEVELOPMENT,
    PRODUCTION
  }

  /** How updates arrive. */
  public enum Mode {
    WEBHOOK,
    POLLING
  }

  public static final int DEFAULT_PORT = 8443;
  public static final URI DEFAULT_TELEGRAM_API_URL = URI.create("https://api.telegram.org");

  private static final Pattern TOKEN = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{20,}");
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
  private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9_.-]+)+");

  public ServerConfig {
    Objects.requireNonNull(botToken, "botToken");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(telegramApiUrl, "telegramApiUrl");
    Objects.requireNonNull(webhookUrl, "webhookUrl");
    Objects.requireNonNull(webhookSecret, "webhookSecret");
    Objects.requireNonNull(webhookPath, "webhookPath");
    Objects.requireNonNull(instanceId, "instanceId");
    variables = Map.copyOf(variables);
  }

  /**
   * Reads and validates the server's configuration.
   *
   * @param sandbox true for the sandbox, where {@code BOT_TOKEN} is not needed
   * @throws ConfigurationException naming the first variable that is missing or invalid
   */
  public static ServerConfig fromEnvironment(Map<String, String> env, boolean sandbox) {
    Optional<String> token = optional(env, "BOT_TOKEN");
    if (token.isEmpty() && !sandbox) {
      throw new ConfigurationException(
          "BOT_TOKEN", "is not set (expected the token from @BotFather, <digits>:<secret>)");
    }
    if (token.isPresent() && !TOKEN.matcher(token.get()).matches()) {
      // Never echo the value: it may be a real token with a typo.
      throw new ConfigurationException(
          "BOT_TOKEN",
          "is not a bot token (expected <digits>:<at least 20 letters, digits, _ or ->)");
    }
    Environment environment =
        switch (optional(env, "ENVIRONMENT").orElse("development").toLowerCase(Locale.ROOT)) {
          case "development", "dev" -> Environment.DEVELOPMENT;
          case "production", "prod" -> Environment.PRODUCTION;
          default ->
              throw new ConfigurationException(
                  "ENVIRONMENT",
                  "must be development or production, got '" + env.get("ENVIRONMENT") + "'");
        };
    int port = intVar(env, "PORT", DEFAULT_PORT, 0, 65_535);
    URI apiUrl =
        optional(env, "TELEGRAM_API_URL")
            .map(v -> httpUrl("TELEGRAM_API_URL", v))
            .orElse(DEFAULT_TELEGRAM_API_URL);
    Optional<URI> webhookUrl = optional(env, "WEBHOOK_URL").map(v -> httpUrl("WEBHOOK_URL", v));
    Optional<String> secret = optional(env, "WEBHOOK_SECRET");
    if (secret.isPresent() && !SECRET.matcher(secret.get()).matches()) {
      throw new ConfigurationException(
          "WEBHOOK_SECRET",
          "must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule for secret_token)");
    }
    if (environment == Environment.PRODUCTION && webhookUrl.isEmpty() && !sandbox) {
      throw new ConfigurationException(
          "WEBHOOK_URL",
          "is not set but ENVIRONMENT=production (expected the public https base URL of this"
              + " server; or set ENVIRONMENT=development for long polling)");
    }
    if (environment == Environment.PRODUCTION && webhookUrl.isPresent() && secret.isEmpty()) {
      throw new ConfigurationException(
          "WEBHOOK_SECRET",
          "is not set but the server runs in webhook mode (expected 1-256 characters of A-Z,"
              + " a-z, 0-9, _ and -; Telegram sends it with every update)");
    }
    String path = optional(env, "GMBOT_WEBHOOK_PATH").orElse("/webhook");
    if (!PATH.matcher(path).matches()) {
      throw new ConfigurationException(
          "GMBOT_WEBHOOK_PATH",
          "must be a path like /webhook (segments of A-Z, a-z, 0-9, _, . and -), got '"
              + path
              + "'");
    }
    return new ServerConfig(
        token,
        environment,
        port,
        apiUrl,
        webhookUrl,
        secret,
        path,
        intVar(env, "GMBOT_MAX_BODY_BYTES", 1 << 20, 1024, 64 << 20),
        seconds(env, "GMBOT_HANDLING_DEADLINE_SECONDS", 25, 1, 600),
        seconds(env, "GMBOT_SHUTDOWN_GRACE_SECONDS", 20, 0, 600),
        seconds(env, "GMBOT_HEALTH_CACHE_SECONDS", 15, 0, 3600),
        seconds(env, "GMBOT_POLL_LEASE_SECONDS", 30, 3, 3600),
        seconds(env, "GMBOT_PROMPT_SWEEP_SECONDS", 30, 1, 3600),
        optional(env, "GMBOT_INSTANCE_ID").orElseGet(ServerConfig::defaultInstanceId),
        bool(env, "GMBOT_MIGRATE_ON_START", true),
        intVar(env, "GMBOT_MAX_IN_FLIGHT", 64, 4, 10_000),
        intVar(env, "GMBOT_MESSAGES_PER_SECOND", 25, 1, 1_000),
        env);
  }

  /** Webhook in production with {@code WEBHOOK_URL}; long polling otherwise (PLAN §8). */
  public Mode mode() {
    return environment == Environment.PRODUCTION && webhookUrl.isPresent()
        ? Mode.WEBHOOK
        : Mode.POLLING;
  }

  /** The URL given to setWebhook: {@code WEBHOOK_URL} + the webhook path. */
  public Optional<URI> webhookEndpoint() {
    return webhookUrl.map(
        base -> {
          String text = base.toString();
          String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
          return URI.create(trimmed + webhookPath);
        });
  }

  /** The same configuration with another port (tests and the sandbox bind port 0). */
  public ServerConfig withPort(int newPort) {
    return new ServerConfig(
        botToken,
        environment,
        newPort,
        telegramApiUrl,
        webhookUrl,
        webhookSecret,
        webhookPath,
        maxBodyBytes,
        handlingDeadline,
        shutdownGrace,
        healthCacheTtl,
        pollLease,
        promptSweepInterval,
        instanceId,
        migrateOnStart,
        maxInFlight,
        messagesPerSecond,
        variables);
  }

  @Override
  public String toString() {
    return "ServerConfig[environment="
        + environment
        + ", mode="
        + mode()
        + ", port="
        + port
        + ", telegramApiUrl="
        + telegramApiUrl
        + ", webhookUrl="
        + webhookUrl.map(URI::toString).orElse("-")
        + ", webhookPath="
        + webhookPath
        + ", botToken="
        + (botToken.isPresent() ? "***" : "-")
        + ", webhookSecret="
        + (webhookSecret.isPresent() ? "***" : "-")
        + ", instanceId="
        + instanceId
        + "]";
  }

  private static Optional<String> optional(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static int intVar(Map<String, String> env, String name, int fallback, int min, int max) {
    Optional<String> value = optional(env, name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.get());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigurationException(
        name, "must be a whole number from " + min + " to " + max + ", got '" + value.get() + "'");
  }

  private static boolean bool(Map<String, String> env, String name, boolean fallback) {
    Optional<String> value = optional(env, name);
    if (value.isEmpty()) {
      return fallback;
    }
    return switch (value.get().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default ->
          throw new ConfigurationException(
              name, "must be true or false, got '" + value.get() + "'");
    };
  }

  private static Duration seconds(
      Map<String, String> env, String name, int fallback, int min, int max) {
    return Duration.ofSeconds(intVar(env, name, fallback, min, max));
  }

  private static URI httpUrl(String name, String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http"))
          && uri.getHost() != null
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null
          && uri.getRawUserInfo() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new ConfigurationException(
        name,
        "must be an absolute http(s) URL without query, e.g. https://example.org, got '"
            + value
            + "'");
  }

  private static String defaultInstanceId() {
    String host = System.getenv().getOrDefault("HOSTNAME", "");
    if (host.isBlank()) {
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.io.IOException e) {
        host = "gmbot";
      }
    }
    return host + "-" + ProcessHandle.current().pid();
  }
}
