package dev.gmbot.adapter.telegram.webhook;

import dev.gmbot.adapter.telegram.MalformedUpdateException;
import dev.gmbot.adapter.telegram.TelegramWebhooks;
import dev.gmbot.adapter.telegram.webhook.UpdateOutcome.Kind;
import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.config.ConfigurationException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One webhook request, start to finish, independent of the HTTP front (the server's Micronaut
 * controller and the Lambda handlers both call it):
 *
 * <ol>
 *   <li>the {@code X-Telegram-Bot-Api-Secret-Token} header must equal the secret, compared in
 *       constant time ({@link TelegramWebhooks#secretMatches}); otherwise 401 and nothing is read;
 *   <li>a method other than POST is 405; an empty or undecodable body 400; one over the limit 413;
 *   <li>the {@link UpdateProcessor} decodes and handles the update to completion and names the
 *       status ({@link UpdateOutcome.Kind});
 *   <li>when the update was handled, the last fire-and-forget call the {@link WebhookReplySlot}
 *       held travels in the response body (a webhook reply); otherwise the slot is emptied.
 * </ol>
 */
public final class WebhookEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookEndpoint.class);

  /** The default body limit: an update is a few KB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  private final String secret;
  private final int maxBodyBytes;
  private final UpdateProcessor processor;
  private final WebhookReplySlot replies;

  /**
   * Reads {@code GMBOT_MAX_BODY_BYTES}: larger bodies are answered 413 (default 1 MiB, from 1 KiB
   * to 64 MiB).
   *
   * @throws ConfigurationException when it is not a whole number in that range
   */
  public static int readMaxBodyBytes(ConfigReader env) {
    return env.integer("GMBOT_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES, 1024, 64 << 20);
  }

  /**
   * @param secret the {@code secret_token} given to setWebhook; required: the endpoint is public
   * @param maxBodyBytes larger bodies are answered 413
   * @param replies the webhook-reply slot ({@link WebhookReplySlot#disabled()} for none)
   */
  public WebhookEndpoint(
      String secret, int maxBodyBytes, UpdateProcessor processor, WebhookReplySlot replies) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("the webhook secret must not be empty");
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes is positive, got " + maxBodyBytes);
    }
    this.secret = secret;
    this.maxBodyBytes = maxBodyBytes;
    this.processor = Objects.requireNonNull(processor, "processor");
    this.replies = Objects.requireNonNull(replies, "replies");
  }

  public WebhookResponse handle(WebhookRequest request) {
    if (!TelegramWebhooks.secretMatches(secret, request.secretToken().orElse(null))) {
      // Not processed, not logged beyond the fact: the body of a forged request is nobody's data.
      // DEBUG: the observer's line says it (on the server one per reason and minute, ADR 0079);
      // a line here per request would let anyone who reaches the port write the log.
      LOG.debug(
          "Rejected a webhook request {}",
          request.secretToken().isEmpty()
              ? "without the secret token"
              : "with a wrong secret token");
      return refuse(Kind.UNAUTHORIZED, "wrong or missing secret token");
    }
    if (!request.method().isEmpty() && !"POST".equalsIgnoreCase(request.method())) {
      return refuse(Kind.WRONG_METHOD, request.method());
    }
    byte[] body;
    try {
      body = request.body();
    } catch (MalformedUpdateException e) {
      LOG.debug("Rejected a webhook request: {}", e.getMessage());
      return refuse(Kind.MALFORMED, e.getMessage());
    }
    if (body.length == 0) {
      return refuse(Kind.MALFORMED, "empty body");
    }
    if (body.length > maxBodyBytes) {
      return refuse(Kind.TOO_LARGE, body.length + " bytes");
    }
    replies.begin();
    UpdateOutcome outcome;
    try {
      outcome = processor.process(body);
    } catch (RuntimeException | Error e) {
      replies.discard();
      throw e;
    }
    if (outcome.kind() != Kind.HANDLED) {
      // After a failure the response is non-2xx (Telegram would ignore a call in it) and the
      // redelivery makes the call again; a duplicate or a dropped update has nothing to send.
      replies.discard();
      return WebhookResponse.of(outcome);
    }
    Optional<BotMethodCall> reply = replies.finish();
    if (reply.isEmpty()) {
      return WebhookResponse.of(outcome);
    }
    try {
      processor.observer().repliedInResponse(reply.get().method().wireName());
    } catch (RuntimeException e) {
      LOG.warn("An update observer failed", e);
    }
    return WebhookResponse.replying(reply.get());
  }

  private WebhookResponse refuse(Kind kind, String detail) {
    UpdateOutcome outcome = UpdateOutcome.of(kind, detail);
    UpdateProcessor.notify(processor.observer(), outcome);
    return WebhookResponse.of(outcome);
  }
}
