package dev.gmbot.adapter.telegram;

import dev.gmbot.adapter.telegram.internal.TgUpdate;
import dev.gmbot.port.in.InboundEvent;
import dev.gmbot.port.out.BotApiException;
import dev.gmbot.port.out.BotApiRejectedException;
import dev.gmbot.port.out.FloodWaitException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polling: getUpdates in a loop on one thread, each update decoded and handed to the {@link
 * UpdateHandler} in order.
 *
 * <ul>
 *   <li>Offsets: only what was processed is confirmed. An update is passed when the handler returns
 *       normally, or when it is nothing for the guard, or when it cannot be decoded (logged and
 *       counted: a poison update must not stop the bot). When the handler throws, the rest of the
 *       batch is left and the next getUpdates asks again from that update, after a back-off.
 *   <li>getUpdates uses {@code timeout} 50 s and {@code allowed_updates} {@link
 *       TelegramUpdateDecoder#ALLOWED_UPDATES}; the HTTP read timeout is the poll timeout plus the
 *       client's read timeout.
 *   <li>Failures back off exponentially (1 s doubling to 30 s by default); a 429 waits its {@code
 *       retry_after}; 401 stops the poller (the token is wrong). The two 409 conflicts (a webhook
 *       is set; another instance polls) are logged in plain words.
 *   <li>{@link #close()} stops the loop: it cancels the in-flight getUpdates, lets a running
 *       handler finish, and returns when the polling thread has ended.
 * </ul>
 */
public final class LongPoller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LongPoller.class);

  /**
   * @param timeoutSeconds getUpdates {@code timeout} (the server clamps to 0..50)
   * @param limit getUpdates {@code limit} (1-100)
   * @param initialBackoff the first wait after a failure
   * @param maxBackoff the longest wait
   */
  public record Settings(
      int timeoutSeconds, int limit, Duration initialBackoff, Duration maxBackoff) {
    public static final Settings DEFAULT =
        new Settings(50, 100, Duration.ofSeconds(1), Duration.ofSeconds(30));

    public Settings {
      if (timeoutSeconds < 0 || timeoutSeconds > 50) {
        throw new IllegalArgumentException("the poll timeout is 0-50 s, got " + timeoutSeconds);
      }
      if (limit < 1 || limit > 100) {
        throw new IllegalArgumentException("the poll limit is 1-100, got " + limit);
      }
      Objects.requireNonNull(initialBackoff, "initialBackoff");
      Objects.requireNonNull(maxBackoff, "maxBackoff");
      if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("back-off must be 0 <= initial <= max");
      }
    }
  }

  private final TelegramBotApiClient client;
  private final TelegramUpdateDecoder decoder;
  private final UpdateHandler handler;
  private final Settings settings;
  private final OkHttpClient longPoll;
  private final AtomicReference<Call> inFlight = new AtomicReference<>();
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private final LongAdder undecodable = new LongAdder();
  private volatile boolean running;
  private volatile boolean closed;
  private volatile long offset;
  private Thread thread;

  public LongPoller(
      TelegramBotApiClient client, TelegramUpdateDecoder decoder, UpdateHandler handler) {
    this(client, decoder, handler, Settings.DEFAULT);
  }

  public LongPoller(
      TelegramBotApiClient client,
      TelegramUpdateDecoder decoder,
      UpdateHandler handler,
      Settings settings) {
    this.client = Objects.requireNonNull(client, "client");
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.longPoll = client.longPollClient(settings.timeoutSeconds());
  }

  /** Starts the polling thread (once). */
  public synchronized void start() {
    if (thread != null || closed) {
      throw new IllegalStateException("the poller was already started or closed");
    }
    running = true;
    thread = new Thread(this::loop, "telegram-long-poll");
    thread.start();
  }

  /** The next getUpdates offset: the id after the last confirmed update (0 before any). */
  public long offset() {
    return offset;
  }

  public boolean isRunning() {
    return running;
  }

  /** Updates skipped because they could not be decoded. */
  public long undecodableCount() {
    return undecodable.sum();
  }

  /** Stops polling; returns when the in-flight request is cancelled and the thread has ended. */
  @Override
  public void close() {
    Thread polling;
    synchronized (this) {
      closed = true;
      running = false;
      polling = thread;
    }
    stopSignal.countDown();
    Call call = inFlight.get();
    if (call != null) {
      call.cancel();
    }
    if (polling != null && polling != Thread.currentThread()) {
      try {
        polling.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void loop() {
    LOG.info(
        "Long polling started (timeout {} s, allowed_updates {})",
        settings.timeoutSeconds(),
        TelegramUpdateDecoder.ALLOWED_UPDATES);
    int failures = 0;
    while (running) {
      try {
        pollOnce();
        failures = 0;
      } catch (HandlerFailedException e) {
        failures++;
        pause(backoff(failures));
      } catch (FloodWaitException e) {
        LOG.warn("getUpdates: flood wait of {} s", e.retryAfter().toSeconds());
        pause(e.retryAfter());
      } catch (BotApiRejectedException e) {
        if (!running) {
          break;
        }
        failures++;
        if (e.reason() == BotApiRejectedException.Reason.UNAUTHORIZED) {
          LOG.error(
              "Long polling stopped: Telegram rejects the bot token (401 {})", e.description());
          running = false;
          break;
        }
        Duration wait = backoff(failures);
        if (e.reason() == BotApiRejectedException.Reason.CONFLICT) {
          logConflict(e, wait);
        } else {
          LOG.warn("getUpdates rejected: {}; retrying in {} ms", e.getMessage(), wait.toMillis());
        }
        pause(wait);
      } catch (BotApiException e) {
        if (!running) {
          break;
        }
        failures++;
        Duration wait = backoff(failures);
        LOG.warn("getUpdates failed: {}; retrying in {} ms", e.getMessage(), wait.toMillis());
        pause(wait);
      } catch (RuntimeException e) {
        failures++;
        LOG.error("Long polling: unexpected failure; retrying", e);
        pause(backoff(failures));
      }
    }
    LOG.info("Long polling stopped at offset {}", offset);
  }

  private static void logConflict(BotApiRejectedException e, Duration wait) {
    String description = e.description().toLowerCase(Locale.ROOT);
    if (description.contains("webhook is active")) {
      LOG.warn(
          "Long polling conflict (409): a webhook is set for this bot, so getUpdates is refused."
              + " Delete the webhook (deleteWebhook) or run in webhook mode. Retrying in {} ms.",
          wait.toMillis());
    } else if (description.contains("other getupdates")) {
      LOG.warn(
          "Long polling conflict (409): another process is polling this bot (terminated by other"
              + " getUpdates request). Run only one poller per bot. Retrying in {} ms.",
          wait.toMillis());
    } else {
      LOG.warn(
          "Long polling conflict (409): {}. Retrying in {} ms.", e.description(), wait.toMillis());
    }
  }

  /**
   * One getUpdates and the handling of its updates, in order.
   *
   * @return how many updates were confirmed
   * @throws BotApiException when getUpdates fails
   * @throws HandlerFailedException when the handler threw (the update stays unconfirmed)
   */
  int pollOnce() {
    List<TgUpdate> updates;
    try {
      updates =
          client.getUpdates(
              longPoll,
              offset,
              settings.limit(),
              settings.timeoutSeconds(),
              TelegramUpdateDecoder.ALLOWED_UPDATES,
              call -> {
                inFlight.set(call);
                if (closed) {
                  call.cancel(); // close() ran before this call existed
                }
              });
    } finally {
      inFlight.set(null);
    }
    int confirmed = 0;
    for (TgUpdate update : updates) {
      if (closed) {
        break; // the rest stays unconfirmed and is fetched by the next poller
      }
      Optional<InboundEvent> event;
      try {
        event = decoder.decode(update);
      } catch (MalformedUpdateException e) {
        undecodable.increment();
        LOG.warn(
            "Update {} skipped: {}",
            e.updateId().isPresent() ? e.updateId().getAsLong() : "?",
            e.getMessage());
        if (e.updateId().isPresent()) {
          advance(e.updateId().getAsLong());
          confirmed++;
        }
        continue;
      }
      long id = update.updateId();
      if (event.isPresent()) {
        try {
          handler.handle(id, event.get());
        } catch (Exception e) {
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
          }
          LOG.warn(
              "Handling update {} ({}) failed; it will be fetched again",
              id,
              event.get().updateType(),
              e);
          throw new HandlerFailedException();
        }
      }
      advance(id);
      confirmed++;
    }
    return confirmed;
  }

  private void advance(long updateId) {
    if (updateId + 1 > offset) {
      offset = updateId + 1;
    }
  }

  private Duration backoff(int failures) {
    Duration wait = settings.initialBackoff();
    for (int i = 1; i < failures && wait.compareTo(settings.maxBackoff()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
  }

  private void pause(Duration wait) {
    try {
      stopSignal.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** The handler threw: the update stays unconfirmed. */
  static final class HandlerFailedException extends RuntimeException {
    HandlerFailedException() {
      super("the update handler failed", null, false, false);
    }
  }
}
