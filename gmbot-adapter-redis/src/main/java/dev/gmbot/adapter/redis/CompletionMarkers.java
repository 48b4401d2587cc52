package dev.gmbot.adapter.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The update log's completion markers, written in batches: the first marker after a quiet moment
 * schedules a flush {@link #DELAY} later on Lettuce's event executors, and every marker that
 * arrives meanwhile goes with it, as one script call ({@code SET key d PX ttl} for each key). Under
 * load that is one command for a few dozen updates instead of one each, and no request thread ever
 * writes to the Redis channel for a marker. Nobody waits for a marker (ADR 0005: if one is lost,
 * the lease runs out and a redelivery is handled again), so the delay costs nothing but the short
 * window in which a redelivery still finds the update in progress and is asked to come again.
 */
final class CompletionMarkers implements AutoCloseable {
  /** How long the first marker of a batch waits for company. */
  static final Duration DELAY = Duration.ofMillis(2);

  /** Keys per script call: large batches are split so no single call holds Redis for long. */
  static final int MAX_BATCH = 256;

  static final RedisLink.Script SCRIPT =
      RedisLink.Script.of(
          """
          -- KEYS the update claims to mark done; ARGV[1] the marker's TTL (ms)
          for i = 1, #KEYS do
            redis.call('SET', KEYS[i], 'd', 'PX', ARGV[1])
          end
          return #KEYS
          """);

  private record Marker(String key, long ttlMillis) {}

  private final RedisLink link;
  private final Consumer<Throwable> onFailure;
  private final Runnable onSuccess;
  private final Queue<Marker> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  CompletionMarkers(RedisLink link, Runnable onSuccess, Consumer<Throwable> onFailure) {
    this.link = link;
    this.onSuccess = onSuccess;
    this.onFailure = onFailure;
  }

  /** Queues {@code key} to be marked done for {@code ttlMillis}; returns at once. */
  void add(String key, long ttlMillis) {
    pending.add(new Marker(key, ttlMillis));
    if (scheduled.compareAndSet(false, true)) {
      try {
        link.resources()
            .eventExecutorGroup()
            .schedule(this::flushScheduled, DELAY.toNanos(), TimeUnit.NANOSECONDS);
      } catch (RuntimeException e) {
        // The executors are shutting down: write what is queued now.
        scheduled.set(false);
        flush();
      }
    }
  }

  private void flushScheduled() {
    // Cleared before draining: a marker added while this runs schedules the next batch.
    scheduled.set(false);
    flush();
  }

  /**
   * Sends every queued marker now (one script call per TTL and {@link #MAX_BATCH} keys).
   *
   * @return completes when Redis answered every call (or refused it)
   */
  CompletableFuture<Void> flush() {
    Map<Long, List<String>> byTtl = new LinkedHashMap<>();
    for (Marker m; (m = pending.poll()) != null; ) {
      byTtl.computeIfAbsent(m.ttlMillis(), ttl -> new ArrayList<>()).add(m.key());
    }
    List<CompletableFuture<?>> calls = new ArrayList<>();
    byTtl.forEach(
        (ttl, keys) -> {
          for (int from = 0; from < keys.size(); from += MAX_BATCH) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + MAX_BATCH));
            calls.add(send(batch.toArray(String[]::new), Long.toString(ttl)));
          }
        });
    return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
  }

  private CompletableFuture<?> send(String[] keys, String ttl) {
    CompletableFuture<Long> call;
    try {
      call = link.evalAsync(SCRIPT, ScriptOutputType.INTEGER, keys, ttl);
    } catch (RedisException e) {
      onFailure.accept(e);
      return CompletableFuture.completedFuture(null);
    }
    return call.handle(
        (count, failure) -> {
          if (failure == null) {
            onSuccess.run();
          } else {
            onFailure.accept(RedisLink.unwrap(failure));
          }
          return null;
        });
  }

  /** Writes what is still queued and waits for it, briefly: a graceful stop loses no marker. */
  @Override
  public void close() {
    try {
      flush().get(2, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Lost markers only cost a redelivery being handled again (at least once).
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
