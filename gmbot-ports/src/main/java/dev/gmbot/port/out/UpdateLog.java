package dev.gmbot.port.out;

import java.time.Duration;

/**
 * Deduplication of Telegram updates by {@code update_id} (never by "highest id seen": Telegram
 * delivers concurrently across chats).
 *
 * <p>Handling is two-phase so that nothing is lost when a handler dies half-way: {@link #begin}
 * takes a short lease (the update is "in progress"), {@link #complete} records it as handled for
 * the deduplication window, {@link #release} gives it up after a failure. A redelivery that finds
 * the update in progress must be answered non-2xx (Telegram retries later); if the handler died,
 * its lease expires and the next redelivery is handled.
 */
public interface UpdateLog {
  /** What {@link #begin} found. */
  enum Claim {
    /** This caller now handles the update. */
    CLAIMED,
    /** Another handler holds an unexpired lease on it: retry later. */
    IN_PROGRESS,
    /** It was handled (completed) within the deduplication window: a duplicate. */
    DONE
  }

  /**
   * Starts handling an update, atomically across every instance sharing the log.
   *
   * @param lease how long the claim holds without {@link #complete}: longer than any handling
   */
  Claim begin(long updateId, Duration lease);

  /** Records a claimed update as handled; redeliveries within {@code ttl} are {@code DONE}. */
  void complete(long updateId, Duration ttl);

  /**
   * Claims and completes at once (one step, for callers with nothing to lose).
   *
   * @return true for the first claim within {@code ttl}; false for a duplicate or one in progress
   */
  boolean claim(long updateId, Duration ttl);

  /** Forgets a claim whose processing failed, so that Telegram's redelivery is processed. */
  void release(long updateId);
}
