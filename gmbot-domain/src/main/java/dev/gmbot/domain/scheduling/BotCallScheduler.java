package dev.gmbot.domain.scheduling;

import dev.gmbot.port.model.ChatId;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one seam every outbound Bot API call of the domain passes. Implementations decide when the
 * call runs (meters, priorities, 429 pauses, retries); callers block until it has run (they run on
 * virtual threads) and get its result or its {@link dev.gmbot.port.out.BotApiException}.
 *
 * <p>With {@link PriorityBotCallScheduler}: a {@code FloodWaitException} or {@code
 * TransientBotApiException} reaching the caller means the scheduler's retries are exhausted
 * (earlier attempts are attached as suppressed exceptions); a call the scheduler dropped without
 * sending fails with {@link CallShedException}.
 */
public interface BotCallScheduler {
  /**
   * Runs a call addressed to {@code call.chat()}. The action receives the chat to address: after a
   * group migrated ({@code migrate_to_chat_id}) it is the new chat.
   *
   * @throws IllegalArgumentException when the call names no chat
   */
  <T> T submit(BotCall call, Function<ChatId, T> action);

  /** Runs a call that addresses no chat (answerCallbackQuery, getMe). */
  <T> T submit(BotCall call, Supplier<T> action);

  /** Convenience for calls without a result. */
  default void run(BotCall call, java.util.function.Consumer<ChatId> action) {
    submit(
        call,
        chat -> {
          action.accept(chat);
          return null;
        });
  }
}
