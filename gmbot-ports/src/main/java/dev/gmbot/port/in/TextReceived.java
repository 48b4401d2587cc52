package dev.gmbot.port.in;

import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.UserRef;
import java.time.Instant;
import java.util.Objects;

/**
 * A text message someone sent the bot in their private chat with it, other than a command: the
 * answer to a question of the settings menu ("send me the new prompt text"). Texts in groups are
 * {@link MessagePosted}.
 */
public record TextReceived(
    long updateId, Instant at, ChatRef chat, MessageId message, UserRef from, String text)
    implements InboundEvent {
  public TextReceived {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(chat, "chat");
    if (chat.type() != ChatType.PRIVATE) {
      throw new IllegalArgumentException("a text to the bot comes in a private chat");
    }
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(text, "text");
  }

  @Override
  public String updateType() {
    return "message";
  }
}
