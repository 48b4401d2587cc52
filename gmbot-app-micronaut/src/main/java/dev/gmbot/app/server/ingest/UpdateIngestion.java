package dev.gmbot.app.server.ingest;

import dev.gmbot.adapter.telegram.webhook.UpdateObserver;
import dev.gmbot.adapter.telegram.webhook.UpdateOutcome;
import dev.gmbot.adapter.telegram.webhook.UpdateOutcome.Kind;
import dev.gmbot.adapter.telegram.webhook.UpdateProcessor;
import dev.gmbot.adapter.telegram.webhook.WebhookEndpoint;
import dev.gmbot.adapter.telegram.webhook.WebhookRequest;
import dev.gmbot.adapter.telegram.webhook.WebhookResponse;
import dev.gmbot.port.in.InboundEvent;
import dev.gmbot.port.out.NonBlocking;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server adds around the shared webhook endpoint and update processor: with state in
 * process, a webhook request is first tried on the I/O thread that read it, with the promise not to
 * wait ({@link NonBlocking}): most updates are decided from what the process holds, and answering
 * them there saves two hand-overs between threads. When a port would wait, the attempt is dropped
 * and the request runs on a virtual thread with a deadline (an update not handled by then is
 * answered 503; its attempt goes on, and the update log makes Telegram's redelivery a duplicate
 * once it succeeded). And a graceful stop. The long poller's updates take the same processor on the
 * poller's thread.
 *
 * <p>{@link #close()} stops taking updates (they get {@link Kind#SHUTTING_DOWN}) and waits for
 * those in flight up to the grace period.
 */
public final class UpdateIngestion implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UpdateIngestion.class);

  private final Optional<WebhookEndpoint> endpoint;
  private final UpdateProcessor processor;
  private final UpdateObserver observer;
  private final Duration deadline;
  private final Duration grace;
  private final ExecutorService workers;
  private final boolean firstWithoutWaiting;
  private final AtomicBoolean accepting = new AtomicBoolean(true);

  /**
   * @param endpoint the webhook endpoint, in webhook mode
   * @param processor the decode, handle and outcome core (the poller's path)
   * @param observer told about the outcomes this class decides (timeouts, shutdown)
   * @param firstWithoutWaiting whether a webhook request is tried on the caller's thread first (ADR
   *     0098: with state in process; with Redis every sender not cleared within the second waits
   *     for a round trip, and on a saturated core the I/O thread's attempts slowed those)
   */
  public UpdateIngestion(
      Optional<WebhookEndpoint> endpoint,
      UpdateProcessor processor,
      UpdateObserver observer,
      Duration deadline,
      Duration grace,
      boolean firstWithoutWaiting) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.processor = Objects.requireNonNull(processor, "processor");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    this.grace = Objects.requireNonNull(grace, "grace");
    this.firstWithoutWaiting = firstWithoutWaiting;
    this.workers =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gmbot-update-", 0).factory());
  }

  /** True in webhook mode. */
  public boolean takesWebhooks() {
    return endpoint.isPresent();
  }

  /** True until {@link #close()} began. */
  public boolean accepting() {
    return accepting.get();
  }

  /**
   * A webhook request, processed by the endpoint on a virtual thread. The future completes with the
   * answer by the deadline at the latest (then {@link Kind#TIMED_OUT}); it never completes
   * exceptionally.
   *
   * @throws IllegalStateException in polling mode
   */
  public CompletableFuture<WebhookResponse> submit(WebhookRequest request) {
    WebhookEndpoint webhook =
        endpoint.orElseThrow(() -> new IllegalStateException("webhook mode is off"));
    if (!accepting.get()) {
      return CompletableFuture.completedFuture(WebhookResponse.of(shuttingDown()));
    }
    if (firstWithoutWaiting) {
      WebhookResponse answered = withoutWaiting(webhook, request);
      if (answered != null) {
        return CompletableFuture.completedFuture(answered);
      }
    }
    CompletableFuture<WebhookResponse> work;
    try {
      work = CompletableFuture.supplyAsync(() -> webhook.handle(request), workers);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(WebhookResponse.of(shuttingDown()));
    }
    return work.completeOnTimeout(null, deadline.toMillis(), TimeUnit.MILLISECONDS)
        .handle(
            (response, failure) -> {
              if (response != null) {
                return response;
              }
              if (failure != null) {
                return internalFailure(failure);
              }
              LOG.warn("An update was not handled within {}: answered 503", deadline);
              return WebhookResponse.of(
                  report(UpdateOutcome.of(Kind.TIMED_OUT, "not handled within " + deadline)));
            });
  }

  /**
   * The request handled on the caller's thread (the server's I/O thread) if that needs no waiting:
   * null when a port would have waited, and nothing of the attempt counts (ADR 0098).
   */
  private WebhookResponse withoutWaiting(WebhookEndpoint webhook, WebhookRequest request) {
    try (NonBlocking.Attempt attempt = NonBlocking.attempt()) {
      try {
        WebhookResponse response = webhook.handle(request);
        return attempt.tripped() ? null : response;
      } catch (RuntimeException e) {
        return attempt.tripped() ? null : internalFailure(e);
      }
    }
  }

  /** The endpoint broke its promise never to throw: 500, and the failure in the log. */
  private WebhookResponse internalFailure(Throwable failure) {
    LOG.error("A webhook request failed", failure);
    return WebhookResponse.of(report(UpdateOutcome.of(Kind.FAILED, "internal")));
  }

  /**
   * A decoded event (the long poller's path), on the caller's thread.
   *
   * @return the outcome; {@link UpdateOutcome#acknowledged()} is false when the update must be
   *     fetched again
   */
  public UpdateOutcome handle(InboundEvent event) {
    if (!accepting.get()) {
      return report(UpdateOutcome.of(Kind.SHUTTING_DOWN, event, "shutting down"));
    }
    return processor.handle(event);
  }

  private UpdateOutcome shuttingDown() {
    return report(UpdateOutcome.of(Kind.SHUTTING_DOWN, "shutting down"));
  }

  private UpdateOutcome report(UpdateOutcome outcome) {
    try {
      observer.processed(outcome);
    } catch (RuntimeException e) {
      LOG.warn("An update observer failed", e);
    }
    return outcome;
  }

  /** Stops taking updates and waits for those in flight, up to the grace period. */
  @Override
  public void close() {
    if (!accepting.getAndSet(false)) {
      return;
    }
    workers.shutdown();
    try {
      if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("Updates still in flight after {}: stopping them", grace);
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
