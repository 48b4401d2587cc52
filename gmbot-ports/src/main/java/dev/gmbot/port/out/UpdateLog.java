package dev.gmbot.port.out;

import java.time.Duration;

/**
 * Deduplication of Telegram updates by {@code update_id} (never by "highest id seen": Telegram
 * delivers concurrently across chats).
 */
public interface UpdateLog {
  /**
   * Claims an update for processing. Atomic across every instance sharing the log.
   *
   * @return true for the first claim within {@code ttl}; false for a duplicate
   */
  boolean claim(long updateId, Duration ttl);

  /** Forgets a claim whose processing failed, so that Telegram's redelivery is processed. */
  void release(long updateId);
}
