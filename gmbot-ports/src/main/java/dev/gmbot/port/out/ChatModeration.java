package dev.gmbot.port.out;

import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.UserId;

/** Control calls that change who may do what in a chat. */
public interface ChatModeration {
  /** Mutes the user until lifted: every permission false, no end date. */
  void restrict(GroupId group, UserId user);

  /** Lifts a mute: every permission true, so no leftover exception remains. */
  void lift(GroupId group, UserId user);

  void deleteMessage(ChatId chat, MessageId message);

  void approveJoinRequest(ChatId chat, UserId user);

  void declineJoinRequest(ChatId chat, UserId user);

  /**
   * Bans the user from the group (banChatMember, no end date, their messages kept): the first half
   * of a removal.
   */
  void ban(GroupId group, UserId user);

  /**
   * Lifts a ban (unbanChatMember with only_if_banned): the user may join again; a member who is not
   * banned is left alone.
   */
  void unban(GroupId group, UserId user);
}
