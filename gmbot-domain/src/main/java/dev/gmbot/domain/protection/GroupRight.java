package dev.gmbot.domain.protection;

import dev.gmbot.port.model.AdminRights;
import java.util.ArrayList;
import java.util.List;

/** The administrator rights GMBot needs in a group it protects. */
public enum GroupRight {
  RESTRICT_MEMBERS,
  DELETE_MESSAGES,
  INVITE_USERS;

  /** The rights the bot lacks, in this order. */
  public static List<GroupRight> missingIn(AdminRights rights) {
    List<GroupRight> missing = new ArrayList<>();
    if (!rights.canRestrictMembers()) {
      missing.add(RESTRICT_MEMBERS);
    }
    if (!rights.canDeleteMessages()) {
      missing.add(DELETE_MESSAGES);
    }
    if (!rights.canInviteUsers()) {
      missing.add(INVITE_USERS);
    }
    return missing;
  }
}
