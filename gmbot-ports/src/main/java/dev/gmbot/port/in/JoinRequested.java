package dev.gmbot.port.in;

import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.UserRef;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@code chat_join_request}. {@code userChat} may be messaged for 5 minutes, until the request is
 * processed.
 */
public record JoinRequested(long updateId, Instant at, ChatRef chat, UserRef user, ChatId userChat)
    implements InboundEvent {
  public JoinRequested {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(userChat, "userChat");
  }

  @Override
  public String updateType() {
    return "chat_join_request";
  }
}
