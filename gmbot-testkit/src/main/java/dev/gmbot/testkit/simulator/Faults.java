package dev.gmbot.testkit.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** Fault injection: planned or random 5xx answers and dropped connections. */
public final class Faults {
  /** One injected fault: an HTTP status, or 0 for a dropped connection. */
  record Fault(String method, int status) {
    boolean matches(String m) {
      return method.isEmpty() || method.equalsIgnoreCase(m);
    }
  }

  private final ArrayDeque<Fault> planned = new ArrayDeque<>();
  private SplittableRandom random;
  private double rate;
  private int randomStatus;

  Faults() {}

  /** The next {@code count} requests (any method) get HTTP {@code status} (e.g. 500, 502). */
  public synchronized Faults failNext(int count, int status) {
    return failNext("", count, status);
  }

  /** The next {@code count} calls of {@code method} get HTTP {@code status}. */
  public synchronized Faults failNext(String method, int count, int status) {
    for (int i = 0; i < count; i++) {
      planned.add(new Fault(method, status));
    }
    return this;
  }

  /** The next {@code count} requests have their connection closed without an answer. */
  public synchronized Faults dropNext(int count) {
    return failNext("", count, 0);
  }

  /** The next {@code count} calls of {@code method} have their connection closed. */
  public synchronized Faults dropNext(String method, int count) {
    return failNext(method, count, 0);
  }

  /** Each request fails with {@code status} (0 = drop) with probability {@code p}. */
  public synchronized Faults randomly(double p, int status, long seed) {
    this.rate = p;
    this.randomStatus = status;
    this.random = new SplittableRandom(seed);
    return this;
  }

  /** A 429 storm: every call of a method answers 429 with {@code retry_after} until an instant. */
  record Storm(String method, Instant until, long retryAfterSeconds) {}

  private final List<Storm> storms = new ArrayList<>();

  /**
   * Every call of {@code method} answers 429 with {@code retry_after} = {@code retryAfterSeconds}
   * until {@code until} (the simulator's clock), as Telegram's flood control does during a storm.
   */
  public synchronized Faults floodUntil(String method, Instant until, long retryAfterSeconds) {
    storms.add(new Storm(method, until, retryAfterSeconds));
    return this;
  }

  /** The storm the call of {@code method} at {@code now} is caught in, if any. */
  synchronized Optional<Storm> storm(String method, Instant now) {
    return storms.stream()
        .filter(s -> s.method().equalsIgnoreCase(method) && now.isBefore(s.until()))
        .findFirst();
  }

  /** An outage of one method for one chat: every call answers {@code status} until cleared. */
  record Outage(String method, long chatId, int status) {}

  private final List<Outage> outages = new ArrayList<>();

  /**
   * Every call of {@code method} addressed to {@code chatId} (its {@code chat_id}) answers HTTP
   * {@code status} (0: the connection is dropped) until {@link #clear()}: Telegram failing for one
   * chat, e.g. membership checks in a channel while the group's own calls still work.
   */
  public synchronized Faults outage(String method, long chatId, int status) {
    outages.add(new Outage(method, chatId, status));
    return this;
  }

  /** The fault a call of {@code method} to the chat (if it names one) meets, if any. */
  synchronized Optional<Fault> next(String method, Optional<String> chatId) {
    for (Outage o : outages) {
      if (o.method().equalsIgnoreCase(method)
          && chatId.map(c -> c.equals(Long.toString(o.chatId()))).orElse(false)) {
        return Optional.of(new Fault(method, o.status()));
      }
    }
    return next(method);
  }

  public synchronized void clear() {
    outages.clear();
    storms.clear();
    planned.clear();
    random = null;
    rate = 0;
  }

  synchronized Optional<Fault> next(String method) {
    for (var it = planned.iterator(); it.hasNext(); ) {
      Fault f = it.next();
      if (f.matches(method)) {
        it.remove();
        return Optional.of(f);
      }
    }
    if (random != null && random.nextDouble() < rate) {
      return Optional.of(new Fault("", randomStatus));
    }
    return Optional.empty();
  }
}
