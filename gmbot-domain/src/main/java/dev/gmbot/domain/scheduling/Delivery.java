package dev.gmbot.domain.scheduling;

import java.util.Objects;
import java.util.Optional;

/**
 * What became of a call addressed to a chat: the action's result (null for an action without one)
 * and, when the chat was a basic group that had become a supergroup, that migration (the call then
 * reached the new chat).
 */
public record Delivery<T>(T result, Optional<GroupMigration> migration) {
  public Delivery {
    Objects.requireNonNull(migration, "migration");
  }

  public static <T> Delivery<T> of(T result) {
    return new Delivery<>(result, Optional.empty());
  }

  public static <T> Delivery<T> afterMigration(T result, GroupMigration migration) {
    return new Delivery<>(result, Optional.of(migration));
  }
}
