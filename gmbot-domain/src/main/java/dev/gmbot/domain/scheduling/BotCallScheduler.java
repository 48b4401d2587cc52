package dev.gmbot.domain.scheduling;

import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.out.BotApiException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one seam every outbound Bot API call of the domain passes. Implementations decide when the
 * call runs (meters, priorities, 429 pauses, retries); callers block until it has run (they run on
 * virtual threads) and get its result or its {@link BotApiException}.
 *
 * <p>A call addressed to a basic group that has become a supergroup ({@code migrate_to_chat_id}) is
 * sent once more, to the new chat; the {@link Delivery} reports the {@link GroupMigration}. The
 * scheduler changes no state of the guard: what the migration means (moving the group's records) is
 * decided and carried out by the caller. A second migration, or one between ids that are not both
 * group ids, reaches the caller as the {@code ChatMigratedException}.
 *
 * <p>With {@link PriorityBotCallScheduler}: a {@code FloodWaitException} or {@code
 * TransientBotApiException} reaching the caller means the scheduler's retries are exhausted
 * (earlier attempts are attached as suppressed exceptions); a call the scheduler dropped without
 * sending fails with {@link CallShedException}.
 */
public interface BotCallScheduler {
  /**
   * Runs a call addressed to {@code call.chat()}. The action receives the chat to address: after a
   * group migrated it is the new chat, and the delivery names the migration.
   *
   * @throws IllegalArgumentException when the call names no chat
   */
  <T> Delivery<T> deliver(BotCall call, Function<ChatId, T> action);

  /** Runs a call addressed to a chat; only its result (see {@link #deliver}). */
  default <T> T submit(BotCall call, Function<ChatId, T> action) {
    return deliver(call, action).result();
  }

  /** Runs a call that addresses no chat (answerCallbackQuery, getMe). */
  <T> T submit(BotCall call, Supplier<T> action);

  /**
   * Like {@link #deliver}, but never waits for a meter, a 429 pause or a retry's backoff (ADR
   * 0014): when the call cannot run now it fails with {@link CallDeferredException}, naming when it
   * may. Waiting for a free in-flight slot is not deferred. Default: {@link #deliver} (a scheduler
   * that never waits).
   */
  default <T> Delivery<T> deliverNow(BotCall call, Function<ChatId, T> action) {
    return deliver(call, action);
  }

  /** {@link #submit(BotCall, Supplier)} that never waits (see {@link #deliverNow}). */
  default <T> T submitNow(BotCall call, Supplier<T> action) {
    return submit(call, action);
  }

  /**
   * Runs a call without a result addressed to a chat.
   *
   * @return the migration the call followed, if the chat turned out to have migrated
   */
  default Optional<GroupMigration> run(BotCall call, Consumer<ChatId> action) {
    return deliver(
            call,
            chat -> {
              action.accept(chat);
              return null;
            })
        .migration();
  }
}
