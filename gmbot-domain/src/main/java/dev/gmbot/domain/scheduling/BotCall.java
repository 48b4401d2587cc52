package dev.gmbot.domain.scheduling;

import dev.gmbot.port.model.ChatId;
import java.util.Objects;
import java.util.Optional;

/**
 * An outbound Bot API call as the scheduler sees it: the method name, its priority and the chat it
 * addresses (if any). Message calls ({@code send*}, {@code edit*}, {@code copy*}, {@code forward*})
 * pass the message meters; every other call is a control call.
 */
public record BotCall(String method, Priority priority, Optional<ChatId> chat) {
  public BotCall {
    if (method == null || method.isBlank()) {
      throw new IllegalArgumentException("a call names its Bot API method");
    }
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(chat, "chat");
  }

  public static BotCall to(ChatId chat, String method, Priority priority) {
    return new BotCall(method, priority, Optional.of(chat));
  }

  public static BotCall withoutChat(String method, Priority priority) {
    return new BotCall(method, priority, Optional.empty());
  }

  /** Message calls are metered (global, per group, per private chat); control calls are not. */
  public boolean isMessage() {
    return method.startsWith("send")
        || method.startsWith("edit")
        || method.startsWith("copy")
        || method.startsWith("forward");
  }

  /** The same call addressed to another chat (after a group migrated). */
  public BotCall retargeted(ChatId newChat) {
    return new BotCall(method, priority, Optional.of(newChat));
  }
}
