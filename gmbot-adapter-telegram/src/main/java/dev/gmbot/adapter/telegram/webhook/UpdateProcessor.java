package dev.gmbot.adapter.telegram.webhook;

import dev.gmbot.adapter.telegram.MalformedUpdateException;
import dev.gmbot.adapter.telegram.UpdateDecoder;
import dev.gmbot.adapter.telegram.webhook.UpdateOutcome.Kind;
import dev.gmbot.port.in.HandleEventUseCase;
import dev.gmbot.port.in.InboundEvent;
import dev.gmbot.port.in.UpdateInProgressException;
import dev.gmbot.port.out.BotApiException;
import dev.gmbot.port.out.FloodWaitException;
import dev.gmbot.port.out.NonBlocking;
import dev.gmbot.port.out.StorageUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every update takes, from a webhook or the long poller: decode it, hand it to the
 * domain ({@link HandleEventUseCase}: deduplication by update id, decisions, effects), and turn
 * what happened into an {@link UpdateOutcome}, which the {@link UpdateObserver} is told about.
 *
 * <ul>
 *   <li>Handled or a duplicate: acknowledged.
 *   <li>A Bot API call refused for good ({@link BotApiException#isRetryable()} false): {@link
 *       Kind#REJECTED}, acknowledged, so that it does not hold back the chat's later updates.
 *   <li>Storage down, a retryable Bot API failure (a 429 with its {@code retry_after}), the update
 *       in progress elsewhere: {@link Kind#UNAVAILABLE}, redelivered. These never count as poison.
 *   <li>Anything else (a bug): {@link Kind#FAILED}, redelivered, until the same update failed
 *       {@link #MAX_UNEXPECTED_FAILURES} times in this process: then {@link Kind#DROPPED}. The
 *       first such failure of an update id is told to {@link UpdateObserver#failedUnexpectedly},
 *       once (error tracking).
 * </ul>
 *
 * Never throws, except inside a {@link NonBlocking} attempt that tripped (the update is then to be
 * handled again where waiting is allowed); thread-safe.
 */
public final class UpdateProcessor {
  /**
   * An update whose handling fails unexpectedly this many times is acknowledged and dropped: it
   * would otherwise be redelivered for 24 h and hold its chat's later updates back.
   */
  public static final int MAX_UNEXPECTED_FAILURES = 3;

  private static final Logger LOG = LoggerFactory.getLogger(UpdateProcessor.class);

  private final UpdateDecoder decoder;
  private final HandleEventUseCase useCase;
  private final UpdateObserver observer;
  private final Clock clock;
  private final PoisonUpdates poison = new PoisonUpdates(MAX_UNEXPECTED_FAILURES);

  public UpdateProcessor(
      UpdateDecoder decoder, HandleEventUseCase useCase, UpdateObserver observer, Clock clock) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.useCase = Objects.requireNonNull(useCase, "useCase");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The observer told about every outcome (the endpoint reports its own checks to it too). */
  public UpdateObserver observer() {
    return observer;
  }

  /** A webhook body: decoded, then handled on the caller's thread. */
  public UpdateOutcome process(byte[] body) {
    Instant start = clock.instant();
    Optional<InboundEvent> event;
    try {
      event = decoder.decode(body);
    } catch (MalformedUpdateException e) {
      // The reason only: the body holds users' personal data. DEBUG: the observer's line (the
      // outcome, with this reason as its detail) is the one kept, rate-limited on the server.
      LOG.debug("Rejected a malformed update ({} bytes): {}", body.length, e.getMessage());
      return report(UpdateOutcome.of(Kind.MALFORMED, String.valueOf(e.getMessage())), start);
    } catch (RuntimeException e) {
      LOG.debug("Rejected an undecodable update ({} bytes): {}", body.length, e.toString());
      return report(UpdateOutcome.of(Kind.MALFORMED, e.getClass().getSimpleName()), start);
    }
    if (event.isEmpty()) {
      return report(UpdateOutcome.of(Kind.IGNORED, "nothing for the guard"), start);
    }
    return report(run(event.get()), start);
  }

  /**
   * A decoded event (the long poller's path), handled on the caller's thread.
   *
   * @return the outcome; when it is not {@link UpdateOutcome#acknowledged()} the update must be
   *     delivered again
   */
  public UpdateOutcome handle(InboundEvent event) {
    return report(run(event), clock.instant());
  }

  private UpdateOutcome run(InboundEvent event) {
    try {
      return UpdateOutcome.handled(event, useCase.handle(event));
    } catch (RuntimeException e) {
      if (NonBlocking.tripped()) {
        // Not an outcome: the update is handled again on a thread that may wait (ADR 0098).
        throw e;
      }
      return failed(event, e);
    }
  }

  private UpdateOutcome failed(InboundEvent event, RuntimeException failure) {
    if (failure instanceof FloodWaitException e) {
      LOG.warn(
          "Update {} ({}) hit a flood wait of {} s and will be redelivered: {}",
          event.updateId(),
          event.updateType(),
          e.retryAfter().toSeconds(),
          e.getMessage());
      return UpdateOutcome.of(Kind.UNAVAILABLE, event, e.getClass().getSimpleName())
          .withRetryAfter(e.retryAfter());
    }
    if (failure instanceof BotApiException e) {
      if (e.isRetryable()) {
        LOG.warn(
            "Update {} ({}) failed and will be redelivered: {}",
            event.updateId(),
            event.updateType(),
            e.getMessage());
        return UpdateOutcome.of(Kind.UNAVAILABLE, event, e.getClass().getSimpleName());
      }
      LOG.error(
          "Update {} ({}) dropped: Telegram refused {} for good: {}",
          event.updateId(),
          event.updateType(),
          e.method(),
          e.getMessage());
      return UpdateOutcome.of(Kind.REJECTED, event, e.getClass().getSimpleName());
    }
    if (failure instanceof UpdateInProgressException e) {
      // Being handled elsewhere (or by a handler that died: its lease runs out). Not a failure of
      // this update: Telegram delivers it again later, and it never counts towards dropping.
      LOG.info(
          "Update {} ({}) is in progress elsewhere: redeliver later",
          event.updateId(),
          event.updateType());
      return UpdateOutcome.of(Kind.UNAVAILABLE, event, e.getClass().getSimpleName());
    }
    if (failure instanceof StorageUnavailableException e) {
      LOG.warn(
          "Update {} ({}) failed and will be redelivered: {}",
          event.updateId(),
          event.updateType(),
          e.getMessage());
      return UpdateOutcome.of(Kind.UNAVAILABLE, event, e.getClass().getSimpleName());
    }
    int attempts = poison.failed(event.updateId());
    if (poison.reachedLimit(attempts)) {
      LOG.error(
          "Update {} ({}) failed unexpectedly {} times: dropped",
          event.updateId(),
          event.updateType(),
          attempts,
          failure);
      return UpdateOutcome.of(Kind.DROPPED, event, failure.getClass().getSimpleName());
    }
    LOG.error(
        "Update {} ({}) failed unexpectedly and will be redelivered",
        event.updateId(),
        event.updateType(),
        failure);
    UpdateOutcome failed = UpdateOutcome.of(Kind.FAILED, event, failure.getClass().getSimpleName());
    if (attempts == 1) {
      tellFailure(failed, failure);
    }
    return failed;
  }

  /** The first unexpected failure of an update, once (an error tracker reports it). */
  private void tellFailure(UpdateOutcome failed, RuntimeException failure) {
    try {
      observer.failedUnexpectedly(failed, failure);
    } catch (RuntimeException e) {
      LOG.warn("An update observer failed", e);
    }
  }

  private UpdateOutcome report(UpdateOutcome measured, Instant start) {
    UpdateOutcome outcome = measured.took(Duration.between(start, clock.instant()));
    notify(observer, outcome);
    return outcome;
  }

  /** Tells the observer, which must not break the update's answer. */
  static void notify(UpdateObserver observer, UpdateOutcome outcome) {
    try {
      observer.processed(outcome);
    } catch (RuntimeException e) {
      LOG.warn("An update observer failed", e);
    }
  }
}
