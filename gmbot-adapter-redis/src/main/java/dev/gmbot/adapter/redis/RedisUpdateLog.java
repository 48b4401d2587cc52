package dev.gmbot.adapter.redis;

import dev.gmbot.port.out.GuardMetrics;
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
public final class RedisUpdateLog implements UpdateLog {
  private static final String IN_PROGRESS = "p";
  private static final String DONE = "d";

  private final RedisLink link;
  private final String prefix;
  private final UpdateLog local;
  private final Outage outage;

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
        return DONE.equals(holder) ? Claim.DONE : Claim.IN_PROGRESS;
      }
      // Also claimed locally: an update this instance handled during an outage stays handled.
      return local.begin(updateId, lease);
    } catch (RedisException e) {
      outage.fellBack(e);
      return local.begin(updateId, lease);
    }
  }

  /**
   * Sent, not waited for: the caller acknowledges the update without a round trip. Commands on the
   * shared connection run in order, so a later {@link #begin} of the same update (a redelivery)
   * finds it done; if the marker is lost, the lease runs out and a redelivery is handled again (ADR
   * 0005: at least once).
   */
  @Override
  public void complete(long updateId, Duration ttl) {
    local.complete(updateId, ttl);
    try {
      outage.check();
      link.asyncCommands()
          .set(prefix + updateId, DONE, SetArgs.Builder.px(TtlMillis.of(ttl)))
          .whenComplete(
              (ok, failure) -> {
                if (failure == null) {
                  outage.succeeded();
                } else {
                  outage.fellBack(
                      failure instanceof RuntimeException r ? r : new RedisException(failure));
                }
              });
    } catch (RedisException e) {
      outage.fellBack(e);
    }
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
      link.commands().del(prefix + updateId);
      outage.succeeded();
    } catch (RedisException e) {
      outage.fellBack(e);
    }
  }

  Outage outage() {
    return outage;
  }
}
