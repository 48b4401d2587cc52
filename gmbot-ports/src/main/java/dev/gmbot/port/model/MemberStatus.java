package dev.gmbot.port.model;

/** The six statuses of Telegram's ChatMember. */
public enum MemberStatus {
  CREATOR,
  ADMINISTRATOR,
  MEMBER,
  RESTRICTED,
  LEFT,
  KICKED;

  public boolean isAdmin() {
    return this == CREATOR || this == ADMINISTRATOR;
  }
}
