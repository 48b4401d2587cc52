package dev.gmbot.domain.protection;

import dev.gmbot.port.model.AdminRights;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.PauseReason;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What GMBot says to people outside of commands: alerts, owner notices, callback answers. */
public final class Texts {
  private Texts() {}

  public static String channelNames(List<EnforcedChannel> channels) {
    return channels.stream().map(EnforcedChannel::displayName).collect(Collectors.joining(", "));
  }

  /** The rights the bot lacks in a group, as words ("restrict members, delete messages"). */
  public static List<String> missingGroupRights(AdminRights rights) {
    List<String> missing = new ArrayList<>();
    if (!rights.canRestrictMembers()) {
      missing.add("restrict members");
    }
    if (!rights.canDeleteMessages()) {
      missing.add("delete messages");
    }
    if (!rights.canInviteUsers()) {
      missing.add("invite users");
    }
    return missing;
  }

  static String lostChannelRights(String channel, String group) {
    return "⚠️ WARNING: I lost admin rights in "
        + channel
        + "!\nProtection of "
        + group
        + " is temporarily disabled.\n\nPlease re-add me as admin, then run:\n/reactivate";
  }

  static String lostGroupRights(String group, List<String> missing) {
    return "⚠️ WARNING: I can't protect "
        + group
        + " any more: I need to be an admin there"
        + (missing.isEmpty() ? "" : " with the rights to " + String.join(", ", missing))
        + ".\nProtection is temporarily disabled.\n\n"
        + "Please fix my admin rights; protection resumes by itself (or run /reactivate).";
  }

  /** Why a basic group is paused, as /status shows it. */
  static final String NOT_A_SUPERGROUP_DETAIL = "the group is not a supergroup";

  static String notASupergroup(String group) {
    return "⚠️ "
        + group
        + " is a basic group: I can only mute members in supergroups. Protection is paused;"
        + " upgrade the group to a supergroup, then run /reactivate.";
  }

  static String removedFromGroup(String group) {
    return "⚠️ I was removed from "
        + group
        + ". Protection there is off until you add me back as admin and run /reactivate.";
  }

  static String resumed(String group) {
    return "✅ My admin rights are back: protection of " + group + " has resumed.";
  }

  static String pauseDetail(PauseReason reason) {
    return switch (reason.kind()) {
      case BOT_LACKS_GROUP_RIGHTS -> "I lack admin rights in the group";
      case BOT_REMOVED_FROM_GROUP -> "I was removed from the group";
      case CANNOT_CHECK_CHANNEL -> "I can't see the members of a linked channel";
    };
  }

  static final String VERIFIED = "✅ Verified! You can write in the group now.";
  static final String ALREADY_VERIFIED = "✅ You're already verified.";
  static final String NOT_FOR_YOU =
      "This button is for someone else. If you can't write here, use the button of your own"
          + " prompt or ask an admin.";
  public static final String STILL_CHECKING = "⏳ Still checking, one moment…";
  static final String PAUSED_HERE =
      "⏸ Protection is paused here for now; the group's owner has been told.";
  static final String PROTECTION_OFF = "Protection is off in this group.";
  static final String TRY_AGAIN = "⚠️ Telegram didn't answer in time. Please press again shortly.";
  static final String CANNOT_CHECK =
      "⚠️ I can't check channel membership right now; the group's owner has been told.";
  static final String UNKNOWN_BUTTON = "This button no longer works.";

  static String notYet(String missing) {
    String text = "❌ Not yet! Please join " + missing + " first, then press the button again.";
    return text.length() <= 200 ? text : text.substring(0, 199) + "…";
  }

  static String joinRequestWelcome(String group) {
    String text = "✅ You're in! Welcome to " + group + ".";
    return text.length() <= 200 ? text : "✅ You're in!";
  }

  static String joinRequestInstructions(String group, List<EnforcedChannel> channels) {
    return "👋 Hi! To join "
        + group
        + ", please subscribe to "
        + channelNames(channels)
        + " first.\n\nThen press the button below and I'll let you in.";
  }
}
