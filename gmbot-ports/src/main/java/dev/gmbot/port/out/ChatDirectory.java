package dev.gmbot.port.out;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatInfo;
import dev.gmbot.port.model.ChatMember;
import java.util.List;

/** Facts about chats: getChat, getChatAdministrators and the bot's own invite links. */
public interface ChatDirectory {
  ChatInfo getChat(ChatId chat);

  /** Resolves a public chat by username ({@code @name} or {@code name}). */
  ChatInfo getChat(String username);

  /** The administrators (with the creator), the bot included. */
  List<ChatMember> getAdministrators(ChatId chat);

  /** An invite link of the bot's own for a (private) channel; needs {@code can_invite_users}. */
  String createInviteLink(ChannelId channel);
}
