package dev.gmbot.domain.protection;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Joins seen in the last few minutes, per (group, user), in this process. A join arrives twice (the
 * {@code chat_member} update and the {@code new_chat_members} service message), possibly at the
 * same moment on two threads: the first {@link #claim} wins, the second is a no-op. Across
 * instances the member repository is the second line (ADR 0061).
 */
final class JoinLedger {
  private static final int MAX_ENTRIES = 100_000;

  private record Key(GroupId group, UserId user) {}

  private final Duration window;

  private record Claim(long updateId, Instant at) {}

  private final Map<Key, Claim> seen = new ConcurrentHashMap<>();

  JoinLedger(Duration window) {
    this.window = window;
  }

  /** Forgets a claim whose handling failed, so the redelivered update acts. */
  void release(GroupId group, UserId user) {
    seen.remove(new Key(group, user));
  }

  /**
   * True for the first signal of this join within the window, and again for the same update
   * (deciding one event twice gives the same answer).
   */
  boolean claim(GroupId group, UserId user, long updateId, Instant now) {
    if (seen.size() > MAX_ENTRIES) {
      seen.values().removeIf(c -> c.at().plus(window).isBefore(now));
    }
    boolean[] won = {false};
    seen.compute(
        new Key(group, user),
        (k, claim) -> {
          if (claim == null
              || claim.updateId() == updateId
              || !now.isBefore(claim.at().plus(window))) {
            won[0] = true;
            return new Claim(updateId, now);
          }
          return claim;
        });
    return won[0];
  }
}
