package dev.gmbot.adapter.redis;

import dev.gmbot.adapter.redis.local.LocalUpdateLog;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.NonBlocking;
import dev.gmbot.port.out.UpdateLog;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import java.time.Duration;

/**
 * Claims under {@code {prefix}update:{update_id}} with SET NX PX: exactly one claimant across every
 * instance wins. The value says the state: {@code p} while in progress (a lease), {@code d} once
 * completed. Every won claim is also recorded in the in-process log, which alone decides while
 * Redis is unreachable (deduplication within this instance only); releases go to both.
 */
public final class RedisUpdateLog implements UpdateLog, AutoCloseable {
  private static final String IN_PROGRESS = "p";
  private static final String DONE = "d";

  private final RedisLink link;
  private final String prefix;
  private final UpdateLog local;
  private final Outage outage;
  private final CompletionMarkers markers;

  RedisUpdateLog(RedisLink link, UpdateLog local, GuardMetrics metrics) {
    this(
        link,
        local,
        new Outage(
            link.config().reconnectDelay(),
            "update_log",
            metrics,
            "updates are deduplicated within this instance only"));
  }

  RedisUpdateLog(RedisLink link, UpdateLog local, Outage outage) {
    this.link = link;
    this.prefix = link.config().keyPrefix() + "update:";
    this.local = local;
    this.outage = outage;
    this.markers =
        new CompletionMarkers(
            link, outage::succeeded, failure -> outage.fellBack(asRedisException(failure)));
  }

  @Override
  public Claim begin(long updateId, Duration lease) {
    String key = prefix + updateId;
    try {
      outage.check();
      String ok =
          link.commands().set(key, IN_PROGRESS, SetArgs.Builder.nx().px(TtlMillis.of(lease)));
      // Not ours: read what holds it. A key that expired in between counts as in progress, so
      // the caller answers "later" and the next delivery claims it.
      String holder = "OK".equals(ok) ? null : link.commands().get(key);
      outage.succeeded();
      if (!"OK".equals(ok)) {
        return DONE.equals(holder) ? Claim.DONE : heldIn(local, updateId);
      }
      // Also claimed locally: an update this instance handled during an outage stays handled.
      return local.begin(updateId, lease);
    } catch (RedisException e) {
      outage.fellBack(e);
      return local.begin(updateId, lease);
    }
  }

  /**
   * Queued, not waited for: the marker goes to Redis with the others of the next few milliseconds
   * in one command ({@link CompletionMarkers}), so the caller acknowledges the update without a
   * round trip. A redelivery within that window finds the update in progress and is asked to come
   * again; if the marker is lost, the lease runs out and a redelivery is handled again (ADR 0005:
   * at least once).
   */
  @Override
  public void complete(long updateId, Duration ttl) {
    local.complete(updateId, ttl);
    try {
      outage.check();
      markers.add(prefix + updateId, TtlMillis.of(ttl));
    } catch (RedisException e) {
      outage.fellBack(e);
    }
  }

  /** Writes the queued completion markers (before the connection closes). */
  @Override
  public void close() {
    markers.close();
  }

  @Override
  public boolean claim(long updateId, Duration ttl) {
    long px = TtlMillis.of(ttl);
    try {
      outage.check();
      String ok = link.commands().set(prefix + updateId, DONE, SetArgs.Builder.nx().px(px));
      outage.succeeded();
      // Also claimed locally: an update this instance claimed during an outage stays a duplicate.
      return "OK".equals(ok) && local.claim(updateId, ttl);
    } catch (RedisException e) {
      outage.fellBack(e);
      return local.claim(updateId, ttl);
    }
  }

  @Override
  public void release(long updateId) {
    local.release(updateId);
    try {
      outage.check();
      if (NonBlocking.tripped()) {
        // Cleaning up after an attempt that tripped, on an I/O thread: sent, not waited for. The
        // update is handled again at once, and its new claim follows on the same connection.
        link.asyncCommands()
            .del(prefix + updateId)
            .whenComplete(
                (n, failure) -> {
                  if (failure == null) {
                    outage.succeeded();
                  } else {
                    outage.fellBack(asRedisException(RedisLink.unwrap(failure)));
                  }
                });
        return;
      }
      link.commands().del(prefix + updateId);
      outage.succeeded();
    } catch (RedisException e) {
      outage.fellBack(e);
    }
  }

  private static RuntimeException asRedisException(Throwable failure) {
    return failure instanceof RuntimeException r ? r : new RedisException(failure);
  }

  /**
   * What a claim Redis holds as in progress is: done when this process completed it and its marker
   * is still queued ({@link CompletionMarkers}), else in progress.
   */
  static Claim heldIn(UpdateLog local, long updateId) {
    return local instanceof LocalUpdateLog here && here.completedHere(updateId)
        ? Claim.DONE
        : Claim.IN_PROGRESS;
  }

  Outage outage() {
    return outage;
  }
}
