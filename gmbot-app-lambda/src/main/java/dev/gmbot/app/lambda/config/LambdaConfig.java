package dev.gmbot.app.lambda.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The function's configuration, read from the same environment variables as the server (DESIGN §5)
 * and validated at cold start. {@link #toString()} never shows the token or the secret.
 *
 * <p>This record checks what is particular to Lambda: {@code BOT_TOKEN} and {@code WEBHOOK_SECRET}
 * are required (the Function URL is public and the header is its only protection), {@code
 * ENVIRONMENT=production} requires {@code DATABASE_URL}, and the Lambda tunables {@code
 * GMBOT_MIGRATE_ON_START} (false; an embedded H2 database is always migrated), {@code
 * GMBOT_WEBHOOK_REPLY} (true) and {@code GMBOT_METRICS_NAMESPACE} (GMBot). The adapters read their
 * own variables ({@code DATABASE_URL}, {@code REDIS_URL}, {@code TELEGRAM_API_URL}, {@code
 * GMBOT_DB_POOL_SIZE}, …) from {@link #variables()}, the same way as in the server.
 */
public record LambdaConfig(
    String botToken,
    String webhookSecret,
    Environment environment,
    Optional<String> databaseUrl,
    Optional<String> redisUrl,
    boolean migrateOnStart,
    boolean webhookReply,
    String metricsNamespace,
    Map<String, String> variables) {

  /** {@code ENVIRONMENT}. */
  public enum Environment {
    DEVELOPMENT,
    PRODUCTION
  }

  private static final Pattern TOKEN = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{20,}");
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");

  public LambdaConfig {
    Objects.requireNonNull(botToken, "botToken");
    Objects.requireNonNull(webhookSecret, "webhookSecret");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(databaseUrl, "databaseUrl");
    Objects.requireNonNull(redisUrl, "redisUrl");
    Objects.requireNonNull(metricsNamespace, "metricsNamespace");
    variables = Map.copyOf(variables);
  }

  /**
   * Reads and validates the configuration.
   *
   * @throws ConfigurationException naming the first variable that is missing or invalid
   */
  public static LambdaConfig fromEnvironment(Map<String, String> env) {
    String token = required(env, "BOT_TOKEN");
    if (!TOKEN.matcher(token).matches()) {
      throw new ConfigurationException(
          "BOT_TOKEN", "is not a bot token (expected <digits>:<letters, digits, _ or ->)");
    }
    String secret = required(env, "WEBHOOK_SECRET");
    if (!SECRET.matcher(secret).matches()) {
      throw new ConfigurationException(
          "WEBHOOK_SECRET",
          "must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule for secret_token)");
    }
    Environment environment =
        switch (optional(env, "ENVIRONMENT").orElse("development").toLowerCase(Locale.ROOT)) {
          case "development" -> Environment.DEVELOPMENT;
          case "production" -> Environment.PRODUCTION;
          default ->
              throw new ConfigurationException("ENVIRONMENT", "must be development or production");
        };
    Optional<String> databaseUrl = optional(env, "DATABASE_URL");
    if (databaseUrl.isPresent()
        && !(databaseUrl.get().startsWith("jdbc:")
            || databaseUrl.get().startsWith("postgresql://")
            || databaseUrl.get().startsWith("postgres://"))) {
      throw new ConfigurationException(
          "DATABASE_URL", "must be postgresql://user:pass@host:5432/db or a jdbc: URL");
    }
    if (databaseUrl.isEmpty() && environment == Environment.PRODUCTION) {
      throw new ConfigurationException(
          "DATABASE_URL",
          "is required when ENVIRONMENT=production (an H2 database inside a Lambda container is"
              + " lost with the container)");
    }
    Optional<String> redisUrl = optional(env, "REDIS_URL");
    if (redisUrl.isPresent()
        && !(redisUrl.get().startsWith("redis://") || redisUrl.get().startsWith("rediss://"))) {
      throw new ConfigurationException("REDIS_URL", "must be redis://… or rediss://…");
    }
    httpUrl(env, "TELEGRAM_API_URL", "https://api.telegram.org");
    boolean migrate = bool(env, "GMBOT_MIGRATE_ON_START", false);
    boolean reply = bool(env, "GMBOT_WEBHOOK_REPLY", true);
    String namespace = optional(env, "GMBOT_METRICS_NAMESPACE").orElse("GMBot");
    Map<String, String> copy = new TreeMap<>();
    env.forEach(
        (k, v) -> {
          if (k != null && v != null) {
            copy.put(k, v);
          }
        });
    return new LambdaConfig(
        token, secret, environment, databaseUrl, redisUrl, migrate, reply, namespace, copy);
  }

  /** True when no DATABASE_URL is set: the embedded H2 database, migrated at every cold start. */
  public boolean embeddedDatabase() {
    return databaseUrl.isEmpty() || databaseUrl.get().startsWith("jdbc:h2:");
  }

  /** Reads a duration variable ({@code 500ms}, {@code 10s}, {@code 5m}, {@code PT10S}). */
  public Duration duration(String name, Duration fallback) {
    return duration(variables, name, fallback);
  }

  /** Reads an integer variable within bounds. */
  public int integer(String name, int fallback, int min, int max) {
    return integer(variables, name, fallback, min, max);
  }

  /** True when the variable is set to a non-blank value. */
  public boolean isSet(String name) {
    return optional(variables, name).isPresent();
  }

  @Override
  public String toString() {
    return "LambdaConfig[botToken=<redacted>, webhookSecret=<redacted>, environment="
        + environment
        + ", databaseUrl="
        + databaseUrl.map(LambdaConfig::withoutCredentials).orElse("<embedded H2>")
        + ", redisUrl="
        + redisUrl.map(LambdaConfig::withoutCredentials).orElse("<in-process>")
        + ", migrateOnStart="
        + migrateOnStart
        + ", webhookReply="
        + webhookReply
        + ", metricsNamespace="
        + metricsNamespace
        + "]";
  }

  /** {@code scheme://user:pass@host/...} becomes {@code scheme://***@host/...}. */
  static String withoutCredentials(String url) {
    int scheme = url.indexOf("://");
    int at = url.lastIndexOf('@');
    if (scheme >= 0 && at > scheme) {
      return url.substring(0, scheme + 3) + "***" + url.substring(at);
    }
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private static String required(Map<String, String> env, String name) {
    return optional(env, name)
        .orElseThrow(() -> new ConfigurationException(name, "is required and not set"));
  }

  private static Optional<String> optional(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static void httpUrl(Map<String, String> env, String name, String fallback) {
    String value = optional(env, name).orElse(fallback);
    try {
      java.net.URI uri = new java.net.URI(value);
      if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new ConfigurationException(name, "must be an http(s) URL such as " + fallback);
      }
    } catch (java.net.URISyntaxException e) {
      throw new ConfigurationException(name, "must be an http(s) URL such as " + fallback);
    }
  }

  private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
    Optional<String> value = optional(env, name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.get());
      if (n < min || n > max) {
        throw new ConfigurationException(name, "must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigurationException(name, "must be a whole number");
    }
  }

  private static boolean bool(Map<String, String> env, String name, boolean fallback) {
    return switch (optional(env, name).map(v -> v.toLowerCase(Locale.ROOT)).orElse("")) {
      case "" -> fallback;
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new ConfigurationException(name, "must be true or false");
    };
  }

  private static Duration duration(Map<String, String> env, String name, Duration fallback) {
    Optional<String> value = optional(env, name);
    if (value.isEmpty()) {
      return fallback;
    }
    String v = value.get().toLowerCase(Locale.ROOT);
    var m = DURATION.matcher(v);
    Duration d;
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d =
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
          };
    } else {
      try {
        d = Duration.parse(value.get().toUpperCase(Locale.ROOT));
      } catch (java.time.format.DateTimeParseException e) {
        throw new ConfigurationException(
            name, "must be a duration such as 500ms, 10s, 5m, 25h or PT10S");
      }
    }
    if (d.isNegative() || d.isZero()) {
      throw new ConfigurationException(name, "must be positive");
    }
    return d;
  }
}
