package dev.gmbot.domain.scheduling;

import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.out.BotMethod;
import java.util.Objects;
import java.util.Optional;

/**
 * An outbound Bot API call as the scheduler sees it: the method, its priority and the chat it
 * addresses (if any). Message calls ({@link BotMethod#isMessage()}) pass the message meters; every
 * other call is a control call.
 */
public record BotCall(BotMethod method, Priority priority, Optional<ChatId> chat) {
  public BotCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(chat, "chat");
  }

  public static BotCall to(ChatId chat, BotMethod method, Priority priority) {
    return new BotCall(method, priority, Optional.of(chat));
  }

  public static BotCall withoutChat(BotMethod method, Priority priority) {
    return new BotCall(method, priority, Optional.empty());
  }

  /** Message calls are metered (global, per group, per private chat); control calls are not. */
  public boolean isMessage() {
    return method.isMessage();
  }

  /** The same call addressed to another chat (after a group migrated). */
  public BotCall retargeted(ChatId newChat) {
    return new BotCall(method, priority, Optional.of(newChat));
  }
}
