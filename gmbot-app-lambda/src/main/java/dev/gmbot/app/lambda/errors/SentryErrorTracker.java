package dev.gmbot.app.lambda.errors;

import dev.gmbot.adapter.telegram.webhook.UpdateObserver;
import dev.gmbot.adapter.telegram.webhook.UpdateOutcome;
import io.sentry.Sentry;
import io.sentry.SentryOptions;
import java.util.List;

/**
 * Reports unexpected failures to Sentry from the function: each update that fails unexpectedly
 * once, on its first failure in this container ({@link UpdateObserver#failedUnexpectedly}), not for
 * its redeliveries nor its drop. The event is sent before the invocation returns (Lambda freezes
 * the container after it, which would hold a queued event back). Events carry the release, the
 * environment and the tags {@code deployable} ({@code lambda}) and {@code update_type}, with the
 * update id as extra data; the {@link SentryScrubber} removes the token and the secret first.
 * Created only when {@code SENTRY_DSN} is set, so a cold start without it loads no Sentry class.
 */
public final class SentryErrorTracker implements UpdateObserver, AutoCloseable {
  private static final long FLUSH_MILLIS = 2_000;

  private SentryErrorTracker() {}

  /**
   * Starts Sentry (one per container).
   *
   * @param settings the DSN (required), the environment, the release
   * @param secrets the values no event may carry (the token, the webhook secret)
   * @throws IllegalArgumentException without a DSN
   */
  public static SentryErrorTracker start(ErrorTrackingSettings settings, List<String> secrets) {
    String dsn =
        settings.dsn().orElseThrow(() -> new IllegalArgumentException("SENTRY_DSN is not set"));
    SentryScrubber scrubber = new SentryScrubber(secrets);
    Sentry.init(
        (SentryOptions options) -> {
          options.setDsn(dsn);
          options.setRelease(settings.release());
          options.setEnvironment(settings.environment());
          options.setTag("deployable", "lambda");
          options.setSendDefaultPii(false);
          options.setSendClientReports(false);
          options.setEnableExternalConfiguration(false);
          options.setBeforeSend(scrubber);
          options.setBeforeBreadcrumb(scrubber);
          options.setFlushTimeoutMillis(FLUSH_MILLIS);
          options.setShutdownTimeoutMillis(FLUSH_MILLIS);
        });
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
    Sentry.flush(FLUSH_MILLIS);
  }

  @Override
  public void close() {
    Sentry.close();
  }
}
