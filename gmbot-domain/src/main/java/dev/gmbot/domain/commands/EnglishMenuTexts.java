package dev.gmbot.domain.commands;

import dev.gmbot.port.model.AuditEntry;
import dev.gmbot.port.model.AuditPage;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.ProtectedGroup;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the settings menu and the audit log say, in English. */
final class EnglishMenuTexts implements MenuTexts {
  static final EnglishMenuTexts INSTANCE = new EnglishMenuTexts();

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  private static final int MAX_DETAIL = 120;

  private EnglishMenuTexts() {}

  // ---- in the group -----------------------------------------------------------------------------

  @Override
  public String openSettingsButton() {
    return "⚙️ Open the settings menu";
  }

  @Override
  public String auditInPrivate() {
    return "📜 The audit log opens in our private chat.";
  }

  @Override
  public String openAuditButton() {
    return "📜 Open the audit log";
  }

  // ---- the list of groups -----------------------------------------------------------------------

  @Override
  public String groupsScreen(List<ProtectedGroup> groups) {
    return "⚙️ Settings\n\nChoose a group:";
  }

  @Override
  public String noGroups() {
    return "⚙️ Settings\n\nI know no protected group you administer. Add me to your group as an"
        + " admin and send /protect @YourChannel there; then open /settings here again.";
  }

  @Override
  public String groupButton(ProtectedGroup group) {
    return (group.isPaused() ? "⏸ " : "🛡️ ") + title(group);
  }

  @Override
  public String allGroupsButton() {
    return "⬅️ All groups";
  }

  // ---- one group --------------------------------------------------------------------------------

  @Override
  public String groupScreen(ProtectedGroup g) {
    GroupSettings s = g.settings();
    return "⚙️ "
        + title(g)
        + (g.isPaused() ? " (paused)" : "")
        + "\n\n• Channels: "
        + channelNames(g.channels())
        + "\n• Delete messages of unsubscribed members: "
        + (s.deleteMessages() ? "on" : "off")
        + "\n• Prompt lifetime: "
        + Setting.formatDuration(s.promptLifetime())
        + "\n• Prompt text: "
        + (s.promptText().isPresent() ? "custom" : "built-in")
        + "\n• Verify button: "
        + s.verifyButtonText()
        + "\n• Join button: "
        + s.joinButtonText();
  }

  @Override
  public String languageLine(String language) {
    return "• Language: " + languageName(language);
  }

  @Override
  public String topicLine(Optional<Long> topic) {
    return "• Topic for join prompts: " + topicName(topic);
  }

  @Override
  public String channelsButton(int count) {
    return "📢 Channels (" + count + ")";
  }

  @Override
  public String deleteMessagesButton(boolean on) {
    return "🗑 Delete messages: " + (on ? "on" : "off");
  }

  @Override
  public String lifetimeButton(Duration lifetime) {
    return "⏱ Prompt lifetime: " + Setting.formatDuration(lifetime);
  }

  @Override
  public String promptTextButton() {
    return "✏️ Prompt text";
  }

  @Override
  public String verifyLabelButton() {
    return "🔘 Verify button";
  }

  @Override
  public String joinLabelButton() {
    return "🔘 Join button";
  }

  @Override
  public String languageButton(String language) {
    return "🌐 Language: " + languageName(language);
  }

  @Override
  public String topicButton(Optional<Long> topic) {
    return "🧵 Topic: " + topicName(topic);
  }

  @Override
  public String auditButton() {
    return "📜 Audit log";
  }

  @Override
  public String backButton() {
    return "⬅️ Back";
  }

  // ---- channels ---------------------------------------------------------------------------------

  @Override
  public String channelsScreen(ProtectedGroup g) {
    return "📢 Channels of "
        + title(g)
        + "\n\nMembers must be subscribed to all of them:\n"
        + g.channels().stream().map(c -> "• " + c.displayName()).collect(Collectors.joining("\n"))
        + "\n\nPress ❌ to stop requiring a channel.";
  }

  @Override
  public String removeChannelButton(EnforcedChannel channel) {
    return "❌ " + channel.displayName();
  }

  @Override
  public String addChannelButton() {
    return "➕ Add a channel";
  }

  @Override
  public String askChannel(ProtectedGroup g) {
    return "📢 Send me the channel "
        + title(g)
        + " should also require: its @username, its t.me link, or its -100… id for a private"
        + " channel.\n\nI must be an admin of the channel, and so must you.";
  }

  @Override
  public String notAChannelName(String typed) {
    return "“"
        + clip(typed, 64)
        + "” is not a channel name. Send @username, t.me/username or the -100… id, or press"
        + " Cancel.";
  }

  @Override
  public String alreadyRequired(String channel) {
    return channel + " is already required.";
  }

  @Override
  public String channelNotAdded(List<String> checks) {
    return String.join("\n", checks)
        + "\n\nI didn't add the channel. Fix the ❌ item and send it again, or press Cancel.";
  }

  @Override
  public String channelAdded(String channel) {
    return "✅ " + channel + " is required from now on.";
  }

  @Override
  public String channelRemovedToast(String channel) {
    return "✅ " + channel + " is no longer required.";
  }

  @Override
  public String lastChannelAlert() {
    return "A protected group needs at least one channel. To turn protection off, send /unprotect"
        + " in the group.";
  }

  @Override
  public String tooManyChannelsAlert(int max) {
    return "A group can require at most " + max + " channels.";
  }

  // ---- prompt lifetime and language -------------------------------------------------------------

  @Override
  public String lifetimesScreen(ProtectedGroup g) {
    return "⏱ How long a prompt stays in "
        + title(g)
        + " before I delete it (now "
        + Setting.formatDuration(g.settings().promptLifetime())
        + "):";
  }

  @Override
  public String lifetimeChoice(Duration lifetime, boolean current) {
    return (current ? "• " : "") + Setting.formatDuration(lifetime);
  }

  @Override
  public String languagesScreen(ProtectedGroup g, String current) {
    return "🌐 The language I speak in " + title(g) + " (now " + languageName(current) + "):";
  }

  @Override
  public String languageChoice(String language, boolean current) {
    return (current ? "• " : "") + languageName(language);
  }

  // ---- texts of the prompt ----------------------------------------------------------------------

  @Override
  public String askPromptText(ProtectedGroup g, int max) {
    return "✏️ Send me the new prompt text for "
        + title(g)
        + " (at most "
        + max
        + " characters), or “default” for the built-in one. I'll show you the prompt before I"
        + " save it.\n\nNow: "
        + g.settings().promptText().orElse("(built-in)");
  }

  @Override
  public String askVerifyLabel(ProtectedGroup g, int max) {
    return "🔘 Send me the new label of the verify button (at most "
        + max
        + " characters), or “default”.\n\nNow: "
        + g.settings().verifyButtonText();
  }

  @Override
  public String askJoinLabel(ProtectedGroup g, int max) {
    return "🔘 Send me the new label of the join button (at most "
        + max
        + " characters), or “default”.\n\nNow: "
        + g.settings().joinButtonText();
  }

  @Override
  public String askTopic(ProtectedGroup g, Optional<Long> current) {
    return "🧵 Send me the topic where join prompts of "
        + title(g)
        + " should go: a link to the topic (or to a message in it), its number, or “general”."
        + "\n\nNow: "
        + topicName(current);
  }

  @Override
  public String textRefused(int max) {
    return "That text can't be used: send 1 to " + max + " characters, or press Cancel.";
  }

  @Override
  public String notATopic(String typed) {
    return "“" + clip(typed, 64) + "” names no topic. Send a topic link, its number or “general”.";
  }

  @Override
  public String previewQuestion() {
    return "☝️ This is how the prompt will look. Save it?";
  }

  @Override
  public String saveButton() {
    return "✅ Save";
  }

  @Override
  public String typeAgainButton() {
    return "✏️ Type again";
  }

  @Override
  public String cancelButton() {
    return "✖️ Cancel";
  }

  @Override
  public String previewOnlyToast() {
    return "This is only a preview.";
  }

  @Override
  public String previewExpiredAlert() {
    return "This preview has expired. Open the text again to change it.";
  }

  // ---- answers ----------------------------------------------------------------------------------

  @Override
  public String savedToast() {
    return "✅ Saved";
  }

  @Override
  public String cancelledToast() {
    return "Cancelled";
  }

  @Override
  public String saved(ProtectedGroup g) {
    return "✅ Saved.\n\n" + groupScreen(g);
  }

  @Override
  public String staleScreen(Optional<String> title) {
    return "⚠️ "
        + title.filter(t -> !t.isBlank()).orElse("This group")
        + " is no longer protected, so its settings menu is closed. Send /protect @YourChannel in"
        + " the group to protect it again.";
  }

  @Override
  public String staleAlert() {
    return "This group is no longer protected.";
  }

  @Override
  public String notAdminAlert(String title) {
    return "Only admins of " + clip(title, 100) + " can change its settings.";
  }

  @Override
  public String notAdmin(String title) {
    return "⛔ Only admins of " + title + " can change its settings.";
  }

  @Override
  public String cannotCheckAlert() {
    return "⚠️ I can't check your rights in this group right now. Please try again shortly.";
  }

  @Override
  public String unknownButtonAlert() {
    return "This button no longer works.";
  }

  // ---- the audit log ----------------------------------------------------------------------------

  @Override
  public String auditScreen(ProtectedGroup g, AuditPage page) {
    String head =
        "📜 Audit log of "
            + title(g)
            + " — page "
            + (page.page() + 1)
            + " of "
            + page.pageCount()
            + ", newest first (times in UTC)";
    if (page.entries().isEmpty()) {
      return head + "\n\nNothing recorded" + (page.total() > 0 ? " on this page." : " yet.");
    }
    return head
        + "\n\n"
        + page.entries().stream().map(this::auditEntry).collect(Collectors.joining("\n\n"));
  }

  @Override
  public String auditEntry(AuditEntry e) {
    String who = e.user().map(u -> " · user " + u).orElse("");
    String why = e.detail().isBlank() ? "" : "\n   " + clip(e.detail(), MAX_DETAIL);
    return WHEN.format(e.at()) + " · " + auditAction(e.action()) + who + why;
  }

  @Override
  public String auditAction(AuditEntry.Action action) {
    return switch (action) {
      case RESTRICTED -> "🔇 muted";
      case RELEASED -> "🔊 freed";
      case MESSAGE_DELETED -> "🗑 message deleted";
      case PROMPTED -> "👋 prompted";
      case PROTECTED -> "🛡️ protection on";
      case UNPROTECTED -> "🔓 channels unlinked";
      case PAUSED -> "⏸ paused";
      case RESUMED -> "▶️ resumed";
      case JOIN_APPROVED -> "✅ join request approved";
      case MIGRATED -> "🔀 became a supergroup";
    };
  }

  @Override
  public String auditPickGroup(List<ProtectedGroup> groups) {
    return "📜 Audit log\n\nChoose a group:";
  }

  @Override
  public String newerButton() {
    return "◀️ Newer";
  }

  @Override
  public String olderButton() {
    return "Older ▶️";
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static String title(ProtectedGroup g) {
    return g.title().isBlank() ? "group " + g.id() : g.title();
  }

  private static String channelNames(List<EnforcedChannel> channels) {
    return channels.isEmpty()
        ? "none"
        : channels.stream().map(EnforcedChannel::displayName).collect(Collectors.joining(", "));
  }

  /** Each language in its own name, so that a reader finds theirs whatever the menu's language. */
  private static String languageName(String tag) {
    return Language.ofTag(tag).map(Language::nativeName).orElse(tag);
  }

  private static String topicName(Optional<Long> topic) {
    return topic.map(t -> "topic " + t).orElse("General");
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
