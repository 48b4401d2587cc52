package dev.gmbot.app.server.ingest;

import dev.gmbot.port.in.HandleEventUseCase;
import dev.gmbot.port.in.HandlingResult;
import dev.gmbot.port.in.InboundEvent;
import dev.gmbot.port.in.UpdateInProgressException;
import dev.gmbot.port.out.BotApiException;
import dev.gmbot.port.out.StorageUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every update takes, from the webhook or the long poller: decode, hand to the domain
 * ({@link HandleEventUseCase}: deduplication by update id, decisions, effects), report the {@link
 * Outcome}. Webhook updates run on virtual threads with a deadline; an update not handled by then
 * is answered 503 (its attempt goes on; the update log makes Telegram's redelivery a duplicate once
 * it succeeded, or lets it run again once it failed).
 *
 * <p>{@link #close()} stops taking updates (they get {@link Outcome.Kind#REFUSED}) and waits for
 * those in flight up to the grace period.
 */
public final class UpdateIngestion implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UpdateIngestion.class);

  private final HandleEventUseCase guard;
  private final UpdateDecoder decoder;
  private final Duration deadline;
  private final Duration grace;
  private final MeterRegistry registry;
  private final ExecutorService workers;
  private final AtomicBoolean accepting = new AtomicBoolean(true);
  private final List<UpdateListener> listeners = new CopyOnWriteArrayList<>();
  private final FailureCounts unexpectedFailures = new FailureCounts();

  /**
   * An update whose handling throws something other than an infrastructure failure (a bug, a value
   * the domain rejects) is redelivered this many times at most, then dropped: it would otherwise
   * hold its chat's delivery queue. Outages (storage, Bot API timeouts) never drop.
   */
  static final int MAX_UNEXPECTED_FAILURES = 3;

  /** Unexpected failures per update id, for the most recent ids only. */
  private static final class FailureCounts {
    private static final int CAPACITY = 10_000;
    private final java.util.LinkedHashMap<Long, Integer> counts =
        new java.util.LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(java.util.Map.Entry<Long, Integer> eldest) {
            return size() > CAPACITY;
          }
        };

    synchronized int record(long updateId) {
      return counts.merge(updateId, 1, Integer::sum);
    }
  }

  public UpdateIngestion(
      HandleEventUseCase guard,
      UpdateDecoder decoder,
      Duration deadline,
      Duration grace,
      MeterRegistry registry) {
    this.guard = Objects.requireNonNull(guard, "guard");
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    this.grace = Objects.requireNonNull(grace, "grace");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.workers =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gmbot-update-", 0).factory());
  }

  public void addListener(UpdateListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** True until {@link #close()} began. */
  public boolean accepting() {
    return accepting.get();
  }

  /**
   * A webhook body, processed on a virtual thread. The future completes with the outcome by the
   * deadline at the latest (then {@link Outcome.Kind#TIMED_OUT}); it never completes exceptionally.
   */
  public CompletableFuture<Outcome> submit(byte[] body) {
    if (!accepting.get()) {
      return CompletableFuture.completedFuture(refused());
    }
    CompletableFuture<Outcome> work;
    try {
      work = CompletableFuture.supplyAsync(() -> process(body), workers);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(refused());
    }
    return work.completeOnTimeout(null, deadline.toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(
            outcome -> {
              if (outcome != null) {
                return outcome;
              }
              Outcome late =
                  Outcome.of(Outcome.Kind.TIMED_OUT, "unknown", "not handled within " + deadline);
              count(late);
              LOG.warn("An update was not handled within {}: answered 503", deadline);
              return late;
            });
  }

  /** A webhook body, processed on the caller's thread (tests, the Lambda-like path). */
  public Outcome process(byte[] body) {
    long start = System.nanoTime();
    Optional<InboundEvent> event;
    try {
      event = decoder.decode(body);
    } catch (MalformedUpdateException e) {
      LOG.warn("Rejected a malformed update ({} bytes): {}", body.length, e.getMessage());
      return finish(
          Optional.empty(), Outcome.of(Outcome.Kind.MALFORMED, "unknown", e.getMessage()), start);
    } catch (RuntimeException e) {
      LOG.warn("Rejected an undecodable update ({} bytes): {}", body.length, e.toString());
      return finish(
          Optional.empty(),
          Outcome.of(Outcome.Kind.MALFORMED, "unknown", e.getClass().getSimpleName()),
          start);
    }
    if (event.isEmpty()) {
      return finish(
          event, Outcome.of(Outcome.Kind.IGNORED, "ignored", "nothing for the guard"), start);
    }
    return handle(event.get(), start);
  }

  /**
   * A decoded event (the long poller's path), on the caller's thread.
   *
   * @return the outcome; {@link Outcome#acknowledged()} is false when the update must be fetched
   *     again
   */
  public Outcome handle(InboundEvent event) {
    return handle(event, System.nanoTime());
  }

  private Outcome handle(InboundEvent event, long start) {
    if (!accepting.get()) {
      return refused();
    }
    Outcome outcome;
    try {
      HandlingResult result = guard.handle(event);
      outcome = Outcome.handled(event.updateType(), result);
    } catch (BotApiException e) {
      if (e.isRetryable()) {
        LOG.warn(
            "Update {} ({}) failed and will be redelivered: {}",
            event.updateId(),
            event.updateType(),
            e.getMessage());
        outcome = Outcome.of(Outcome.Kind.FAILED, event.updateType(), e.getClass().getSimpleName());
      } else {
        LOG.error(
            "Update {} ({}) dropped: Telegram refused {} for good: {}",
            event.updateId(),
            event.updateType(),
            e.method(),
            e.getMessage());
        outcome =
            Outcome.of(Outcome.Kind.DROPPED, event.updateType(), e.getClass().getSimpleName());
      }
    } catch (UpdateInProgressException e) {
      // Being handled elsewhere (or by a handler that died: its lease runs out). Not a failure of
      // this update: Telegram delivers it again later, and it never counts towards dropping.
      LOG.info(
          "Update {} ({}) is in progress elsewhere: redeliver later",
          event.updateId(),
          event.updateType());
      outcome = Outcome.of(Outcome.Kind.FAILED, event.updateType(), e.getClass().getSimpleName());
    } catch (StorageUnavailableException e) {
      LOG.warn(
          "Update {} ({}) failed and will be redelivered: {}",
          event.updateId(),
          event.updateType(),
          e.getMessage());
      outcome = Outcome.of(Outcome.Kind.FAILED, event.updateType(), e.getClass().getSimpleName());
    } catch (RuntimeException e) {
      int attempts = unexpectedFailures.record(event.updateId());
      if (attempts >= MAX_UNEXPECTED_FAILURES) {
        LOG.error(
            "Update {} ({}) failed unexpectedly {} times: dropped",
            event.updateId(),
            event.updateType(),
            attempts,
            e);
        outcome =
            Outcome.of(Outcome.Kind.DROPPED, event.updateType(), e.getClass().getSimpleName());
      } else {
        LOG.error(
            "Update {} ({}) failed unexpectedly and will be redelivered",
            event.updateId(),
            event.updateType(),
            e);
        outcome = Outcome.of(Outcome.Kind.FAILED, event.updateType(), e.getClass().getSimpleName());
      }
    }
    return finish(Optional.of(event), outcome, start);
  }

  private Outcome finish(Optional<InboundEvent> event, Outcome measured, long start) {
    Outcome outcome = measured.took(java.time.Duration.ofNanos(System.nanoTime() - start));
    count(outcome);
    for (UpdateListener listener : listeners) {
      try {
        listener.processed(event, outcome);
      } catch (RuntimeException e) {
        LOG.warn("An update listener failed", e);
      }
    }
    return outcome;
  }

  private Outcome refused() {
    Outcome outcome = Outcome.of(Outcome.Kind.REFUSED, "unknown", "shutting down");
    count(outcome);
    return outcome;
  }

  private void count(Outcome outcome) {
    Counter.builder("bot_updates_received")
        .description("Updates received, by outcome")
        .tag("outcome", outcome.kind().name().toLowerCase(java.util.Locale.ROOT))
        .register(registry)
        .increment();
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
