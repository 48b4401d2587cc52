package dev.gmbot.port.out;

/**
 * Thrown by a driven port asked to wait (for the database, Redis, Telegram, another thread) on a
 * thread that promised not to ({@link NonBlocking}). Nothing was started: the work is to be done
 * again on a thread that may wait. Not a failure of the store or of Telegram.
 *
 * <p>Cheap to throw (it is thrown for every update that has to move to another thread): no stack
 * trace, and its message is only built when asked for.
 */
public final class WouldBlockException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String what;

  /**
   * @param what the wait that was refused, e.g. "the database"
   */
  public WouldBlockException(String what) {
    super(null, null, false, false);
    this.what = what;
  }

  @Override
  public String getMessage() {
    return "would wait for " + what + " on a thread that must not wait";
  }
}
