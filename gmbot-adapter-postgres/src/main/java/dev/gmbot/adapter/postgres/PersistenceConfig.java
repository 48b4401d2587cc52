package dev.gmbot.adapter.postgres;

import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.config.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the database is and how to pool connections to it.
 *
 * <p>{@code DATABASE_URL} accepts {@code postgresql://user:pass@host:5432/db} (also {@code
 * postgres://}, query parameters are passed to the driver), {@code jdbc:postgresql:...} and {@code
 * jdbc:h2:...}. Without it the database is an H2 file under {@code ./data}. H2 URLs get the
 * PostgreSQL compatibility settings the migrations need when they do not set them.
 *
 * @param jdbcUrl the JDBC URL handed to the driver
 * @param user the user, when not part of the URL
 * @param password the password, when not part of the URL
 * @param poolSize the HikariCP pool size (at least 2: Flyway needs a second connection)
 * @param connectionTimeout how long to wait for a connection (also at start-up)
 * @param schema the schema to use (created by the migration when missing); empty: the default
 */
public record PersistenceConfig(
    String jdbcUrl,
    Optional<String> user,
    Optional<String> password,
    int poolSize,
    Duration connectionTimeout,
    Optional<String> schema) {

  /** The default database: an H2 file under ./data, in PostgreSQL mode. */
  public static final String DEFAULT_URL =
      "jdbc:h2:file:./data/gmbot;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  public static final int DEFAULT_POOL_SIZE = 10;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final String EXPECTED =
      "expected postgresql://user:pass@host:5432/db, postgres://..., jdbc:postgresql:... or"
          + " jdbc:h2:...";
  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  public PersistenceConfig {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    Objects.requireNonNull(schema, "schema");
    if (poolSize < 2) {
      throw new IllegalArgumentException(
          "the pool size must be at least 2 (migrations need a second connection), got "
              + poolSize);
    }
    if (connectionTimeout.compareTo(Duration.ofMillis(250)) < 0) {
      throw new IllegalArgumentException(
          "the connection timeout must be at least 250 ms, got " + connectionTimeout);
    }
    schema.ifPresent(
        s -> {
          if (!SCHEMA_NAME.matcher(s).matches()) {
            throw new DatabaseConfigurationException(
                "the database schema must be a lower-case SQL identifier, got '" + s + "'");
          }
        });
  }

  /**
   * Reads {@code DATABASE_URL} (default: an H2 file under ./data), {@code DATABASE_USER}, {@code
   * DATABASE_PASSWORD} (both optional, for {@code jdbc:} URLs), {@code GMBOT_DB_POOL_SIZE} (default
   * 10) and {@code GMBOT_DB_TIMEOUT_SECONDS} (default 10 s).
   *
   * @throws ConfigurationException naming the variable that is wrong
   */
  public static PersistenceConfig fromEnvironment(Map<String, String> env) {
    return read(ConfigReader.of(env));
  }

  /** Like {@link #fromEnvironment}, from a reader. */
  public static PersistenceConfig read(ConfigReader env) {
    return read(env, DEFAULT_URL, DEFAULT_POOL_SIZE);
  }

  /**
   * Reads the database's variables.
   *
   * @param defaultUrl the database when {@code DATABASE_URL} is not set (a deployable's own
   *     default)
   * @param defaultPoolSize the pool size when {@code GMBOT_DB_POOL_SIZE} is not set
   * @throws ConfigurationException naming the variable that is wrong
   */
  public static PersistenceConfig read(ConfigReader env, String defaultUrl, int defaultPoolSize) {
    PersistenceConfig parsed =
        env.parsed("DATABASE_URL", PersistenceConfig::parse).orElseGet(() -> parse(defaultUrl));
    int pool = env.integer("GMBOT_DB_POOL_SIZE", defaultPoolSize, 2, 1_000);
    Duration timeout =
        env.duration(
            "GMBOT_DB_TIMEOUT_SECONDS",
            DEFAULT_TIMEOUT,
            Duration.ofSeconds(1),
            Duration.ofMinutes(5));
    Optional<String> user = env.text("DATABASE_USER").or(parsed::user);
    Optional<String> password = env.text("DATABASE_PASSWORD").or(parsed::password);
    return new PersistenceConfig(parsed.jdbcUrl(), user, password, pool, timeout, Optional.empty());
  }

  /**
   * Reads {@code GMBOT_MIGRATE_ON_START}: whether the deployable applies the migrations when it
   * starts ({@link Database#migrate()}).
   *
   * @param byDefault when it is not set (the server: true; the Lambda function: false, a migration
   *     function applies them once per deploy)
   * @throws ConfigurationException when it is not a flag
   */
  public static boolean readMigrateOnStart(ConfigReader env, boolean byDefault) {
    return env.flag("GMBOT_MIGRATE_ON_START", byDefault);
  }

  /**
   * Parses a {@code DATABASE_URL} value.
   *
   * @throws ConfigurationException naming {@code DATABASE_URL} when the form is not one of the
   *     accepted ones (the message never shows the password)
   */
  public static PersistenceConfig parse(String databaseUrl) {
    Objects.requireNonNull(databaseUrl, "databaseUrl");
    String url = databaseUrl.strip();
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
      return fromPostgresUri(url);
    }
    if (lower.startsWith("jdbc:postgresql:")) {
      return of(url, Optional.empty(), Optional.empty());
    }
    if (lower.startsWith("jdbc:h2:")) {
      return of(withH2Compatibility(url), Optional.empty(), Optional.empty());
    }
    throw invalidUrl("is not supported: " + EXPECTED + "; got '" + redact(url) + "'");
  }

  /** The same configuration with another pool size. */
  public PersistenceConfig withPoolSize(int size) {
    return new PersistenceConfig(jdbcUrl, user, password, size, connectionTimeout, schema);
  }

  /** The same configuration with another connection timeout. */
  public PersistenceConfig withConnectionTimeout(Duration timeout) {
    return new PersistenceConfig(jdbcUrl, user, password, poolSize, timeout, schema);
  }

  /** The same configuration using (and creating) the given schema. */
  public PersistenceConfig withSchema(String name) {
    return new PersistenceConfig(
        jdbcUrl, user, password, poolSize, connectionTimeout, Optional.of(name));
  }

  /** The same configuration with a user and password. */
  public PersistenceConfig withCredentials(String userName, Optional<String> secret) {
    return new PersistenceConfig(
        jdbcUrl, Optional.of(userName), secret, poolSize, connectionTimeout, schema);
  }

  /** True when this is an H2 database. */
  public boolean isH2() {
    return jdbcUrl.regionMatches(true, 0, "jdbc:h2:", 0, 8);
  }

  /** The URL with any password masked: safe for logs and messages. */
  public String redactedUrl() {
    return redact(jdbcUrl);
  }

  @Override
  public String toString() {
    return "PersistenceConfig[url="
        + redactedUrl()
        + ", user="
        + user.orElse("")
        + ", password="
        + (password.isPresent() ? "***" : "")
        + ", poolSize="
        + poolSize
        + ", connectionTimeout="
        + connectionTimeout
        + ", schema="
        + schema.orElse("")
        + "]";
  }

  private static PersistenceConfig of(
      String jdbcUrl, Optional<String> user, Optional<String> password) {
    return new PersistenceConfig(
        jdbcUrl, user, password, DEFAULT_POOL_SIZE, DEFAULT_TIMEOUT, Optional.empty());
  }

  private static PersistenceConfig fromPostgresUri(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw invalidUrl("is not a valid URL: " + EXPECTED + "; got '" + redact(url) + "'");
    }
    String host = uri.getHost();
    String path = uri.getRawPath();
    if (host == null || host.isBlank() || path == null || path.length() < 2) {
      throw invalidUrl(
          "needs a host and a database name: " + EXPECTED + "; got '" + redact(url) + "'");
    }
    int port = uri.getPort() == -1 ? 5432 : uri.getPort();
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      String rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
      user = nonBlank(decode(rawUser));
      if (colon >= 0) {
        password = Optional.of(decode(userInfo.substring(colon + 1)));
      }
    }
    String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    String jdbc = "jdbc:postgresql://" + hostPart + ":" + port + path;
    if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
      jdbc += "?" + uri.getRawQuery();
    }
    return of(jdbc, user, password);
  }

  private static String withH2Compatibility(String url) {
    String upper = url.toUpperCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(url);
    if (!upper.contains(";MODE=")) {
      out.append(";MODE=PostgreSQL");
    }
    if (!upper.contains(";DATABASE_TO_LOWER=")) {
      out.append(";DATABASE_TO_LOWER=TRUE");
    }
    if (!upper.contains(";DEFAULT_NULL_ORDERING=")) {
      out.append(";DEFAULT_NULL_ORDERING=HIGH");
    }
    return out.toString();
  }

  private static String decode(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static ConfigurationException invalidUrl(String problem) {
    return new ConfigurationException("DATABASE_URL", problem);
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** Masks the password in user-info ({@code user:pass@}) and in password= parameters. */
  static String redact(String url) {
    String masked = url.replaceAll("(?<=://)([^:/@?#]*):[^@/]*@", "$1:***@");
    return masked.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
