package dev.gmbot.domain.scheduling;

import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.out.ChatMigratedException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs every call at once on the caller's thread: no meters, no retries except following a migrated
 * group once (as every {@link BotCallScheduler} does). For tests and tools.
 */
public final class DirectScheduler implements BotCallScheduler {
  @Override
  public <T> Delivery<T> deliver(BotCall call, Function<ChatId, T> action) {
    ChatId chat =
        call.chat()
            .orElseThrow(() -> new IllegalArgumentException(call.method() + " names no chat"));
    try {
      return Delivery.of(action.apply(chat));
    } catch (ChatMigratedException e) {
      Optional<GroupMigration> migration = GroupMigration.of(e);
      if (migration.isEmpty()) {
        throw e;
      }
      return Delivery.afterMigration(action.apply(migration.get().to().chat()), migration.get());
    }
  }

  @Override
  public <T> T submit(BotCall call, Supplier<T> action) {
    return action.get();
  }
}
