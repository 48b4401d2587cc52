package dev.gmbot.app.lambda.webhook;

import java.time.Duration;

/** What the endpoint reports per request, besides what the domain reports itself. */
public interface WebhookObserver {
  WebhookObserver NONE = new WebhookObserver() {};

  /** How a request ended (see {@link Outcome}) and how long it took. */
  default void requestHandled(Outcome outcome, String updateType, Duration time) {}

  /** A call travelled in the response body instead of its own HTTP request. */
  default void repliedInResponse(String method) {}

  /** How a webhook request ended. */
  enum Outcome {
    /** 200: the domain handled the update. */
    HANDLED,
    /** 200: the update id was already claimed (a redelivery or a concurrent duplicate). */
    DUPLICATE,
    /** 200: an update type the guard does not act on. */
    IGNORED,
    /** 401: missing or wrong secret header. */
    UNAUTHORIZED,
    /** 400: the body is not an Update. */
    MALFORMED,
    /** 405: not a POST. */
    WRONG_METHOD,
    /** 503: a dependency failed (storage, Bot API); Telegram redelivers. */
    DEPENDENCY_FAILED,
    /** 500: an unexpected error; Telegram redelivers. */
    FAILED,
    /**
     * 200: the update failed unexpectedly {@link WebhookEndpoint#POISON_ATTEMPTS} times in this
     * container and is dropped, so that it does not hold back the chat's later updates.
     */
    DROPPED
  }
}
