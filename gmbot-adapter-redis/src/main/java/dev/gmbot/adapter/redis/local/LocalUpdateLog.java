package dev.gmbot.adapter.redis.local;

import dev.gmbot.port.out.UpdateLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Claimed update ids in process, each for its TTL, kept in primitive arrays: no object per claim.
 *
 * <p>Claims sit in a ring in the order they were made ({@code ids}, {@code expiries}, {@code
 * states}); an open-addressing table of ring slots (linear probing, deletion by backward shift)
 * finds them. Bounded: when the ring is full the oldest claim is forgotten, so a very late
 * redelivery of it would be processed again. Expired claims count as absent and are dropped when
 * their id is looked up again or when the ring passes them. A released claim leaves a hole that the
 * ring drops when it comes round, and holes are squeezed out whenever the ring grows.
 *
 * <p>One update costs 25 to 33 bytes (17 in the ring, two to four {@code int}s in the table), so
 * the default bound is ~2.7 MB whatever the traffic, and nothing is allocated per update: a busy
 * bot's claims no longer churn the heap (every claim used to be two objects that lived for hours in
 * a small old generation).
 */
public final class LocalUpdateLog implements UpdateLog {
  /**
   * About 3 h of updates at 10/s: redeliveries come within minutes, so the bound costs nothing in
   * practice, while 25 h of a busy bot would not fit a small Lambda.
   */
  public static final long DEFAULT_MAXIMUM_SIZE = 100_000;

  /** The largest bound: the table of 2^29 slots must stay an {@code int} array. */
  public static final long LARGEST_MAXIMUM_SIZE = 1L << 28;

  private static final int FIRST_CAPACITY = 1_024;
  private static final byte FREE = 0;
  private static final byte LEASED = 1;
  private static final byte DONE = 2;

  /** Longer than any TTL this log will ever be given, short enough not to overflow a long. */
  private static final long LONGEST_TTL_NANOS = 1L << 62;

  private final Clock clock;
  private final int limit;
  private final ReentrantLock lock = new ReentrantLock();

  private long[] ids;
  private long[] expiries;
  private byte[] states;
  private int head;
  private int used;

  /** Ring slot + 1 of each claim, 0 for an empty cell; twice the ring's size or more. */
  private int[] table;

  private int mask;

  public LocalUpdateLog(Clock clock) {
    this(clock, DEFAULT_MAXIMUM_SIZE);
  }

  public LocalUpdateLog(Clock clock, long maximumSize) {
    if (maximumSize < 1 || maximumSize > LARGEST_MAXIMUM_SIZE) {
      throw new IllegalArgumentException(
          "maximumSize must be between 1 and " + LARGEST_MAXIMUM_SIZE + ", got " + maximumSize);
    }
    this.clock = clock;
    this.limit = (int) maximumSize;
    allocate(Math.min(limit, FIRST_CAPACITY));
  }

  @Override
  public Claim begin(long updateId, Duration lease) {
    TtlExpiry.requirePositive(lease);
    long now = now();
    lock.lock();
    try {
      int slot = liveSlot(updateId, now);
      if (slot >= 0) {
        return states[slot] == DONE ? Claim.DONE : Claim.IN_PROGRESS;
      }
      append(updateId, expiry(now, lease), LEASED);
      return Claim.CLAIMED;
    } finally {
      lock.unlock();
    }
  }

  /** True when this process completed the update (and the claim has not expired). */
  public boolean completedHere(long updateId) {
    long now = now();
    lock.lock();
    try {
      int slot = liveSlot(updateId, now);
      return slot >= 0 && states[slot] == DONE;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void complete(long updateId, Duration ttl) {
    TtlExpiry.requirePositive(ttl);
    long now = now();
    lock.lock();
    try {
      int slot = liveSlot(updateId, now);
      if (slot >= 0) {
        states[slot] = DONE;
        expiries[slot] = expiry(now, ttl);
      } else {
        append(updateId, expiry(now, ttl), DONE);
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean claim(long updateId, Duration ttl) {
    TtlExpiry.requirePositive(ttl);
    long now = now();
    lock.lock();
    try {
      if (liveSlot(updateId, now) >= 0) {
        return false;
      }
      append(updateId, expiry(now, ttl), DONE);
      return true;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void release(long updateId) {
    lock.lock();
    try {
      int cell = find(updateId);
      if (cell >= 0) {
        forget(cell);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Claims held now, expired ones included until they are dropped (for tests). */
  int size() {
    lock.lock();
    try {
      int held = 0;
      for (int cell : table) {
        held += cell == 0 ? 0 : 1;
      }
      return held;
    } finally {
      lock.unlock();
    }
  }

  /** Ring slots allocated now (for tests of the bound). */
  int capacity() {
    lock.lock();
    try {
      return ids.length;
    } finally {
      lock.unlock();
    }
  }

  private long now() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  private static long expiry(long now, Duration ttl) {
    long nanos =
        ttl.getSeconds() >= LONGEST_TTL_NANOS / 1_000_000_000L ? LONGEST_TTL_NANOS : ttl.toNanos();
    return now + nanos;
  }

  /**
   * The ring slot of {@code id}'s unexpired claim, or -1 (an expired one is dropped on the way).
   */
  private int liveSlot(long id, long now) {
    int cell = find(id);
    if (cell < 0) {
      return -1;
    }
    int slot = table[cell] - 1;
    if (now - expiries[slot] < 0) {
      return slot;
    }
    forget(cell);
    return -1;
  }

  /** The table cell holding {@code id}, or -1. */
  private int find(long id) {
    for (int cell = home(id); ; cell = (cell + 1) & mask) {
      int entry = table[cell];
      if (entry == 0) {
        return -1;
      }
      if (ids[entry - 1] == id) {
        return cell;
      }
    }
  }

  private int home(long id) {
    long h = id * 0x9E37_79B9_7F4A_7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /** Drops the claim in {@code cell}: a hole in the ring, a backward shift in the table. */
  private void forget(int cell) {
    states[table[cell] - 1] = FREE;
    unlink(cell);
  }

  private void append(long id, long expiry, byte state) {
    if (used == ids.length) {
      if (ids.length == limit) {
        dropOldest();
      } else {
        // Grows when more than half of the ring is claims; otherwise squeezes the holes out.
        allocate(live() * 2 > ids.length ? Math.min(limit, ids.length * 2) : ids.length);
      }
    }
    int slot = head + used;
    if (slot >= ids.length) {
      slot -= ids.length;
    }
    ids[slot] = id;
    expiries[slot] = expiry;
    states[slot] = state;
    used++;
    int cell = home(id);
    while (table[cell] != 0) {
      cell = (cell + 1) & mask;
    }
    table[cell] = slot + 1;
  }

  /** Forgets the oldest slot of the ring (a claim or a hole). */
  private void dropOldest() {
    if (states[head] != FREE) {
      states[head] = FREE;
      unlink(find(ids[head]));
    }
    head = head + 1 == ids.length ? 0 : head + 1;
    used--;
  }

  private int live() {
    int live = 0;
    for (int i = 0, slot = head; i < used; i++, slot = slot + 1 == ids.length ? 0 : slot + 1) {
      live += states[slot] == FREE ? 0 : 1;
    }
    return live;
  }

  /** Empties {@code cell} and moves later entries of its probe run back (no tombstones). */
  private void unlink(int cell) {
    int hole = cell;
    int next = cell;
    while (true) {
      next = (next + 1) & mask;
      int entry = table[next];
      if (entry == 0) {
        table[hole] = 0;
        return;
      }
      int home = home(ids[entry - 1]);
      boolean staysPut = hole <= next ? hole < home && home <= next : hole < home || home <= next;
      if (!staysPut) {
        table[hole] = entry;
        hole = next;
      }
    }
  }

  /** A ring of {@code capacity} slots holding the claims (not the holes) in their order. */
  private void allocate(int capacity) {
    long[] oldIds = ids;
    long[] oldExpiries = expiries;
    byte[] oldStates = states;
    int oldHead = head;
    int oldUsed = used;
    ids = new long[capacity];
    expiries = new long[capacity];
    states = new byte[capacity];
    int cells = Integer.highestOneBit(capacity) << 2;
    table = new int[cells];
    mask = cells - 1;
    head = 0;
    used = 0;
    for (int i = 0, slot = oldHead; i < oldUsed; i++) {
      if (oldStates[slot] != FREE) {
        append(oldIds[slot], oldExpiries[slot], oldStates[slot]);
      }
      slot = slot + 1 == oldIds.length ? 0 : slot + 1;
    }
  }
}
