package dev.gmbot.testkit.fake;

import dev.gmbot.port.out.EffectOutbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An {@link EffectOutbox} in memory, with the behaviour of the database's (lanes in order, leases,
 * idempotent keys; {@code EffectOutboxContract}). Thread-safe (one lock).
 */
public final class InMemoryEffectOutbox implements EffectOutbox {
  private final Clock clock;
  private final TreeMap<Long, Row> rows = new TreeMap<>();
  private final Set<String> keys = new HashSet<>();
  private long nextId = 1;

  public InMemoryEffectOutbox(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  private static final class Row {
    final long id;
    final DeferredEffect recorded;
    String payload;
    char status = 'P';
    Instant notBefore;
    String holder;
    Instant leaseUntil;
    int attempts;
    boolean headStarted;
    Instant finishedAt;

    Row(long id, DeferredEffect recorded) {
      this.id = id;
      this.recorded = recorded;
      this.payload = recorded.payload();
      this.notBefore = recorded.notBefore();
    }

    boolean free(Instant now) {
      return leaseUntil == null || leaseUntil.isBefore(now);
    }

    boolean heldBy(String h, Instant now) {
      return status == 'P' && h.equals(holder) && leaseUntil != null && !leaseUntil.isBefore(now);
    }
  }

  @Override
  public synchronized boolean record(DeferredEffect effect) {
    if (!keys.add(effect.key())) {
      return false;
    }
    long id = nextId++;
    rows.put(id, new Row(id, effect));
    return true;
  }

  @Override
  public synchronized boolean hasPending(String lane) {
    return rows.values().stream().anyMatch(r -> r.status == 'P' && r.recorded.lane().equals(lane));
  }

  @Override
  public synchronized List<ClaimedEffect> claim(
      String holder, int max, Duration lease, Instant now) {
    Set<String> lanesSeen = new HashSet<>();
    List<Row> heads = new ArrayList<>();
    for (Row r : rows.values()) {
      if (r.status == 'P' && lanesSeen.add(r.recorded.lane())) {
        heads.add(r);
      }
    }
    List<ClaimedEffect> claimed = new ArrayList<>();
    heads.stream()
        .filter(r -> !r.notBefore.isAfter(now) && r.free(now))
        .sorted(
            Comparator.comparingInt((Row r) -> r.recorded.priority()).thenComparingLong(r -> r.id))
        .limit(Math.max(0, max))
        .forEach(
            r -> {
              r.holder = holder;
              r.leaseUntil = now.plus(lease);
              claimed.add(view(r));
              r.attempts++;
            });
    return claimed;
  }

  @Override
  public synchronized boolean progress(
      ClaimedEffect effect, String remainingPayload, boolean headStarted) {
    Row r = rows.get(effect.id());
    if (r == null || !r.heldBy(effect.holder(), clock.instant())) {
      return false;
    }
    r.payload = remainingPayload;
    r.headStarted = headStarted;
    return true;
  }

  @Override
  public synchronized void complete(ClaimedEffect effect) {
    finish(effect, 'D');
  }

  @Override
  public synchronized void fail(ClaimedEffect effect, String reason) {
    finish(effect, 'F');
  }

  private void finish(ClaimedEffect effect, char status) {
    Row r = rows.get(effect.id());
    if (r != null && r.status == 'P' && effect.holder().equals(r.holder)) {
      r.status = status;
      r.finishedAt = clock.instant();
      r.holder = null;
      r.leaseUntil = null;
    }
  }

  @Override
  public synchronized void release(
      ClaimedEffect effect, String remainingPayload, Instant notBefore) {
    Row r = rows.get(effect.id());
    if (r != null && r.status == 'P' && effect.holder().equals(r.holder)) {
      r.payload = remainingPayload;
      r.notBefore = notBefore;
      r.headStarted = false;
      r.holder = null;
      r.leaseUntil = null;
    }
  }

  @Override
  public synchronized int purge(Instant before) {
    List<Long> gone =
        rows.values().stream()
            .filter(r -> r.status != 'P' && r.finishedAt.isBefore(before))
            .map(r -> r.id)
            .toList();
    for (long id : gone) {
      keys.remove(rows.remove(id).recorded.key());
    }
    return gone.size();
  }

  @Override
  public synchronized Depth depth(Instant now) {
    long pending = rows.values().stream().filter(r -> r.status == 'P').count();
    long failed = rows.values().stream().filter(r -> r.status == 'F').count();
    Optional<Duration> oldest =
        rows.values().stream()
            .filter(r -> r.status == 'P')
            .map(r -> r.recorded.recordedAt())
            .min(Comparator.naturalOrder())
            .map(at -> at.isAfter(now) ? Duration.ZERO : Duration.between(at, now));
    return new Depth(pending, failed, oldest);
  }

  @Override
  public synchronized Optional<Instant> nextDue(Instant now) {
    Set<String> lanesSeen = new HashSet<>();
    Instant next = null;
    for (Row r : rows.values()) {
      if (r.status != 'P' || !lanesSeen.add(r.recorded.lane())) {
        continue;
      }
      Instant due = r.notBefore;
      if (!r.free(now) && r.leaseUntil.isAfter(due)) {
        due = r.leaseUntil;
      }
      if (next == null || due.isBefore(next)) {
        next = due;
      }
    }
    return Optional.ofNullable(next).map(at -> at.isBefore(now) ? now : at);
  }

  private static ClaimedEffect view(Row r) {
    DeferredEffect e = r.recorded;
    return new ClaimedEffect(
        r.id,
        new DeferredEffect(e.key(), e.lane(), e.priority(), r.payload, e.recordedAt(), r.notBefore),
        r.holder,
        r.attempts,
        r.headStarted);
  }
}
