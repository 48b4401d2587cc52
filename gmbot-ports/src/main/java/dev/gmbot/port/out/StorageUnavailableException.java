package dev.gmbot.port.out;

/**
 * The store could not be reached or failed mid-operation; nothing was changed (operations are
 * atomic). The caller answers non-2xx so Telegram redelivers the update.
 */
public final class StorageUnavailableException extends RuntimeException {
  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
