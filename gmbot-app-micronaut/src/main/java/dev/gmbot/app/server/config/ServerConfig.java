package dev.gmbot.app.server.config;

import dev.gmbot.app.assembly.Defaults;
import dev.gmbot.app.assembly.Environment;
import dev.gmbot.app.assembly.SharedSettings;
import dev.gmbot.app.server.tls.ServerTls;
import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.config.ConfigurationException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server's configuration, read and validated before anything starts: the variables both
 * deployables share ({@link SharedSettings}, with the standard {@link Defaults}) and those only the
 * server reads. Each problem is one {@link ConfigurationException} naming the variable. {@link
 * #toString()} never shows the token, the secret or passwords.
 *
 * @param shared what the server reads like the Lambda function: {@code BOT_TOKEN}, {@code
 *     ENVIRONMENT}, {@code DATABASE_URL}, {@code REDIS_URL}, {@code WEBHOOK_SECRET}, {@code
 *     TELEGRAM_API_URL}, {@code GMBOT_MAX_BODY_BYTES}, {@code GMBOT_MIGRATE_ON_START}, the pools
 *     and the guard's tunables
 * @param port {@code PORT} (default 8443)
 * @param webhookUrl {@code WEBHOOK_URL}: the public base URL; the webhook path is appended
 * @param webhookPath {@code GMBOT_WEBHOOK_PATH} (default /webhook)
 * @param handlingDeadline {@code GMBOT_HANDLING_DEADLINE_SECONDS} (default 25 s): an update not
 *     handled by then is answered 503 so that Telegram redelivers it
 * @param shutdownGrace {@code GMBOT_SHUTDOWN_GRACE_SECONDS} (default 20 s): how long shutdown waits
 *     for updates in flight
 * @param healthCacheTtl {@code GMBOT_HEALTH_CACHE_SECONDS} (default 15 s): how long the Telegram
 *     probe of /health is reused
 * @param pollLease {@code GMBOT_POLL_LEASE_SECONDS} (default 30 s): the long-poller lease, renewed
 *     every third of it
 * @param promptSweepInterval {@code GMBOT_PROMPT_SWEEP_SECONDS} (default 30 s)
 * @param instanceId {@code GMBOT_INSTANCE_ID} (default host name + pid): the lease holder's name
 * @param tls {@code GMBOT_TLS_CERT} and {@code GMBOT_TLS_KEY}: HTTPS served by the server itself
 */
public record ServerConfig(
    SharedSettings shared,
    int port,
    Optional<URI> webhookUrl,
    String webhookPath,
    Duration handlingDeadline,
    Duration shutdownGrace,
    Duration healthCacheTtl,
    Duration pollLease,
    Duration promptSweepInterval,
    String instanceId,
    Optional<ServerTls> tls) {

  /** How updates arrive. */
  public enum Mode {
    WEBHOOK,
    POLLING
  }

  public static final int DEFAULT_PORT = 8443;

  private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9_.-]+)+");
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
  private static final Duration HOUR = Duration.ofHours(1);

  public ServerConfig {
    Objects.requireNonNull(shared, "shared");
    Objects.requireNonNull(webhookUrl, "webhookUrl");
    Objects.requireNonNull(webhookPath, "webhookPath");
    Objects.requireNonNull(handlingDeadline, "handlingDeadline");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    Objects.requireNonNull(healthCacheTtl, "healthCacheTtl");
    Objects.requireNonNull(pollLease, "pollLease");
    Objects.requireNonNull(promptSweepInterval, "promptSweepInterval");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(tls, "tls");
  }

  /**
   * Reads and validates the server's configuration from these variables.
   *
   * @throws ConfigurationException naming the first variable that is missing or invalid
   */
  public static ServerConfig fromEnvironment(Map<String, String> env) {
    return read(ConfigReader.of(env));
  }

  /**
   * Reads and validates the server's configuration.
   *
   * @throws ConfigurationException naming the first variable that is missing or invalid
   */
  public static ServerConfig read(ConfigReader env) {
    SharedSettings shared = SharedSettings.read(env, Defaults.STANDARD);
    int port = env.integer("PORT", DEFAULT_PORT, 0, 65_535);
    Optional<URI> webhookUrl = env.httpUrl("WEBHOOK_URL");
    if (shared.environment() == Environment.PRODUCTION) {
      if (webhookUrl.isEmpty()) {
        throw new ConfigurationException(
            "WEBHOOK_URL",
            "is not set but ENVIRONMENT=production (expected the public https base URL of this"
                + " server; or set ENVIRONMENT=development for long polling)");
      }
      shared.requireWebhookSecret("the server runs in webhook mode");
    }
    String path = env.text("GMBOT_WEBHOOK_PATH", "/webhook");
    if (!PATH.matcher(path).matches()) {
      throw new ConfigurationException(
          "GMBOT_WEBHOOK_PATH",
          "must be a path like /webhook (segments of A-Z, a-z, 0-9, _, . and -), got '"
              + path
              + "'");
    }
    return new ServerConfig(
        shared,
        port,
        webhookUrl,
        path,
        env.duration(
            "GMBOT_HANDLING_DEADLINE_SECONDS", Duration.ofSeconds(25), SECOND, TEN_MINUTES),
        env.duration(
            "GMBOT_SHUTDOWN_GRACE_SECONDS", Duration.ofSeconds(20), Duration.ZERO, TEN_MINUTES),
        env.duration("GMBOT_HEALTH_CACHE_SECONDS", Duration.ofSeconds(15), Duration.ZERO, HOUR),
        env.duration(
            "GMBOT_POLL_LEASE_SECONDS", Duration.ofSeconds(30), Duration.ofSeconds(3), HOUR),
        env.duration("GMBOT_PROMPT_SWEEP_SECONDS", Duration.ofSeconds(30), SECOND, HOUR),
        env.text("GMBOT_INSTANCE_ID").orElseGet(ServerConfig::defaultInstanceId),
        ServerTls.read(env));
  }

  /** Webhook in production with {@code WEBHOOK_URL}; long polling otherwise. */
  public Mode mode() {
    return shared.environment() == Environment.PRODUCTION && webhookUrl.isPresent()
        ? Mode.WEBHOOK
        : Mode.POLLING;
  }

  /** {@code ENVIRONMENT}. */
  public Environment environment() {
    return shared.environment();
  }

  /** {@code WEBHOOK_SECRET}. */
  public Optional<String> webhookSecret() {
    return shared.webhookSecret();
  }

  /** {@code GMBOT_MAX_BODY_BYTES}: larger webhook bodies get 413. */
  public int maxBodyBytes() {
    return shared.maxBodyBytes();
  }

  /** {@code GMBOT_MIGRATE_ON_START} (default true). */
  public boolean migrateOnStart() {
    return shared.migrateOnStart();
  }

  /** {@code GMBOT_MAX_IN_FLIGHT}: Bot API calls running at once (the scheduler's pool). */
  public int maxInFlight() {
    return shared.guard().scheduler().maxInFlight();
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
        shared,
        newPort,
        webhookUrl,
        webhookPath,
        handlingDeadline,
        shutdownGrace,
        healthCacheTtl,
        pollLease,
        promptSweepInterval,
        instanceId,
        tls);
  }

  @Override
  public String toString() {
    return "ServerConfig[environment="
        + shared.environment()
        + ", mode="
        + mode()
        + ", port="
        + port
        + ", telegramApiUrl="
        + shared.telegram().baseUrl()
        + ", webhookUrl="
        + webhookUrl.map(URI::toString).orElse("-")
        + ", webhookPath="
        + webhookPath
        + ", botToken=***, webhookSecret="
        + (shared.webhookSecret().isPresent() ? "***" : "-")
        + ", database="
        + shared.persistence().redactedUrl()
        + ", redis="
        + shared.redis().map(r -> r.describe()).orElse("in-process")
        + ", tls="
        + (tls.isPresent() ? "own certificate" : "-")
        + ", instanceId="
        + instanceId
        + "]";
  }

  private static String defaultInstanceId() {
    String host = System.getenv().getOrDefault("HOSTNAME", "");
    if (host.isBlank()) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        host = "gmbot";
      }
    }
    return host + "-" + ProcessHandle.current().pid();
  }
}
