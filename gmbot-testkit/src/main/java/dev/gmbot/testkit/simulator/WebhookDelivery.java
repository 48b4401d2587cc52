package dev.gmbot.testkit.simulator;

import dev.gmbot.testkit.simulator.World.UpdateState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers queued updates to the webhook as Telegram does: one update in flight per queue key (chat
 * for messages, user for member and callback updates), at most max_connections in flight, retry
 * immediately and then after base, 2×base, 4×base … (capped), drop when the update would expire.
 */
final class WebhookDelivery implements AutoCloseable {
  private final World w;
  private final World.Mirror mirror; // null: the webhook set with setWebhook
  private HttpClient client; // created on first delivery: building one costs ~100 ms cold
  private ScheduledExecutorService timer;
  private int inFlight;
  private volatile boolean closed;
  final List<TelegramSimulator.WebhookAnswer> answers =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  WebhookDelivery(World w) {
    this(w, null);
  }

  /** Delivers a mirror's own copies of the updates to the mirror's URL. */
  WebhookDelivery(World w, World.Mirror mirror) {
    this.w = w;
    this.mirror = mirror;
  }

  private List<UpdateState> queue() {
    return mirror == null ? w.pending : mirror.pending;
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client =
          HttpClient.newBuilder()
              .executor(Executors.newVirtualThreadPerTaskExecutor())
              .connectTimeout(Duration.ofSeconds(5))
              .version(HttpClient.Version.HTTP_1_1)
              .build();
    }
    return client;
  }

  private synchronized ScheduledExecutorService timer() {
    if (timer == null) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> Thread.ofPlatform().daemon().name("sim-webhook-timer").unstarted(r));
    }
    return timer;
  }

  /** Starts whatever can be sent now. Callable with or without the world lock held. */
  void pump() {
    if (closed) {
      return;
    }
    List<UpdateState> batch = new ArrayList<>();
    String url;
    String secret;
    w.lock.lock();
    try {
      url = mirror == null ? w.webhookUrl : mirror.url;
      secret = mirror == null ? w.webhookSecret : mirror.secret;
      if (url.isEmpty()) {
        return;
      }
      long now = monotonicMillis();
      Set<String> blocked = new HashSet<>();
      for (UpdateState u : queue()) {
        if (inFlight >= w.maxConnections) {
          break;
        }
        if (!blocked.add(u.key) || u.inFlight || u.nextAttemptMillis > now) {
          continue;
        }
        u.inFlight = true;
        inFlight++;
        batch.add(u);
      }
    } finally {
      w.lock.unlock();
    }
    for (UpdateState u : batch) {
      send(u, url, secret);
    }
  }

  private void send(UpdateState u, String url, String secret) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(w.config.webhookTimeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(u.json)));
    if (!secret.isEmpty()) {
      b.header("X-Telegram-Bot-Api-Secret-Token", secret);
    }
    long started = System.nanoTime();
    client()
        .sendAsync(b.build(), HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (resp, err) -> {
              answers.add(
                  new TelegramSimulator.WebhookAnswer(
                      u.id,
                      err == null ? resp.statusCode() : 0,
                      Duration.ofNanos(System.nanoTime() - started)));
              if (err == null && resp.statusCode() >= 200 && resp.statusCode() < 300) {
                done(u, true, "", 0);
              } else if (err != null) {
                done(u, false, "Webhook connection closed", 0);
              } else {
                long retryAfter = resp.headers().firstValueAsLong("Retry-After").orElse(0);
                done(
                    u,
                    false,
                    "Wrong response from the webhook: "
                        + resp.statusCode()
                        + " "
                        + reason(resp.statusCode()),
                    Math.min(retryAfter, 3600));
              }
            });
  }

  private void done(UpdateState u, boolean ok, String error, long retryAfterSeconds) {
    long delay = 0;
    w.lock.lock();
    try {
      inFlight--;
      u.inFlight = false;
      if (ok) {
        queue().remove(u);
      } else {
        u.attempts++;
        long base = w.config.webhookRetryBase().toMillis();
        delay =
            u.attempts == 1
                ? 0
                : Math.min(
                    w.config.webhookRetryCap().toMillis(), base << Math.min(30, u.attempts - 2));
        delay = Math.max(delay, retryAfterSeconds * 1000);
        long now = w.nowMillis();
        w.lastErrorDate = now / 1000;
        w.lastErrorMessage = error;
        if (now + delay > u.createdMillis + u.ttlMillis) {
          queue().remove(u);
        } else {
          u.nextAttemptMillis = monotonicMillis() + delay;
        }
      }
      w.updatesChanged.signalAll();
    } finally {
      w.lock.unlock();
    }
    if (delay > 0 && !closed) {
      timer().schedule(this::pump, delay, TimeUnit.MILLISECONDS);
    }
    pump();
  }

  private static long monotonicMillis() {
    return System.nanoTime() / 1_000_000;
  }

  private static String reason(int code) {
    return switch (code) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 410 -> "Gone";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Error";
    };
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (timer != null) {
      timer.shutdownNow();
    }
    if (client != null) {
      client.shutdownNow();
    }
  }
}
