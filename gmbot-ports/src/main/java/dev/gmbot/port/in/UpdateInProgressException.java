package dev.gmbot.port.in;

/**
 * The update is being handled elsewhere right now (another instance, or an earlier delivery whose
 * handling is still running). The transport answers non-2xx, so Telegram delivers it again later:
 * then it is either done (a duplicate) or, if that handler died, free to be handled.
 */
public final class UpdateInProgressException extends RuntimeException {
  private final long updateId;

  public UpdateInProgressException(long updateId) {
    super("update " + updateId + " is being handled elsewhere; deliver it again later");
    this.updateId = updateId;
  }

  public long updateId() {
    return updateId;
  }
}
