package dev.gmbot.port.model;

import java.util.Objects;

/**
 * A user's membership in a chat, as getChatMember or a chat_member update reports it.
 *
 * @param isMember Telegram's {@code is_member} for {@link MemberStatus#RESTRICTED}; for other
 *     statuses it follows the status (true for creator, administrator, member).
 * @param rights the administrator rights; {@link AdminRights#NONE} unless an administrator (the
 *     creator has every right).
 */
public record ChatMember(UserRef user, MemberStatus status, boolean isMember, AdminRights rights) {
  public ChatMember {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(rights, "rights");
    if (status != MemberStatus.RESTRICTED) {
      isMember =
          status == MemberStatus.CREATOR
              || status == MemberStatus.ADMINISTRATOR
              || status == MemberStatus.MEMBER;
    }
    if (status == MemberStatus.CREATOR) {
      rights = AdminRights.ALL;
    }
  }

  public static ChatMember of(UserRef user, MemberStatus status) {
    return new ChatMember(user, status, false, AdminRights.NONE);
  }

  /**
   * Subscribed to a channel: creator, administrator, member, or restricted while still a member
   * ({@code is_member}). Left and kicked are not (docs/telegram-bot-api.md, "Chat members and what
   * counts as subscribed").
   */
  public boolean isSubscribed() {
    return isMember;
  }

  public boolean isAdmin() {
    return status.isAdmin();
  }
}
