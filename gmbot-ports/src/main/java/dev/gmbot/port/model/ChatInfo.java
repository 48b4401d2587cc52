package dev.gmbot.port.model;

import java.util.Objects;
import java.util.Optional;

/** What getChat tells about a chat. */
public record ChatInfo(ChatRef chat, Optional<String> inviteLink, Optional<ChatId> linkedChatId) {
  public ChatInfo {
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(inviteLink, "inviteLink");
    Objects.requireNonNull(linkedChatId, "linkedChatId");
  }
}
