package dev.gmbot.adapter.postgres;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An in-process cache of database reads whose entries other instances invalidate through change
 * notices. Entries also expire after a TTL (a bound on staleness should notices be lost without the
 * channel noticing), and nothing is served while the notices are interrupted.
 *
 * <p>A read that races an invalidation is not cached: every load notes the invalidation epoch
 * before it reads the database and stores its result only if no invalidation happened meanwhile.
 * Bounded: past {@code maxEntries} an arbitrary eighth of the entries is dropped.
 */
final class NoticedCache<K, V> {
  private record Entry<V>(V value, Instant expires) {}

  private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final AtomicLong epoch = new AtomicLong();
  private final Clock clock;
  private final Duration ttl;
  private final int maxEntries;
  private volatile boolean serving = true;

  NoticedCache(Clock clock, Duration ttl, int maxEntries) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("the cache TTL must be positive, got " + ttl);
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("the cache holds at least one entry, got " + maxEntries);
    }
    this.maxEntries = maxEntries;
  }

  /** The cached value, or the loader's (cached when no invalidation raced it). */
  V get(K key, Function<K, V> loader) {
    Optional<V> cached = peek(key);
    if (cached.isPresent()) {
      return cached.get();
    }
    long before = epoch.get();
    V value = loader.apply(key);
    if (serving && epoch.get() == before) {
      store(key, value);
    }
    return value;
  }

  /** The cached value when there is a fresh one and the cache serves. */
  Optional<V> peek(K key) {
    if (!serving) {
      return Optional.empty();
    }
    Entry<V> entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.expires())) {
      entries.remove(key, entry);
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  /** Replaces the entry with what this instance just wrote (only while the cache serves). */
  void put(K key, V value) {
    epoch.incrementAndGet();
    if (serving) {
      store(key, value);
    } else {
      entries.remove(key);
    }
  }

  /** Changes a fresh cached entry in place (e.g. a newer last-seen); absent entries stay absent. */
  void update(K key, Function<V, V> change) {
    epoch.incrementAndGet();
    entries.computeIfPresent(key, (k, e) -> new Entry<>(change.apply(e.value()), e.expires()));
  }

  void invalidate(K key) {
    epoch.incrementAndGet();
    entries.remove(key);
  }

  void invalidateIf(Predicate<K> which) {
    epoch.incrementAndGet();
    entries.keySet().removeIf(which);
  }

  void clear() {
    epoch.incrementAndGet();
    entries.clear();
  }

  /** Notices are interrupted: serve nothing (every read goes to the database). */
  void suspend() {
    serving = false;
    clear();
  }

  /** Notices flow again: start from empty. */
  void resume() {
    clear();
    serving = true;
  }

  boolean serving() {
    return serving;
  }

  int size() {
    return entries.size();
  }

  private void store(K key, V value) {
    entries.put(key, new Entry<>(value, clock.instant().plus(ttl)));
    if (entries.size() > maxEntries) {
      int drop = Math.max(1, maxEntries / 8);
      Iterator<K> keys = entries.keySet().iterator();
      while (drop-- > 0 && keys.hasNext()) {
        keys.next();
        keys.remove();
      }
    }
  }
}
