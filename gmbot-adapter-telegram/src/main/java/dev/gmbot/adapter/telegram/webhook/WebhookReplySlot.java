package dev.gmbot.adapter.telegram.webhook;

import dev.gmbot.port.out.BotApiException;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the newest fire-and-forget call of the current invocation so that, if nothing else is sent
 * after it, it travels in the webhook response instead of costing its own HTTP round trip.
 *
 * <p>Order is kept: a held call is sent for real before any later state-changing call, so the calls
 * reach Telegram in the order the domain made them; only when it is the invocation's last
 * state-changing call does it move into the response. Reads (getChatMember, getChat) do not flush:
 * they cannot observe a callback answer or a deleted message.
 *
 * <p>One request at a time (the Lambda model: a container serves one request at a time); calls made
 * outside {@link #begin()}…{@link #finish()} are never held. A deployable that handles several
 * updates at once (the server) uses {@link #disabled()}.
 */
public final class WebhookReplySlot {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookReplySlot.class);

  /** A call waiting in the slot, with the way to send it for real. */
  private record Held(BotMethodCall call, Runnable sendNow) {}

  private final boolean enabled;
  private final Consumer<String> onDroppedRejection;
  private final Object lock = new Object();
  private boolean open;
  private Held held;
  private long heldTotal;
  private long repliedTotal;

  /**
   * @param onDroppedRejection told (with the method name) when a flushed held call was refused by
   *     Telegram: such refusals are dropped, as a webhook reply's outcome is unknown anyway
   */
  public WebhookReplySlot(boolean enabled, Consumer<String> onDroppedRejection) {
    this.enabled = enabled;
    this.onDroppedRejection = onDroppedRejection;
  }

  /** A slot that holds calls, logging refusals of flushed ones. */
  public static WebhookReplySlot holding() {
    return new WebhookReplySlot(
        true, method -> LOG.warn("A held {} call was refused by Telegram; dropped", method));
  }

  /** A slot that never holds a call: every call is sent at once. */
  public static WebhookReplySlot disabled() {
    return new WebhookReplySlot(false, method -> {});
  }

  public boolean enabled() {
    return enabled;
  }

  /** Opens the slot for one invocation. */
  public void begin() {
    synchronized (lock) {
      open = enabled;
      held = null;
    }
  }

  /** Closes the slot and hands out the call to put into the response, if one is held. */
  public Optional<BotMethodCall> finish() {
    synchronized (lock) {
      open = false;
      Held h = held;
      held = null;
      if (h != null) {
        repliedTotal++;
      }
      return Optional.ofNullable(h).map(Held::call);
    }
  }

  /**
   * Closes the slot after a failed invocation, dropping a held call: the response is non-2xx, so
   * Telegram would ignore it, and the redelivered update makes it again.
   */
  public void discard() {
    synchronized (lock) {
      open = false;
      held = null;
    }
  }

  /**
   * Offers a fire-and-forget call. Sends the previously held call first (order), then holds this
   * one.
   *
   * @return true when the call is held (the caller must not send it); false when the slot is closed
   *     and the caller sends it itself
   */
  boolean offer(BotMethodCall call, Runnable sendNow) {
    synchronized (lock) {
      if (!open) {
        return false;
      }
      flushLocked();
      held = new Held(call, sendNow);
      heldTotal++;
      return true;
    }
  }

  /** Sends the held call, if any, before a state-changing call goes out. */
  void beforeWrite() {
    synchronized (lock) {
      flushLocked();
    }
  }

  private void flushLocked() {
    Held h = held;
    if (h == null) {
      return;
    }
    try {
      h.sendNow().run();
      held = null;
    } catch (BotApiException e) {
      if (e.isRetryable()) {
        // Keep it: the scheduler retries the call that triggered the flush, which flushes again.
        throw e;
      }
      held = null;
      onDroppedRejection.accept(h.call().method().wireName());
    }
  }

  /** Calls that went into the slot since start (sent later or replied). */
  public long heldCalls() {
    synchronized (lock) {
      return heldTotal;
    }
  }

  /** Calls that left the slot in a webhook response since start: HTTP round trips saved. */
  public long repliedCalls() {
    synchronized (lock) {
      return repliedTotal;
    }
  }
}
