package dev.gmbot.port.out;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * A thread's promise not to wait, for the work done inside an {@link Attempt}.
 *
 * <p>Most updates are decided from what the process already holds (a verified member's message:
 * cached group, member and membership, an update log in process), so the server tries them on its
 * I/O thread first instead of handing each one to another thread. Every port implementation that
 * would wait (a database statement, a Redis command, a Bot API call, a queue for Telegram's limits,
 * another thread's answer) calls {@link #check} before it starts anything another thread could see;
 * inside an attempt that throws {@link WouldBlockException}, and the attempt remembers it
 * <em>tripped</em> even if something on the way catches the exception. Whoever opened the attempt
 * then discards its result and does the work again on a thread that may wait; the domain releases
 * what the attempt claimed, as it does after any failure.
 *
 * <p>A port whose wait can be started without a thread of its own (a Redis command, whose reply
 * arrives on the client's I/O thread) may instead start it and trip with {@link #await}: the
 * attempt then carries the wait and what the port wants back. Whoever opened the attempt may open a
 * new one with {@link #attempt(Object)} once the wait is over, on a thread of its choosing, and the
 * port finds its result with {@link #carried()} instead of waiting (ADR 0100).
 *
 * <p>Outside an attempt {@link #check} does nothing, so the same ports serve threads that may wait.
 * Attempts do not nest and belong to the thread that opened them.
 */
public final class NonBlocking {
  private static final ThreadLocal<Attempt> ATTEMPTS = new ThreadLocal<>();

  private NonBlocking() {}

  /**
   * Opens an attempt on this thread: until it is closed, {@link #check} throws.
   *
   * @throws IllegalStateException when this thread has an attempt open already
   */
  public static Attempt attempt() {
    return attempt(null);
  }

  /**
   * Opens an attempt that resumes one which tripped on {@link #await}, with what that attempt's
   * port left ({@link Attempt#carry()}): the port finds it with {@link #carried()}.
   *
   * @throws IllegalStateException when this thread has an attempt open already
   */
  public static Attempt attempt(Object carried) {
    Attempt attempt = ATTEMPTS.get();
    if (attempt == null) {
      attempt = new Attempt();
      ATTEMPTS.set(attempt);
    } else if (attempt.open) {
      throw new IllegalStateException("this thread has an attempt open already");
    }
    attempt.open = true;
    attempt.tripped = false;
    attempt.lifted = false;
    attempt.ready = null;
    attempt.carry = null;
    attempt.carried = carried;
    return attempt;
  }

  /**
   * Called by a port before it waits for {@code what}: nothing happens unless this thread is inside
   * an attempt, which then trips.
   *
   * @throws WouldBlockException inside an attempt (unless it was {@linkplain #lift() lifted})
   */
  public static void check(String what) {
    Attempt attempt = promise();
    if (attempt != null) {
      attempt.tripped = true;
      throw new WouldBlockException(what);
    }
  }

  /** True inside an attempt whose promise holds: {@link #check} would throw. */
  public static boolean promised() {
    return promise() != null;
  }

  /** This thread's attempt while its promise holds (open, not lifted); null otherwise. */
  private static Attempt promise() {
    Attempt attempt = ATTEMPTS.get();
    return attempt != null && attempt.open && !attempt.lifted ? attempt : null;
  }

  /**
   * Trips the attempt like {@link #check}, for a wait the port has already started: {@code ready}
   * completes when it is over, and {@code carry} is what the port wants back in the attempt that
   * resumes this one. Only the first wait of an attempt is kept.
   *
   * @return the exception for the caller to throw
   * @throws IllegalStateException outside a promise ({@link #promised()} is false)
   */
  public static WouldBlockException await(CompletionStage<?> ready, Object carry, String what) {
    Objects.requireNonNull(ready, "ready");
    Attempt attempt = promise();
    if (attempt == null) {
      throw new IllegalStateException("no promise to wait under: check NonBlocking.promised()");
    }
    if (!attempt.tripped) {
      attempt.ready = ready;
      attempt.carry = carry;
    }
    attempt.tripped = true;
    return new WouldBlockException(what);
  }

  /**
   * What the port of the attempt this one resumes left in {@link #await}, once; null when there is
   * none (or it was taken). The port checks that it is its own.
   */
  public static Object carried() {
    Attempt attempt = ATTEMPTS.get();
    if (attempt == null || !attempt.open) {
      return null;
    }
    Object carried = attempt.carried;
    attempt.carried = null;
    return carried;
  }

  /** True when this thread is inside an attempt that tripped. */
  public static boolean tripped() {
    Attempt attempt = ATTEMPTS.get();
    return attempt != null && attempt.open && attempt.tripped;
  }

  /**
   * Lets this thread wait for the rest of its attempt: for cleaning up after a failure (releasing a
   * claim must not be refused). The attempt stays tripped if it was.
   */
  public static void lift() {
    Attempt attempt = ATTEMPTS.get();
    if (attempt != null && attempt.open) {
      attempt.lifted = true;
    }
  }

  /** An open promise; reused by its thread (one object per thread, none per attempt). */
  public static final class Attempt implements AutoCloseable {
    private boolean open;
    private boolean tripped;
    private boolean lifted;
    private CompletionStage<?> ready;
    private Object carry;
    private Object carried;

    private Attempt() {}

    /**
     * The wait a port started when the attempt tripped with {@link NonBlocking#await}; null when it
     * tripped on {@link NonBlocking#check} (or not at all).
     */
    public CompletionStage<?> ready() {
      return ready;
    }

    /** What that port wants back in the attempt that resumes this one. */
    public Object carry() {
      return carry;
    }

    /** True when a port was asked to wait during this attempt: its result is to be discarded. */
    public boolean tripped() {
      return tripped;
    }

    /** Ends the promise: the thread may wait again. */
    @Override
    public void close() {
      open = false;
      carried = null;
    }
  }
}
