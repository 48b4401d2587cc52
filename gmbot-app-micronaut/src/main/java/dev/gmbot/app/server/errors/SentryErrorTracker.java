package dev.gmbot.app.server.errors;

import dev.gmbot.adapter.telegram.webhook.UpdateObserver;
import dev.gmbot.adapter.telegram.webhook.UpdateOutcome;
import io.sentry.Sentry;
import io.sentry.SentryOptions;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports unexpected failures to Sentry: each update that fails unexpectedly once, on its first
 * failure in this process ({@link UpdateObserver#failedUnexpectedly}), not for its redeliveries nor
 * its drop; and exceptions no thread caught (Sentry's own handler). Events carry the release, the
 * environment and the tags {@code deployable} and {@code update_type}, with the update id as extra
 * data; the {@link SentryScrubber} removes the token and the secret first. Created only when {@code
 * SENTRY_DSN} is set; {@link #close()} sends what is still queued, then stops Sentry.
 */
public final class SentryErrorTracker implements UpdateObserver, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SentryErrorTracker.class);
  private static final long FLUSH_MILLIS = 2_000;

  private SentryErrorTracker() {}

  /**
   * Starts Sentry (one per process).
   *
   * @param settings the DSN (required), the environment, the release
   * @param deployable {@code server} or {@code lambda}, a tag on every event
   * @param secrets the values no event may carry (the token, the webhook secret)
   * @throws IllegalArgumentException without a DSN
   */
  public static SentryErrorTracker start(
      ErrorTrackingSettings settings, String deployable, List<String> secrets) {
    String dsn =
        settings.dsn().orElseThrow(() -> new IllegalArgumentException("SENTRY_DSN is not set"));
    Objects.requireNonNull(deployable, "deployable");
    SentryScrubber scrubber = new SentryScrubber(secrets);
    Sentry.init(
        (SentryOptions options) -> {
          options.setDsn(dsn);
          options.setRelease(settings.release());
          options.setEnvironment(settings.environment());
          options.setTag("deployable", deployable);
          options.setSendDefaultPii(false);
          options.setSendClientReports(false);
          options.setEnableExternalConfiguration(false);
          options.setBeforeSend(scrubber);
          options.setBeforeBreadcrumb(scrubber);
          options.setFlushTimeoutMillis(FLUSH_MILLIS);
          options.setShutdownTimeoutMillis(FLUSH_MILLIS);
        });
    LOG.info(
        "Error tracking on: Sentry, environment {}, release {}",
        settings.environment(),
        settings.release());
    return new SentryErrorTracker();
  }

  @Override
  public void processed(UpdateOutcome outcome) {}

  @Override
  public void failedUnexpectedly(UpdateOutcome outcome, RuntimeException failure) {
    Sentry.captureException(
        failure,
        scope -> {
          scope.setTag("update_type", outcome.updateType());
          scope.setTag("outcome", outcome.kind().label());
          outcome.updateId().ifPresent(id -> scope.setExtra("update_id", Long.toString(id)));
        });
  }

  /**
   * Waits up to two seconds for queued events to be sent (the Lambda function, before it freezes).
   */
  public void flush() {
    Sentry.flush(FLUSH_MILLIS);
  }

  @Override
  public void close() {
    Sentry.close();
  }
}
