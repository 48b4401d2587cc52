package dev.gmbot.adapter.telegram;

import java.util.OptionalLong;

/**
 * An update could not be decoded: the JSON is malformed, or a field the guard needs is missing or
 * impossible (the one such exception, for webhook bodies and polled updates alike). The message
 * names the problem (a field name, a JSON path), never the update's content, so it can be logged
 * without personal data. A webhook answers it with 400; the long poller skips the update.
 */
public final class MalformedUpdateException extends Exception {
  private final OptionalLong updateId;

  public MalformedUpdateException(String message, OptionalLong updateId) {
    super(message);
    this.updateId = updateId;
  }

  /** The update's id when it could be read (a poller then skips past it). */
  public OptionalLong updateId() {
    return updateId;
  }
}
