package dev.gmbot.port.in;

import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.UserRef;
import java.util.Objects;

/** Who a message in a group comes from (the kinds decide exemptions: ADR 0064). */
public sealed interface Sender {
  /** A person or a bot writing as themselves; {@code user.isBot()} tells bots apart. */
  record User(UserRef user) implements Sender {
    public User {
      Objects.requireNonNull(user, "user");
    }
  }

  /** An anonymous administrator of the group ({@code sender_chat.id == chat.id}). */
  record AnonymousAdmin(ChatRef group) implements Sender {
    public AnonymousAdmin {
      Objects.requireNonNull(group, "group");
    }
  }

  /** A post sent on behalf of a channel ({@code sender_chat} is that channel). */
  record OnBehalfOfChannel(ChatRef channel) implements Sender {
    public OnBehalfOfChannel {
      Objects.requireNonNull(channel, "channel");
    }
  }

  /**
   * A channel post automatically forwarded to its discussion group ({@code is_automatic_forward}).
   */
  record AutomaticForward(ChatRef channel) implements Sender {
    public AutomaticForward {
      Objects.requireNonNull(channel, "channel");
    }
  }
}
