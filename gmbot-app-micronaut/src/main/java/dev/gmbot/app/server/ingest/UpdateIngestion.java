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
import io.netty.util.internal.ThreadExecutorMap;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server adds around the shared webhook endpoint and update processor: a webhook request
 * is first tried on the I/O thread that read it, with the promise not to wait ({@link
 * NonBlocking}): most updates are decided from what the process holds, and answering them there
 * saves two hand-overs between threads (ADR 0098). When the attempt trips on a Redis reply it has
 * already asked for, the request is tried again on the same I/O thread once the reply is in (ADR
 * 0100). When a port would wait for anything else, the attempt is dropped and the request runs on a
 * virtual thread with a deadline (an update not handled by then is answered 503; its attempt goes
 * on, and the update log makes Telegram's redelivery a duplicate once it succeeded). And a graceful
 * stop. The long poller's updates take the same processor on the poller's thread.
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
   *     0098, and with Redis ADR 0100: the gate's round trip is sent from the attempt and the
   *     request tried again when the reply is in)
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
      Attempted first = withoutWaiting(webhook, request, null);
      if (first.response() != null) {
        return CompletableFuture.completedFuture(first.response());
      }
      if (first.ready() != null) {
        return withDeadline(resumed(webhook, request, first));
      }
    }
    return onWorker(webhook, request);
  }

  /** The request on a virtual thread that may wait, answered by the deadline at the latest. */
  private CompletableFuture<WebhookResponse> onWorker(
      WebhookEndpoint webhook, WebhookRequest request) {
    return withDeadline(onWorkerUnbounded(webhook, request));
  }

  private CompletableFuture<WebhookResponse> onWorkerUnbounded(
      WebhookEndpoint webhook, WebhookRequest request) {
    try {
      return CompletableFuture.supplyAsync(() -> webhook.handle(request), workers);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(WebhookResponse.of(shuttingDown()));
    }
  }

  private CompletableFuture<WebhookResponse> withDeadline(CompletableFuture<WebhookResponse> work) {
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
   * A first attempt that tripped on a wait a port had already started (a Redis reply, ADR 0100):
   * once it is over, the request is tried again without waiting, with what the port left, on the
   * I/O thread that read it (a virtual thread when it was read elsewhere); only if that attempt
   * trips too does the request go to a thread that may wait.
   */
  private CompletableFuture<WebhookResponse> resumed(
      WebhookEndpoint webhook, WebhookRequest request, Attempted first) {
    Executor loop = ThreadExecutorMap.currentExecutor();
    return first
        .ready()
        .handle((reply, failure) -> null) // a failed wait is the port's to report in the attempt
        .thenComposeAsync(
            ignored -> {
              Attempted second = withoutWaiting(webhook, request, first.carry());
              return second.response() != null
                  ? CompletableFuture.completedFuture(second.response())
                  : onWorkerUnbounded(webhook, request);
            },
            loop != null ? loop : workers)
        .toCompletableFuture()
        .exceptionally(
            failure ->
                failure.getCause() instanceof RejectedExecutionException
                    ? WebhookResponse.of(shuttingDown())
                    : internalFailure(failure));
  }

  /**
   * What an attempt gave: the answer, or null and the wait it tripped on (null if it tripped on
   * {@link NonBlocking#check}) with what the port wants back.
   */
  private record Attempted(WebhookResponse response, CompletionStage<?> ready, Object carry) {
    static final Attempted TRIPPED = new Attempted(null, null, null);
  }

  /**
   * The request handled on the caller's thread (the server's I/O thread) if that needs no waiting:
   * no response when a port would have waited, and nothing of the attempt counts (ADR 0098).
   *
   * @param carried what the port of the attempt this one resumes left (null for a first attempt)
   */
  private Attempted withoutWaiting(
      WebhookEndpoint webhook, WebhookRequest request, Object carried) {
    try (NonBlocking.Attempt attempt = NonBlocking.attempt(carried)) {
      WebhookResponse response;
      try {
        response = webhook.handle(request);
      } catch (RuntimeException e) {
        response = attempt.tripped() ? null : internalFailure(e);
      }
      if (!attempt.tripped()) {
        return new Attempted(response, null, null);
      }
      return attempt.ready() == null
          ? Attempted.TRIPPED
          : new Attempted(null, attempt.ready(), attempt.carry());
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
