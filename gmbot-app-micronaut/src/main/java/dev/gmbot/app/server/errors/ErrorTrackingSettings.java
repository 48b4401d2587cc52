package dev.gmbot.app.server.errors;

import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.config.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Error tracking with Sentry: {@code SENTRY_DSN} turns it on (nothing of Sentry starts without it),
 * {@code SENTRY_ENVIRONMENT} (default: the value of {@code ENVIRONMENT}) and {@code SENTRY_RELEASE}
 * (default: {@code gmbot@} and the project's version) name what the events belong to. The Lambda
 * function reads the same variables the same way, with a copy of this class (the deployables share
 * no module); ConfigurationDocsTest keeps the two readings equal.
 *
 * @param dsn the project's DSN; a secret of sorts, never logged
 * @param environment the environment events are filed under
 * @param release the release events are filed under
 */
public record ErrorTrackingSettings(Optional<String> dsn, String environment, String release) {
  /** {@code http(s)://key@host[:port][/path]/project}, as Sentry shows a project's DSN. */
  private static final Pattern DSN =
      Pattern.compile(
          "https?://[A-Za-z0-9]+(:[A-Za-z0-9]+)?@[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9_.-]+)*"
              + "/[A-Za-z0-9_-]+/?");

  /** What Sentry accepts as an environment name. */
  private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  /** What Sentry accepts as a release: no spaces or slashes, not "." or "..", at most 200. */
  private static final Pattern RELEASE = Pattern.compile("(?!\\.{1,2}$)[^\\s/\\\\]{1,200}");

  public ErrorTrackingSettings {
    Objects.requireNonNull(dsn, "dsn");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(release, "release");
  }

  /**
   * Reads {@code SENTRY_DSN}, {@code SENTRY_ENVIRONMENT} and {@code SENTRY_RELEASE}.
   *
   * @param deployment the deployment's {@code ENVIRONMENT} ({@code development}, {@code
   *     production}), the default environment
   * @throws ConfigurationException naming the variable that is invalid
   */
  public static ErrorTrackingSettings read(ConfigReader env, String deployment) {
    Optional<String> dsn =
        env.secret(
            "SENTRY_DSN",
            DSN,
            "must be a Sentry DSN such as https://<key>@o0.ingest.sentry.io/<project>");
    String environment =
        env.parsed("SENTRY_ENVIRONMENT", v -> checked("SENTRY_ENVIRONMENT", ENVIRONMENT, v))
            .orElse(deployment.toLowerCase(Locale.ROOT));
    String release =
        env.parsed("SENTRY_RELEASE", v -> checked("SENTRY_RELEASE", RELEASE, v))
            .orElseGet(ErrorTrackingSettings::defaultRelease);
    return new ErrorTrackingSettings(dsn, environment, release);
  }

  /** True when {@code SENTRY_DSN} is set. */
  public boolean enabled() {
    return dsn.isPresent();
  }

  /** {@code gmbot@<version>}, the version this jar was built as. */
  static String defaultRelease() {
    Properties properties = new Properties();
    try (InputStream in = ErrorTrackingSettings.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "gmbot@" + properties.getProperty("version", "unknown");
  }

  private static String checked(String name, Pattern rule, String value) {
    if (!rule.matcher(value).matches()) {
      throw new ConfigurationException(
          name,
          "must be a name without spaces or slashes (Sentry's rule"
              + (name.equals("SENTRY_ENVIRONMENT")
                  ? ": letters, digits, _ . -, at most 64"
                  : ", at most 200")
              + "), got '"
              + value
              + "'");
    }
    return value;
  }

  @Override
  public String toString() {
    return "ErrorTrackingSettings[dsn="
        + (dsn.isPresent() ? "***" : "-")
        + ", environment="
        + environment
        + ", release="
        + release
        + "]";
  }
}
