package dev.gmbot.adapter.telegram.webhook;

import java.util.List;

/**
 * Told about every update the {@link UpdateProcessor} and the {@link WebhookEndpoint} dealt with:
 * the deployables count outcomes (Prometheus, CloudWatch), log them and show them (the sandbox
 * transcript). Implementations must be thread-safe and must not throw.
 */
public interface UpdateObserver {
  /** Observes nothing. */
  UpdateObserver NONE = outcome -> {};

  /** One update or request, once, when its outcome is known. */
  void processed(UpdateOutcome outcome);

  /** A Bot API call travelled in the webhook response instead of its own HTTP request. */
  default void repliedInResponse(String method) {}

  /**
   * An update failed unexpectedly (a bug: {@link UpdateOutcome.Kind#FAILED}) for the first time in
   * this process: told once per update id, not again for its redeliveries (nor for its drop), so
   * that an error tracker gets one report per failing update. Called before {@link
   * #processed(UpdateOutcome)} is told the same outcome.
   *
   * @param outcome the failed outcome (update id, type, chat)
   * @param failure what was thrown; its message may hold anything, so scrub it before it leaves the
   *     process
   */
  default void failedUnexpectedly(UpdateOutcome outcome, RuntimeException failure) {}

  /** Tells each of these observers, in order. */
  static UpdateObserver all(List<UpdateObserver> observers) {
    List<UpdateObserver> copy = List.copyOf(observers);
    return new UpdateObserver() {
      @Override
      public void processed(UpdateOutcome outcome) {
        copy.forEach(o -> o.processed(outcome));
      }

      @Override
      public void repliedInResponse(String method) {
        copy.forEach(o -> o.repliedInResponse(method));
      }

      @Override
      public void failedUnexpectedly(UpdateOutcome outcome, RuntimeException failure) {
        copy.forEach(o -> o.failedUnexpectedly(outcome, failure));
      }
    };
  }
}
