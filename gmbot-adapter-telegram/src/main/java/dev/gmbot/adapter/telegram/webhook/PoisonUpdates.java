package dev.gmbot.adapter.telegram.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts unexpected failures per update id, for the most recent ids only (bounded, oldest forgotten
 * first), so that an update that keeps failing can be dropped. Per process: with several instances,
 * each counts the deliveries it sees.
 */
final class PoisonUpdates {
  private static final int CAPACITY = 10_000;

  private final int limit;
  private final Map<Long, Integer> failures =
      new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Integer> eldest) {
          return size() > CAPACITY;
        }
      };

  PoisonUpdates(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the limit is at least 1, got " + limit);
    }
    this.limit = limit;
  }

  /**
   * Records one more unexpected failure of the update.
   *
   * @return how many times it failed so far; at {@code limit} the id is forgotten
   */
  synchronized int failed(long updateId) {
    int count = failures.merge(updateId, 1, Integer::sum);
    if (count >= limit) {
      failures.remove(updateId);
    }
    return count;
  }

  boolean reachedLimit(int count) {
    return count >= limit;
  }
}
