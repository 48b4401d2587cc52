package dev.gmbot.domain.commands;

import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.MemberCounts;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.model.ProtectedGroup;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What GMBot answers to commands, in English. */
final class EnglishCommandTexts implements CommandTexts {
  static final EnglishCommandTexts INSTANCE = new EnglishCommandTexts();

  private static final String START =
      """
      👋 Welcome to GMBot!

      I protect Telegram groups by enforcing channel membership.

      📋 Quick Setup:
      1. Add me as Admin in your Group
      2. Add me as Admin in your Channel
      3. Run /protect @YourChannel in the group

      Need help? → /help""";

  private static final String HELP =
      """
      🛡️ GMBot commands

      In your group (admins only):
      • /protect @channel [@channel2 …] - require channel membership
      • /unprotect [@channel | all] - drop a channel requirement, or all of them
      • /status - protection status and counts
      • /settings - show or change settings
      • /reactivate - re-check my rights and resume protection
      • /stats - recent enforcement numbers

      Settings:
      • /settings prompt_lifetime 15m
      • /settings delete_messages on|off
      • /settings verify_text ✅ I joined
      • /settings join_text 📢 Join
      • /settings prompt_text <your text> (or: default)

      I need to be an admin of the group (restrict members, delete messages, invite users) and \
      of every channel.""";

  private static final String PROTECT_USAGE =
      "Usage: /protect @YourChannel [@AnotherChannel …]\nName each channel by its @username"
          + " (or its -100… id for a private channel).";

  private static final String ACTIVATED_FOOTER =
      """
      Commands:
      • /status - Check protection status
      • /unprotect - Disable protection
      • /settings - Customize warnings""";

  private static final String PRIVATE_TIP =
      "\n\nTip: send me /start in a private chat so I can warn you privately if something breaks.";

  private static final String SETTINGS_USAGE =
      "Usage:\n• /settings prompt_lifetime 15m (30s to 24h)\n• /settings delete_messages on|off\n"
          + "• /settings verify_text <button label>\n• /settings join_text <button label>\n"
          + "• /settings prompt_text <text> (or: default)";

  private EnglishCommandTexts() {}

  // ---- /start, /help, unknown commands --------------------------------------------------------

  @Override
  public String start() {
    return START;
  }

  @Override
  public String startInGroup() {
    return "👋 I'm GMBot. Admins: /protect @YourChannel makes channel membership required here."
        + " /help for more.";
  }

  @Override
  public String help() {
    return HELP;
  }

  @Override
  public String unknownCommand(String name) {
    return "I don't know /" + name + ". See /help.";
  }

  // ---- refusals -------------------------------------------------------------------------------

  @Override
  public String inGroupOnly() {
    return "Run this command in the group you want to protect (I must be an admin there).";
  }

  @Override
  public String adminsOnly() {
    return "❌ Only admins of this group can use this command.";
  }

  @Override
  public String notProtected() {
    return "🔓 Protection is off here. An admin can turn it on with /protect @YourChannel.";
  }

  @Override
  public String basicGroup() {
    return "⚠️ This is a basic group: Telegram lets bots mute members only in supergroups.\n"
        + "Upgrade it first (e.g. give it a public link or make the chat history visible to new"
        + " members in the group settings), then run the command again.";
  }

  // ---- permission checks ----------------------------------------------------------------------

  @Override
  public String botAdminInGroup() {
    return "✅ I'm admin in this group";
  }

  @Override
  public String botNotAdminInGroup() {
    return "❌ I'm not an admin in this group: make me admin with the rights to restrict members,"
        + " delete messages and invite users";
  }

  @Override
  public String botLacksGroupRights(List<GroupRight> missing) {
    return "❌ I'm admin in this group but need the rights to "
        + missing.stream().map(EnglishCommandTexts::right).collect(Collectors.joining(", "));
  }

  private static String right(GroupRight right) {
    return switch (right) {
      case RESTRICT_MEMBERS -> "restrict members";
      case DELETE_MESSAGES -> "delete messages";
      case INVITE_USERS -> "invite users";
    };
  }

  @Override
  public String botAdminIn(String channel) {
    return "✅ I'm admin in " + channel;
  }

  @Override
  public String botNotAdminIn(String channel) {
    return "❌ I'm not an admin in " + channel + ": add me there as admin";
  }

  @Override
  public String channelNotFound(String reference) {
    return "❌ I can't find " + reference + ": check the name, and add me to it as admin";
  }

  @Override
  public String notAChannel(String reference) {
    return "❌ " + reference + " is not a channel";
  }

  @Override
  public String callerNotAdminOf(String channel) {
    return "❌ You're not an admin of " + channel;
  }

  @Override
  public String ownerNotAdminOf(String channel) {
    return "❌ The group's owner is not an admin of " + channel;
  }

  @Override
  public String noInviteLink(String channel) {
    return "❌ I can't create an invite link for " + channel + ": give me the right to invite users";
  }

  @Override
  public String callerAuthorized() {
    return "✅ You're authorized to set this up";
  }

  private static String checklist(List<String> checks) {
    return "🔍 Verifying permissions...\n" + String.join("\n", checks);
  }

  // ---- /protect -------------------------------------------------------------------------------

  @Override
  public String protectUsage() {
    return PROTECT_USAGE;
  }

  @Override
  public String notAChannelName(String argument) {
    return "“"
        + argument
        + "” is not a channel name. Write it as @ChannelName (or its -100… id).\n\n"
        + PROTECT_USAGE;
  }

  @Override
  public String tooManyChannels(int max) {
    return "A group can require at most " + max + " channels.";
  }

  @Override
  public String ownerUnknown() {
    return "❌ I couldn't tell who owns this group: run /protect without posting anonymously.";
  }

  @Override
  public String protectChecksFailed(List<String> checks) {
    return checklist(checks) + "\n\nFix the ❌ items above, then run /protect again.";
  }

  @Override
  public String protectionActivated(
      List<String> checks, List<EnforcedChannel> required, boolean ownerReachableInPrivate) {
    return checklist(checks)
        + "\n\n🛡️ Protection Activated!\nAnyone joining this group must now be subscribed to "
        + channelNames(required)
        + ".\n\n"
        + ACTIVATED_FOOTER
        + (ownerReachableInPrivate ? "" : PRIVATE_TIP);
  }

  // ---- /unprotect -----------------------------------------------------------------------------

  @Override
  public String notRequiredHere(String argument, List<EnforcedChannel> required) {
    return "“"
        + argument
        + "” isn't required here. Required now: "
        + channelNames(required)
        + ".\nUsage: /unprotect [@channel | all]";
  }

  @Override
  public String stillRequired(List<EnforcedChannel> remaining) {
    return "✅ Done. Still required here: " + channelNames(remaining) + ".";
  }

  @Override
  public String protectionDisabled(int restrictionsToLift) {
    return "🔓 Protection disabled."
        + (restrictionsToLift == 0
            ? ""
            : " I'm lifting the " + restrictionsToLift + " restrictions I made.");
  }

  // ---- /status --------------------------------------------------------------------------------

  @Override
  public String groupStatus(
      Optional<PauseReason> pause, List<EnforcedChannel> channels, MemberCounts members) {
    String state =
        pause
            .map(
                p ->
                    "⏸ paused: "
                        + pauseReason(p)
                        + ".\nFix it, then run /reactivate (it also resumes by itself).")
            .orElse("✅ active");
    return "🛡️ Protection: "
        + state
        + "\nChannels: "
        + channelNames(channels)
        + "\nMembers: "
        + members.free()
        + " verified, "
        + members.restricted()
        + " restricted";
  }

  private static String pauseReason(PauseReason p) {
    return switch (p.kind()) {
          case BOT_LACKS_GROUP_RIGHTS -> "I lack admin rights in this group";
          case BOT_REMOVED_FROM_GROUP -> "I was removed from this group";
          case CANNOT_CHECK_CHANNEL -> "I can't see the members of a linked channel";
        }
        + (p.detail().isBlank() ? "" : " (" + p.detail() + ")");
  }

  @Override
  public String noOwnedGroups() {
    return "You don't own a protected group yet. See /help to set one up.";
  }

  @Override
  public String ownedGroups(List<ProtectedGroup> groups) {
    return "Your protected groups:\n"
        + groups.stream()
            .map(
                g ->
                    "• "
                        + (g.title().isBlank() ? g.id().toString() : g.title())
                        + ": "
                        + (g.isActive() ? "active" : "paused")
                        + " ("
                        + channelNames(g.channels())
                        + ")")
            .collect(Collectors.joining("\n"));
  }

  // ---- /settings ------------------------------------------------------------------------------

  @Override
  public String settings(GroupSettings s) {
    return "⚙️ Settings\n• prompt_lifetime: "
        + Setting.formatDuration(s.promptLifetime())
        + "\n• delete_messages: "
        + (s.deleteMessages() ? "on" : "off")
        + "\n• verify_text: "
        + s.verifyButtonText()
        + "\n• join_text: "
        + s.joinButtonText()
        + "\n• prompt_text: "
        + s.promptText().orElse("(built-in)")
        + "\n\nChange one with e.g. /settings prompt_lifetime 15m";
  }

  @Override
  public String settingsSaved(GroupSettings settings) {
    return "✅ Saved.\n\n" + settings(settings);
  }

  @Override
  public String whichValue() {
    return "Which value? " + SETTINGS_USAGE;
  }

  @Override
  public String cannotSet(String key, String value) {
    return "I can't set " + key + " to “" + value + "”.\n" + SETTINGS_USAGE;
  }

  // ---- /reactivate ----------------------------------------------------------------------------

  @Override
  public String reactivateChecksFailed(List<String> checks) {
    return checklist(checks) + "\n\nStill missing: fix the ❌ items above, then run /reactivate.";
  }

  @Override
  public String protectionResumed(List<String> checks) {
    return checklist(checks) + "\n\n🛡️ Protection resumed.";
  }

  @Override
  public String protectionInOrder(List<String> checks) {
    return checklist(checks) + "\n\n🛡️ Everything is in order; protection is active.";
  }

  // ---- /stats ---------------------------------------------------------------------------------

  @Override
  public String statistics(Statistics s) {
    String since =
        s.oldest()
            .map(
                at ->
                    " (since "
                        + DateTimeFormatter.ISO_LOCAL_DATE.format(at.atOffset(ZoneOffset.UTC))
                        + ")")
            .orElse("");
    return "📊 Last "
        + s.actions()
        + " actions"
        + since
        + ":\n• restricted: "
        + s.restricted()
        + "\n• released: "
        + s.released()
        + "\n• messages deleted: "
        + s.messagesDeleted()
        + "\n• prompts: "
        + s.prompts()
        + "\n• join requests approved: "
        + s.joinsApproved()
        + "\nMembers now: "
        + s.members().free()
        + " verified, "
        + s.members().restricted()
        + " restricted";
  }

  private static String channelNames(List<EnforcedChannel> channels) {
    return channels.stream().map(EnforcedChannel::displayName).collect(Collectors.joining(", "));
  }
}
