package dev.gmbot.domain.commands;

/** What GMBot answers to commands (PLAN §5, product name GMBot). */
final class CommandTexts {
  private CommandTexts() {}

  static final String START =
      """
      👋 Welcome to GMBot!

      I protect Telegram groups by enforcing channel membership.

      📋 Quick Setup:
      1. Add me as Admin in your Group
      2. Add me as Admin in your Channel
      3. Run /protect @YourChannel in the group

      Need help? → /help""";

  static final String HELP =
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

  static final String START_IN_GROUP =
      "👋 I'm GMBot. Admins: /protect @YourChannel makes channel membership required here."
          + " /help for more.";

  static final String IN_GROUP_ONLY =
      "Run this command in the group you want to protect (I must be an admin there).";

  static final String PROTECT_USAGE =
      "Usage: /protect @YourChannel [@AnotherChannel …]\nName each channel by its @username"
          + " (or its -100… id for a private channel).";

  static final String BASIC_GROUP =
      "⚠️ This is a basic group: Telegram lets bots mute members only in supergroups.\n"
          + "Upgrade it first (e.g. give it a public link or make the chat history visible to new"
          + " members in the group settings), then run the command again.";

  static final String ADMINS_ONLY = "❌ Only admins of this group can use this command.";

  static final String NOT_PROTECTED =
      "🔓 Protection is off here. An admin can turn it on with /protect @YourChannel.";

  static final String ACTIVATED_FOOTER =
      """
      Commands:
      • /status - Check protection status
      • /unprotect - Disable protection
      • /settings - Customize warnings""";

  static final String SETTINGS_USAGE =
      "Usage:\n• /settings prompt_lifetime 15m (30s to 24h)\n• /settings delete_messages on|off\n"
          + "• /settings verify_text <button label>\n• /settings join_text <button label>\n"
          + "• /settings prompt_text <text> (or: default)";

  static final String PRIVATE_TIP =
      "\n\nTip: send me /start in a private chat so I can warn you privately if something breaks.";
}
