package dev.gmbot.adapter.redis;

import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.config.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the shared state lives and how patiently to talk to it.
 *
 * @param host Redis host
 * @param port Redis port (default 6379)
 * @param password the password, if any (never printed by {@link #toString()})
 * @param username the ACL user, if any
 * @param database the database index (default 0)
 * @param tls true for {@code rediss://}
 * @param keyPrefix prepended to every key (default {@code gmbot:}); lets tests and several bots
 *     share one Redis
 * @param commandTimeout how long one command may take before the caller falls back (default 300
 *     ms); short, so a dead Redis never stalls update handling
 * @param connectTimeout how long one connection attempt may take (default 500 ms)
 * @param reconnectDelay the longest pause between reconnection attempts (default 1 s)
 * @param expectedInstances how many instances share one bot; while Redis is down each instance
 *     meters with each rate's permits divided by this (at least 1)
 */
public record RedisConfig(
    String host,
    int port,
    Optional<String> username,
    Optional<String> password,
    int database,
    boolean tls,
    String keyPrefix,
    Duration commandTimeout,
    Duration connectTimeout,
    Duration reconnectDelay,
    int expectedInstances) {

  public static final String ENV_URL = "REDIS_URL";
  public static final String ENV_KEY_PREFIX = "GMBOT_REDIS_KEY_PREFIX";
  public static final String ENV_COMMAND_TIMEOUT_MS = "GMBOT_REDIS_COMMAND_TIMEOUT_MS";
  public static final String ENV_EXPECTED_INSTANCES = "GMBOT_EXPECTED_INSTANCES";

  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(300);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(500);
  public static final Duration DEFAULT_RECONNECT_DELAY = Duration.ofSeconds(1);

  public RedisConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    requirePositive(commandTimeout, "commandTimeout");
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(reconnectDelay, "reconnectDelay");
    if (host.isBlank()) {
      throw new IllegalArgumentException("a Redis host is needed");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("a Redis port is between 1 and 65535, got " + port);
    }
    if (database < 0) {
      throw new IllegalArgumentException("a Redis database index is not negative");
    }
    if (expectedInstances < 1) {
      throw new IllegalArgumentException("at least one instance is expected");
    }
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  /**
   * Parses {@code redis://[[user]:password@]host[:port][/db]} or {@code rediss://…} (TLS), with the
   * defaults for everything else.
   *
   * @throws ConfigurationException naming REDIS_URL (never echoing a password) when malformed
   */
  public static RedisConfig parse(String url) {
    if (url == null || url.isBlank()) {
      throw invalid("it is empty");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw invalid("it is not a URL");
    }
    String scheme = uri.getScheme();
    boolean tls;
    if ("redis".equalsIgnoreCase(scheme)) {
      tls = false;
    } else if ("rediss".equalsIgnoreCase(scheme)) {
      tls = true;
    } else {
      throw invalid("the scheme must be redis:// or rediss://");
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw invalid("it names no host (expected redis://host:port)");
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() == -1 ? 6379 : uri.getPort();
    if (port < 1 || port > 65535) {
      throw invalid("the port must be between 1 and 65535");
    }
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      String u = colon < 0 ? "" : decode(userInfo.substring(0, colon));
      String p = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
      user = u.isEmpty() ? Optional.empty() : Optional.of(u);
      password = p.isEmpty() ? Optional.empty() : Optional.of(p);
    }
    int db = 0;
    String path = uri.getPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      try {
        db = Integer.parseInt(path.substring(1));
      } catch (NumberFormatException e) {
        throw invalid("the path must be a database index such as /0");
      }
      if (db < 0) {
        throw invalid("the database index must not be negative");
      }
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalid("query parameters and fragments are not supported");
    }
    return new RedisConfig(
        host,
        port,
        user,
        password,
        db,
        tls,
        "gmbot:",
        DEFAULT_COMMAND_TIMEOUT,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_RECONNECT_DELAY,
        1);
  }

  /**
   * The configuration named by the environment: empty without {@code REDIS_URL} (one instance, in
   * process); {@code GMBOT_REDIS_KEY_PREFIX}, {@code GMBOT_REDIS_COMMAND_TIMEOUT_MS} and {@code
   * GMBOT_EXPECTED_INSTANCES} override the defaults.
   *
   * @throws ConfigurationException naming the variable that is malformed
   */
  public static Optional<RedisConfig> fromEnvironment(Map<String, String> env) {
    return read(ConfigReader.of(env));
  }

  /** Like {@link #fromEnvironment}, from a reader. */
  public static Optional<RedisConfig> read(ConfigReader env) {
    Optional<RedisConfig> parsed = env.parsed(ENV_URL, RedisConfig::parse);
    String prefix = env.text(ENV_KEY_PREFIX, "gmbot:");
    Duration timeout =
        env.duration(
            ENV_COMMAND_TIMEOUT_MS,
            DEFAULT_COMMAND_TIMEOUT,
            Duration.ofMillis(10),
            Duration.ofSeconds(60));
    int instances = env.integer(ENV_EXPECTED_INSTANCES, 1, 1, 10_000);
    return parsed.map(
        config ->
            config
                .withKeyPrefix(prefix)
                .withCommandTimeout(timeout)
                .withExpectedInstances(instances));
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static ConfigurationException invalid(String why) {
    return new ConfigurationException(
        ENV_URL,
        "is malformed: "
            + why
            + "; expected redis://[[user]:password@]host[:port][/db] or rediss://…");
  }

  public RedisConfig withKeyPrefix(String prefix) {
    return new RedisConfig(
        host,
        port,
        username,
        password,
        database,
        tls,
        prefix,
        commandTimeout,
        connectTimeout,
        reconnectDelay,
        expectedInstances);
  }

  public RedisConfig withCommandTimeout(Duration timeout) {
    return new RedisConfig(
        host,
        port,
        username,
        password,
        database,
        tls,
        keyPrefix,
        timeout,
        connectTimeout,
        reconnectDelay,
        expectedInstances);
  }

  public RedisConfig withConnectTimeout(Duration timeout) {
    return new RedisConfig(
        host,
        port,
        username,
        password,
        database,
        tls,
        keyPrefix,
        commandTimeout,
        timeout,
        reconnectDelay,
        expectedInstances);
  }

  public RedisConfig withReconnectDelay(Duration delay) {
    return new RedisConfig(
        host,
        port,
        username,
        password,
        database,
        tls,
        keyPrefix,
        commandTimeout,
        connectTimeout,
        delay,
        expectedInstances);
  }

  public RedisConfig withExpectedInstances(int instances) {
    return new RedisConfig(
        host,
        port,
        username,
        password,
        database,
        tls,
        keyPrefix,
        commandTimeout,
        connectTimeout,
        reconnectDelay,
        instances);
  }

  public RedisConfig withDatabase(int db) {
    return new RedisConfig(
        host,
        port,
        username,
        password,
        db,
        tls,
        keyPrefix,
        commandTimeout,
        connectTimeout,
        reconnectDelay,
        expectedInstances);
  }

  public RedisConfig withPort(int newPort) {
    return new RedisConfig(
        host,
        newPort,
        username,
        password,
        database,
        tls,
        keyPrefix,
        commandTimeout,
        connectTimeout,
        reconnectDelay,
        expectedInstances);
  }

  /** The address without credentials, for logs. */
  public String describe() {
    return (tls ? "rediss://" : "redis://") + host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "RedisConfig["
        + describe()
        + ", keyPrefix="
        + keyPrefix
        + ", commandTimeout="
        + commandTimeout
        + ", expectedInstances="
        + expectedInstances
        + (password.isPresent() ? ", password=***" : "")
        + "]";
  }
}
