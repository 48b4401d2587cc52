package dev.gmbot.port.in;

import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.UserRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code callback_query}: someone pressed an inline button. {@code chat} and {@code message} are
 * empty when the message is inaccessible; {@code data} is the button's callback data ("" if none).
 */
public record ButtonPressed(
    long updateId,
    Instant at,
    String callbackQueryId,
    UserRef from,
    Optional<ChatRef> chat,
    Optional<MessageId> message,
    String data)
    implements InboundEvent {
  public ButtonPressed {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(callbackQueryId, "callbackQueryId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(message, "message");
    data = data == null ? "" : data;
  }

  @Override
  public String updateType() {
    return "callback_query";
  }
}
