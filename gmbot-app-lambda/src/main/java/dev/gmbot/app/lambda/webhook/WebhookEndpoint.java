package dev.gmbot.app.lambda.webhook;

import dev.gmbot.app.lambda.json.JsonLog;
import dev.gmbot.app.lambda.webhook.WebhookObserver.Outcome;
import dev.gmbot.port.in.HandleEventUseCase;
import dev.gmbot.port.in.HandlingResult;
import dev.gmbot.port.in.InboundEvent;
import dev.gmbot.port.in.UpdateInProgressException;
import dev.gmbot.port.out.BotApiException;
import dev.gmbot.port.out.FloodWaitException;
import dev.gmbot.port.out.StorageUnavailableException;
import dev.gmbot.port.out.UpdateLog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One webhook request, start to finish, independent of the Lambda event shape (DESIGN §3.4): the
 * secret header (constant time), the body (base64 when the event says so), the update, the
 * duplicate check by {@code update_id}, the domain run to completion (Lambda freezes the container
 * once the response is returned), and the status Telegram acts on: 2xx acknowledges, anything else
 * makes it redeliver.
 */
public final class WebhookEndpoint {
  private final WebhookSecret secret;
  private final UpdateDecoder decoder;
  private final HandleEventUseCase useCase;
  private final Optional<UpdateLog> updateLog;
  private final Duration dedupTtl;
  private final WebhookReplySlot replies;
  private final WebhookObserver observer;
  private final JsonLog log;
  private final Clock clock;

  /** Unexpected failures per update id in this container (bounded, oldest forgotten first). */
  private final Map<Long, Integer> failedAttempts =
      new java.util.LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Integer> eldest) {
          return size() > 10_000;
        }
      };

  /**
   * An update that fails unexpectedly (a bug, not a dependency) this many times is acknowledged and
   * dropped: otherwise Telegram would redeliver it for 24 h and hold back the chat's later updates.
   */
  static final int POISON_ATTEMPTS = 3;

  /**
   * @param updateLog the log this endpoint claims update ids in; empty when the use case
   *     deduplicates itself (then {@link HandlingResult#duplicate()} reports duplicates)
   */
  public WebhookEndpoint(
      WebhookSecret secret,
      UpdateDecoder decoder,
      HandleEventUseCase useCase,
      Optional<UpdateLog> updateLog,
      Duration dedupTtl,
      WebhookReplySlot replies,
      WebhookObserver observer,
      JsonLog log,
      Clock clock) {
    this.secret = Objects.requireNonNull(secret, "secret");
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.useCase = Objects.requireNonNull(useCase, "useCase");
    this.updateLog = Objects.requireNonNull(updateLog, "updateLog");
    this.dedupTtl = Objects.requireNonNull(dedupTtl, "dedupTtl");
    this.replies = Objects.requireNonNull(replies, "replies");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.log = Objects.requireNonNull(log, "log");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public WebhookResponse handle(WebhookRequest request) {
    Instant start = clock.instant();
    if (!secret.matches(request.header(WebhookSecret.HEADER))) {
      // Not processed, not logged beyond the fact: the body of a forged request is nobody's data.
      log.warn(
          "webhook request without the right secret header",
          Map.of("secretHeaderPresent", request.header(WebhookSecret.HEADER).isPresent()));
      return done(start, Outcome.UNAUTHORIZED, "", WebhookResponse.error(401, "unauthorized"));
    }
    if (!request.method().isEmpty() && !"POST".equalsIgnoreCase(request.method())) {
      return done(
          start,
          Outcome.WRONG_METHOD,
          "",
          WebhookResponse.error(405, "method_not_allowed").withHeader("Allow", "POST"));
    }
    Optional<InboundEvent> decoded;
    try {
      decoded = decoder.decode(bodyBytes(request));
    } catch (MalformedUpdateException e) {
      // The reason only: the body holds users' personal data.
      log.warn("malformed webhook body", Map.of("reason", String.valueOf(e.getMessage())));
      return done(start, Outcome.MALFORMED, "", WebhookResponse.error(400, "malformed_update"));
    } catch (RuntimeException e) {
      log.error("the update decoder failed", Map.of(), e);
      return done(start, Outcome.FAILED, "", WebhookResponse.error(500, "internal_error"));
    }
    if (decoded.isEmpty()) {
      return done(start, Outcome.IGNORED, "", WebhookResponse.ok());
    }
    InboundEvent event = decoded.get();
    return process(start, event);
  }

  private WebhookResponse process(Instant start, InboundEvent event) {
    long updateId = event.updateId();
    String type = event.updateType();
    boolean claimed = false;
    replies.begin();
    try {
      if (updateLog.isPresent()) {
        if (!updateLog.get().claim(updateId, dedupTtl)) {
          replies.discard();
          return done(start, Outcome.DUPLICATE, type, WebhookResponse.ok());
        }
        claimed = true;
      }
      HandlingResult result = useCase.handle(event);
      Optional<BotMethodCall> reply = replies.finish();
      if (result.duplicate()) {
        return done(start, Outcome.DUPLICATE, type, WebhookResponse.ok());
      }
      log.info("update handled", fields(updateId, type, Map.of("effects", result.effects())));
      if (reply.isPresent()) {
        observer.repliedInResponse(reply.get().method());
        return done(start, Outcome.HANDLED, type, WebhookResponse.okWith(reply.get().toJson()));
      }
      return done(start, Outcome.HANDLED, type, WebhookResponse.ok());
    } catch (UpdateInProgressException e) {
      // Handled elsewhere right now (or by a handler that died: its lease runs out); Telegram
      // delivers it again later. Only a claim of this endpoint's own is given back.
      replies.discard();
      release(claimed, updateId);
      log.warn(
          "update in progress elsewhere; Telegram will redeliver",
          fields(updateId, type, Map.of()));
      return done(start, Outcome.DEPENDENCY_FAILED, type, unavailable(Optional.empty()));
    } catch (StorageUnavailableException e) {
      replies.discard();
      release(claimed, updateId);
      log.error(
          "storage unavailable; Telegram will redeliver", fields(updateId, type, Map.of()), e);
      return done(start, Outcome.DEPENDENCY_FAILED, type, unavailable(Optional.empty()));
    } catch (BotApiException e) {
      replies.discard();
      release(claimed, updateId);
      if (e.isRetryable()) {
        log.error(
            "Bot API failure; Telegram will redeliver",
            fields(updateId, type, Map.of("method", e.method())),
            e);
        Optional<Duration> retryAfter =
            e instanceof FloodWaitException flood
                ? Optional.of(flood.retryAfter())
                : Optional.empty();
        return done(start, Outcome.DEPENDENCY_FAILED, type, unavailable(retryAfter));
      }
      log.error(
          "Bot API refusal escaped the domain",
          fields(updateId, type, Map.of("method", e.method())),
          e);
      return failed(start, updateId, type);
    } catch (RuntimeException e) {
      replies.discard();
      release(claimed, updateId);
      log.error("unexpected failure handling an update", fields(updateId, type, Map.of()), e);
      return failed(start, updateId, type);
    }
  }

  /** 500 so that Telegram retries, until the update has failed {@link #POISON_ATTEMPTS} times. */
  private WebhookResponse failed(Instant start, long updateId, String type) {
    int attempts;
    synchronized (failedAttempts) {
      attempts = failedAttempts.merge(updateId, 1, Integer::sum);
      if (attempts >= POISON_ATTEMPTS) {
        failedAttempts.remove(updateId);
      }
    }
    if (attempts >= POISON_ATTEMPTS) {
      log.error(
          "update dropped after repeated unexpected failures",
          fields(updateId, type, Map.of("attempts", attempts)),
          null);
      return done(start, Outcome.DROPPED, type, WebhookResponse.ok());
    }
    return done(start, Outcome.FAILED, type, WebhookResponse.error(500, "internal_error"));
  }

  private static WebhookResponse unavailable(Optional<Duration> retryAfter) {
    WebhookResponse r = WebhookResponse.error(503, "dependency_unavailable");
    return retryAfter
        .map(d -> r.withHeader("Retry-After", Long.toString(Math.max(1, d.toSeconds()))))
        .orElse(r);
  }

  private void release(boolean claimed, long updateId) {
    if (!claimed) {
      return;
    }
    try {
      updateLog.orElseThrow().release(updateId);
    } catch (RuntimeException e) {
      // The claim expires with its TTL; until then a redelivery counts as a duplicate.
      log.error("could not release the update claim", Map.of("updateId", updateId), e);
    }
  }

  private byte[] bodyBytes(WebhookRequest request) {
    if (request.body().isEmpty()) {
      throw new MalformedUpdateException("empty body", null);
    }
    if (!request.base64Encoded()) {
      return request.body().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Base64.getMimeDecoder().decode(request.body());
    } catch (IllegalArgumentException e) {
      throw new MalformedUpdateException("body flagged base64 is not base64", e);
    }
  }

  private static Map<String, Object> fields(long updateId, String type, Map<String, ?> more) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("updateId", updateId);
    f.put("updateType", type);
    f.putAll(more);
    return f;
  }

  private WebhookResponse done(
      Instant start, Outcome outcome, String type, WebhookResponse response) {
    observer.requestHandled(outcome, type, Duration.between(start, clock.instant()));
    return response;
  }
}
