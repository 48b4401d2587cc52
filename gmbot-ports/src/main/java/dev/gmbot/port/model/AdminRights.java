package dev.gmbot.port.model;

/**
 * The administrator rights GMBot cares about. In a group the bot needs to restrict members, delete
 * messages and invite users; in a channel it needs to be an administrator (to read the member list)
 * with the right to invite users (for invite links and join requests).
 */
public record AdminRights(
    boolean canRestrictMembers,
    boolean canDeleteMessages,
    boolean canInviteUsers,
    boolean canManageChat,
    boolean isAnonymous) {

  public static final AdminRights NONE = new AdminRights(false, false, false, false, false);
  public static final AdminRights ALL = new AdminRights(true, true, true, true, false);

  /** Rights the bot needs in a protected group. */
  public boolean sufficientForGroup() {
    return canRestrictMembers && canDeleteMessages && canInviteUsers;
  }
}
