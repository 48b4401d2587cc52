package dev.gmbot.port.out;

import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.UserId;

/** Asks Telegram about one user's membership in a chat (getChatMember). */
public interface MembershipLookup {
  /**
   * @return the member; a user who never joined is {@code LEFT}, not an error
   * @throws ChatAccessException when the bot cannot see the chat's members ("cannot check")
   * @throws BotApiException for any other failure
   */
  ChatMember getChatMember(ChatId chat, UserId user);
}
