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
  private final Map<Key, Instant> seen = new ConcurrentHashMap<>();

  JoinLedger(Duration window) {
    this.window = window;
  }

  /** True for the first signal of this join within the window. */
  boolean claim(GroupId group, UserId user, Instant now) {
    if (seen.size() > MAX_ENTRIES) {
      seen.values().removeIf(at -> at.plus(window).isBefore(now));
    }
    boolean[] won = {false};
    seen.compute(
        new Key(group, user),
        (k, at) -> {
          if (at == null || !now.isBefore(at.plus(window))) {
            won[0] = true;
            return now;
          }
          return at;
        });
    return won[0];
  }
}
