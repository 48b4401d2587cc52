package dev.gmbot.app.lambda.config;

import dev.gmbot.app.assembly.Defaults;
import dev.gmbot.app.assembly.Environment;
import dev.gmbot.app.assembly.SharedSettings;
import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.config.ConfigurationException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The function's configuration, read and validated at cold start: the variables it shares with the
 * server ({@link SharedSettings}), with the function's own {@link #DEFAULTS}, and those only the
 * function reads. {@link #toString()} never shows the token, the secret or passwords.
 *
 * <p>What is particular to Lambda: {@code WEBHOOK_SECRET} is required (the Function URL is public
 * and the header is its only protection), {@code ENVIRONMENT=production} requires {@code
 * DATABASE_URL}, and {@code GMBOT_WEBHOOK_REPLY} (true) and {@code GMBOT_METRICS_NAMESPACE} (GMBot)
 * are read here only.
 *
 * @param shared what the function reads like the server
 * @param webhookSecret {@code WEBHOOK_SECRET}
 * @param webhookReply {@code GMBOT_WEBHOOK_REPLY}: the last fire-and-forget call in the response
 * @param metricsNamespace {@code GMBOT_METRICS_NAMESPACE}: the CloudWatch namespace
 * @param functionName {@code AWS_LAMBDA_FUNCTION_NAME} (set by Lambda), for the metric documents
 * @param functionVersion {@code AWS_LAMBDA_FUNCTION_VERSION} (set by Lambda)
 */
public record LambdaConfig(
    SharedSettings shared,
    String webhookSecret,
    boolean webhookReply,
    String metricsNamespace,
    Optional<String> functionName,
    Optional<String> functionVersion) {

  /** Without {@code DATABASE_URL}: in memory (the server's ./data file is read-only in Lambda). */
  public static final String EMBEDDED_DATABASE_URL = "jdbc:h2:mem:gmbot;DB_CLOSE_DELAY=-1";

  /**
   * The function's own defaults, each used only while its variable is unset:
   *
   * <ul>
   *   <li>an in-memory H2 database, and no Flyway at cold start (the migration function applies
   *       migrations once per deploy, ADR 0081; an embedded H2 database is always migrated);
   *   <li>2 database connections (a container serves one request at a time; Flyway needs a second
   *       connection) and 4 Bot API connections;
   *   <li>no retries after a 429: a function billed by the millisecond should not sleep through
   *       {@code retry_after}; the endpoint answers 503 with {@code Retry-After} and Telegram
   *       redelivers (ADR 0082).
   * </ul>
   */
  public static final Defaults DEFAULTS =
      Defaults.STANDARD
          .withDatabaseUrl(EMBEDDED_DATABASE_URL)
          .withDatabasePoolSize(2)
          .withMigrateOnStart(false)
          .withTelegramPoolSize(4)
          .withFloodRetries(0);

  public LambdaConfig {
    Objects.requireNonNull(shared, "shared");
    Objects.requireNonNull(webhookSecret, "webhookSecret");
    Objects.requireNonNull(metricsNamespace, "metricsNamespace");
    Objects.requireNonNull(functionName, "functionName");
    Objects.requireNonNull(functionVersion, "functionVersion");
  }

  /**
   * Reads and validates the configuration from these variables.
   *
   * @throws ConfigurationException naming the first variable that is missing or invalid
   */
  public static LambdaConfig fromEnvironment(Map<String, String> env) {
    return read(ConfigReader.of(env));
  }

  /**
   * Reads and validates the configuration.
   *
   * @throws ConfigurationException naming the first variable that is missing or invalid
   */
  public static LambdaConfig read(ConfigReader env) {
    SharedSettings shared = SharedSettings.read(env, DEFAULTS);
    String secret =
        shared.requireWebhookSecret(
            "the Function URL is public: the header is its only protection");
    if (shared.environment() == Environment.PRODUCTION && !env.isSet("DATABASE_URL")) {
      throw new ConfigurationException(
          "DATABASE_URL",
          "is not set but ENVIRONMENT=production (an H2 database inside a Lambda container is"
              + " lost with the container)");
    }
    return new LambdaConfig(
        shared,
        secret,
        env.flag("GMBOT_WEBHOOK_REPLY", true),
        env.text("GMBOT_METRICS_NAMESPACE", "GMBot"),
        env.text("AWS_LAMBDA_FUNCTION_NAME"),
        env.text("AWS_LAMBDA_FUNCTION_VERSION"));
  }

  /** True for an H2 database: it lives and dies with the container, so it is migrated at start. */
  public boolean embeddedDatabase() {
    return shared.persistence().isH2();
  }

  @Override
  public String toString() {
    return "LambdaConfig[botToken=<redacted>, webhookSecret=<redacted>, environment="
        + shared.environment()
        + ", database="
        + shared.persistence().redactedUrl()
        + ", redis="
        + shared.redis().map(r -> r.describe()).orElse("<in-process>")
        + ", migrateOnStart="
        + shared.migrateOnStart()
        + ", webhookReply="
        + webhookReply
        + ", metricsNamespace="
        + metricsNamespace
        + "]";
  }
}
