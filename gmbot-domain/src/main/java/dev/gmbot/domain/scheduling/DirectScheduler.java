package dev.gmbot.domain.scheduling;

import dev.gmbot.port.model.ChatId;
import java.util.function.Function;
import java.util.function.Supplier;

/** Runs every call at once on the caller's thread: no meters, no retries. For tests and tools. */
public final class DirectScheduler implements BotCallScheduler {
  @Override
  public <T> T submit(BotCall call, Function<ChatId, T> action) {
    ChatId chat =
        call.chat()
            .orElseThrow(() -> new IllegalArgumentException(call.method() + " names no chat"));
    return action.apply(chat);
  }

  @Override
  public <T> T submit(BotCall call, Supplier<T> action) {
    return action.get();
  }
}
