package dev.gmbot.domain.commands;

import dev.gmbot.domain.i18n.Catalogue;
import dev.gmbot.domain.i18n.Catalogue.Phrase;
import dev.gmbot.domain.protection.Texts;
import dev.gmbot.port.model.AuditEntry;
import dev.gmbot.port.model.AuditPage;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.EnforcementRules;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.TrustedMember;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link MenuTexts} from the {@code commands} catalogue of one language (its {@code screen.*}
 * messages). The words are in the catalogue; what stays here is how a screen is put together (a
 * head, then lines of values) and the marks that carry no words (emoji, bullets). Every value a
 * reader did not write in this language (a title, a channel, a number, a date) goes in through
 * {@link Catalogue#value}, so that a right-to-left screen keeps it in its place.
 */
final class CatalogueMenuTexts implements MenuTexts {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  private static final int MAX_DETAIL = 120;
  private static final int MAX_TYPED = 64;
  private static final int MAX_TITLE_IN_ALERT = 100;

  private final Catalogue c;

  CatalogueMenuTexts(Catalogue catalogue) {
    this.c = catalogue;
  }

  @Override
  public Language language() {
    return c.language();
  }

  // ---- in the group -----------------------------------------------------------------------------

  @Override
  public String openSettingsButton() {
    return c.text("screen.button.open_settings");
  }

  @Override
  public String auditInPrivate() {
    return c.text("screen.audit_in_private");
  }

  @Override
  public String openAuditButton() {
    return c.text("screen.button.open_audit");
  }

  // ---- the list of groups -----------------------------------------------------------------------

  @Override
  public String groupsScreen(List<ProtectedGroup> groups) {
    return c.text("screen.groups");
  }

  @Override
  public String noGroups() {
    return c.text("screen.no_groups");
  }

  @Override
  public String groupButton(ProtectedGroup group) {
    return (group.isPaused() ? "⏸ " : "🛡️ ") + c.value(title(group));
  }

  @Override
  public String allGroupsButton() {
    return c.text("screen.button.all_groups");
  }

  // ---- one group --------------------------------------------------------------------------------

  @Override
  public String groupScreen(ProtectedGroup g) {
    GroupSettings s = g.settings();
    Texts prompt = Texts.in(s.language());
    return c.text(
        "screen.group",
        "title",
        title(g),
        "paused",
        new Phrase(g.isPaused() ? c.text("screen.group.paused") : ""),
        "channels",
        g.channels().isEmpty()
            ? new Phrase(c.text("screen.none"))
            : g.channels().stream().map(EnforcedChannel::displayName).toList(),
        "delete",
        new Phrase(onOff(s.deleteMessages())),
        "lifetime",
        new Phrase(duration(s.promptLifetime())),
        "prompt",
        new Phrase(
            c.text(s.promptText().isPresent() ? "screen.prompt.custom" : "screen.prompt.built_in")),
        "verify",
        prompt.verifyLabel(s),
        "join",
        prompt.joinLabel(s));
  }

  @Override
  public String languageLine(String language) {
    return c.text("screen.language_line", "language", languageName(language));
  }

  @Override
  public String topicLine(Optional<Long> topic) {
    return c.text("screen.topic_line", "topic", new Phrase(topicName(topic)));
  }

  @Override
  public String channelsButton(int count) {
    return c.text("screen.button.channels", "count", count);
  }

  @Override
  public String deleteMessagesButton(boolean on) {
    return c.text("screen.button.delete_messages", "state", new Phrase(onOff(on)));
  }

  @Override
  public String lifetimeButton(Duration lifetime) {
    return c.text("screen.button.lifetime", "lifetime", new Phrase(duration(lifetime)));
  }

  @Override
  public String promptTextButton() {
    return c.text("screen.button.prompt_text");
  }

  @Override
  public String verifyLabelButton() {
    return c.text("screen.button.verify_label");
  }

  @Override
  public String joinLabelButton() {
    return c.text("screen.button.join_label");
  }

  @Override
  public String languageButton(String language) {
    return c.text("screen.button.language", "language", languageName(language));
  }

  @Override
  public String topicButton(Optional<Long> topic) {
    return c.text("screen.button.topic", "topic", new Phrase(topicName(topic)));
  }

  @Override
  public String auditButton() {
    return c.text("screen.button.audit");
  }

  @Override
  public String backButton() {
    return c.text("screen.button.back");
  }

  // ---- channels ---------------------------------------------------------------------------------

  @Override
  public String channelsScreen(ProtectedGroup g) {
    return c.text(
        "screen.channels",
        "title",
        title(g),
        "list",
        new Phrase(
            g.channels().stream()
                .map(ch -> "• " + c.value(ch.displayName()))
                .collect(Collectors.joining("\n"))));
  }

  @Override
  public String removeChannelButton(EnforcedChannel channel) {
    return "❌ " + c.value(channel.displayName());
  }

  @Override
  public String addChannelButton() {
    return c.text("screen.button.add_channel");
  }

  @Override
  public String askChannel(ProtectedGroup g) {
    return c.text("screen.ask_channel", "title", title(g));
  }

  @Override
  public String notAChannelName(String typed) {
    return c.text("screen.not_a_channel_name", "typed", clip(typed, MAX_TYPED));
  }

  @Override
  public String alreadyRequired(String channel) {
    return c.text("screen.already_required", "channel", channel);
  }

  @Override
  public String channelNotAdded(List<String> checks) {
    return String.join("\n", checks) + "\n\n" + c.text("screen.channel_not_added");
  }

  @Override
  public String channelAdded(String channel) {
    return c.text("screen.channel_added", "channel", channel);
  }

  @Override
  public String channelRemovedToast(String channel) {
    return c.text("screen.alert.channel_removed", "channel", channel);
  }

  @Override
  public String lastChannelAlert() {
    return c.text("screen.alert.last_channel");
  }

  @Override
  public String tooManyChannelsAlert(int max) {
    return c.text("screen.alert.too_many_channels", "max", max);
  }

  // ---- prompt lifetime and language -------------------------------------------------------------

  @Override
  public String lifetimesScreen(ProtectedGroup g) {
    return c.text(
        "screen.lifetimes",
        "title",
        title(g),
        "lifetime",
        new Phrase(duration(g.settings().promptLifetime())));
  }

  @Override
  public String lifetimeChoice(Duration lifetime, boolean current) {
    return (current ? "• " : "") + duration(lifetime);
  }

  @Override
  public String languagesScreen(ProtectedGroup g, String current) {
    return c.text("screen.languages", "title", title(g), "language", languageName(current));
  }

  @Override
  public String languageChoice(String language, boolean current) {
    return (current ? "• " : "") + languageName(language);
  }

  // ---- texts of the prompt ----------------------------------------------------------------------

  @Override
  public String askPromptText(ProtectedGroup g, int max) {
    return c.text(
        "screen.ask_prompt_text",
        "title",
        title(g),
        "max",
        max,
        "now",
        g.settings()
            .promptText()
            .<Object>map(t -> t)
            .orElse(new Phrase(c.text("screen.built_in"))));
  }

  @Override
  public String askVerifyLabel(ProtectedGroup g, int max) {
    return c.text(
        "screen.ask_verify_label",
        "max",
        max,
        "now",
        Texts.in(g.settings().language()).verifyLabel(g.settings()));
  }

  @Override
  public String askJoinLabel(ProtectedGroup g, int max) {
    return c.text(
        "screen.ask_join_label",
        "max",
        max,
        "now",
        Texts.in(g.settings().language()).joinLabel(g.settings()));
  }

  @Override
  public String askTopic(ProtectedGroup g, Optional<Long> current) {
    return c.text("screen.ask_topic", "title", title(g), "topic", new Phrase(topicName(current)));
  }

  @Override
  public String textRefused(int max) {
    return c.text("screen.text_refused", "max", max);
  }

  @Override
  public String notATopic(String typed) {
    return c.text("screen.not_a_topic", "typed", clip(typed, MAX_TYPED));
  }

  @Override
  public String previewQuestion() {
    return c.text("screen.preview_question");
  }

  @Override
  public String saveButton() {
    return c.text("screen.button.save");
  }

  @Override
  public String typeAgainButton() {
    return c.text("screen.button.type_again");
  }

  @Override
  public String cancelButton() {
    return c.text("screen.button.cancel");
  }

  @Override
  public String previewOnlyToast() {
    return c.text("screen.alert.preview_only");
  }

  @Override
  public String previewExpiredAlert() {
    return c.text("screen.alert.preview_expired");
  }

  // ---- answers ----------------------------------------------------------------------------------

  @Override
  public String savedToast() {
    return c.text("screen.alert.saved");
  }

  @Override
  public String cancelledToast() {
    return c.text("screen.alert.cancelled");
  }

  @Override
  public String saved(ProtectedGroup g) {
    return c.text("screen.saved") + "\n\n" + groupScreen(g);
  }

  @Override
  public String staleScreen(Optional<String> title) {
    return title
        .filter(t -> !t.isBlank())
        .map(t -> c.text("screen.stale", "title", t))
        .orElseGet(() -> c.text("screen.stale.untitled"));
  }

  @Override
  public String staleAlert() {
    return c.text("screen.alert.stale");
  }

  @Override
  public String notAdminAlert(String title) {
    return c.text("screen.alert.not_admin", "title", clip(title, MAX_TITLE_IN_ALERT));
  }

  @Override
  public String notAdmin(String title) {
    return c.text("screen.not_admin", "title", title);
  }

  @Override
  public String cannotCheckAlert() {
    return c.text("screen.alert.cannot_check");
  }

  @Override
  public String unknownButtonAlert() {
    return c.text("screen.alert.unknown_button");
  }

  // ---- the audit log ----------------------------------------------------------------------------

  @Override
  public String auditScreen(ProtectedGroup g, AuditPage page) {
    String head =
        c.text(
            "screen.audit", "title", title(g), "page", page.page() + 1, "pages", page.pageCount());
    if (page.entries().isEmpty()) {
      return head
          + "\n\n"
          + c.text(page.total() > 0 ? "screen.audit.empty_page" : "screen.audit.empty");
    }
    return head
        + "\n\n"
        + page.entries().stream().map(this::auditEntry).collect(Collectors.joining("\n\n"));
  }

  @Override
  public String auditEntry(AuditEntry e) {
    String who =
        e.user().map(u -> " · " + c.text("screen.audit.user", "user", u.toString())).orElse("");
    String why = e.detail().isBlank() ? "" : "\n   " + c.value(clip(e.detail(), MAX_DETAIL));
    return c.value(WHEN.format(e.at())) + " · " + auditAction(e.action()) + who + why;
  }

  @Override
  public String auditAction(AuditEntry.Action action) {
    return c.text("screen.audit.action." + action.name().toLowerCase(Locale.ROOT));
  }

  @Override
  public String auditPickGroup(List<ProtectedGroup> groups) {
    return c.text("screen.audit_pick");
  }

  @Override
  public String newerButton() {
    return c.text("screen.button.newer");
  }

  @Override
  public String olderButton() {
    return c.text("screen.button.older");
  }

  // ---- enforcement policy and trust list ------------------------------------------------------

  @Override
  public String actionButton(EnforcementRules.Action action) {
    return c.text("screen.button.action", "action", new Phrase(actionName(action)));
  }

  @Override
  public String onFailureButton(EnforcementRules.CheckFailure policy) {
    return c.text("screen.button.on_failure", "policy", new Phrase(failureName(policy)));
  }

  @Override
  public String trustedButton() {
    return c.text("screen.button.trusted");
  }

  @Override
  public String enforcementScreen(ProtectedGroup g) {
    EnforcementRules e = g.settings().enforcement();
    return c.text(
        "screen.enforcement",
        "title",
        title(g),
        "action",
        new Phrase(actionName(e.action())),
        "remove_after",
        new Phrase(duration(e.removeAfter())));
  }

  @Override
  public String actionChoice(EnforcementRules.Action action, boolean current) {
    return (current ? "• " : "") + actionName(action);
  }

  @Override
  public String removeAfterChoice(Duration after, boolean current) {
    return (current ? "• " : "")
        + c.text("screen.remove_after", "after", new Phrase(duration(after)));
  }

  @Override
  public String onFailureScreen(ProtectedGroup g) {
    EnforcementRules e = g.settings().enforcement();
    return c.text(
        "screen.on_failure",
        "title",
        title(g),
        "policy",
        new Phrase(failureName(e.onCheckFailure())),
        "hold_limit",
        new Phrase(duration(e.holdLimit())));
  }

  @Override
  public String onFailureChoice(EnforcementRules.CheckFailure policy, boolean current) {
    return (current ? "• " : "") + failureName(policy);
  }

  @Override
  public String holdLimitChoice(Duration limit, boolean current) {
    return (current ? "• " : "")
        + c.text("screen.hold_limit", "limit", new Phrase(duration(limit)));
  }

  @Override
  public String trustedScreen(ProtectedGroup g, List<TrustedMember> listed, int total) {
    if (total == 0) {
      return c.text("screen.trusted.none", "title", title(g));
    }
    String head = c.text("screen.trusted", "title", title(g), "count", total);
    return listed.size() < total
        ? head + "\n\n" + c.text("screen.trusted.more", "count", total - listed.size())
        : head;
  }

  @Override
  public String untrustButton(TrustedMember member) {
    return "✖ " + c.value(trustedName(member));
  }

  @Override
  public String untrustedToast(String who) {
    return c.text("screen.untrusted_toast", "who", clip(who, MAX_TITLE_IN_ALERT));
  }

  /** How a trusted member is shown: their stored label, else their id. */
  static String trustedName(TrustedMember member) {
    return member.label().isBlank() ? "id " + member.user().value() : member.label();
  }

  private String actionName(EnforcementRules.Action action) {
    return c.text("screen.action." + action.name().toLowerCase(Locale.ROOT));
  }

  private String failureName(EnforcementRules.CheckFailure policy) {
    return c.text("screen.failure." + policy.name().toLowerCase(Locale.ROOT));
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** The group's title, or (untitled) its name in this language with its id. */
  private String title(ProtectedGroup g) {
    return g.title().isBlank() ? c.text("screen.untitled", "id", g.id().toString()) : g.title();
  }

  private String onOff(boolean on) {
    return c.text(on ? "screen.on" : "screen.off");
  }

  /** A lifetime in words: whole hours, else whole minutes, else seconds. */
  private String duration(Duration d) {
    long seconds = d.toSeconds();
    if (seconds % 3600 == 0) {
      return c.text("screen.duration.hours", "n", seconds / 3600);
    }
    return seconds % 60 == 0
        ? c.text("screen.duration.minutes", "n", seconds / 60)
        : c.text("screen.duration.seconds", "n", seconds);
  }

  /** Each language in its own name, so that a reader finds theirs whatever the menu's language. */
  private static String languageName(String tag) {
    return Language.ofTag(tag).map(Language::nativeName).orElse(tag);
  }

  private String topicName(Optional<Long> topic) {
    return topic
        .map(t -> c.text("screen.topic.number", "topic", t))
        .orElseGet(() -> c.text("screen.topic.general"));
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
