package dev.gmbot.domain.commands;

import dev.gmbot.domain.i18n.Catalogue;
import dev.gmbot.domain.i18n.Catalogue.Phrase;
import dev.gmbot.domain.protection.GroupRight;
import dev.gmbot.domain.protection.Texts;
import dev.gmbot.port.model.CommandMenu;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.EnforcementRules;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.MemberCounts;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.model.ProtectedGroup;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link CommandTexts} from the {@code commands} catalogue of one language. The messages' words are
 * in the catalogue; how the pieces of a reply are put together (a checklist, then the outcome; the
 * usage after a refusal) is the same in every language and lives here.
 */
final class CatalogueCommandTexts implements CommandTexts {
  private final Catalogue c;

  CatalogueCommandTexts(Catalogue catalogue) {
    this.c = catalogue;
  }

  @Override
  public Language language() {
    return c.language();
  }

  // ---- /start, /help, unknown commands --------------------------------------------------------

  @Override
  public String start() {
    return c.text("start");
  }

  @Override
  public String startInGroup() {
    return c.text("start.in_group");
  }

  @Override
  public String help() {
    return c.text("help");
  }

  @Override
  public String unknownCommand(String name) {
    return c.text("unknown_command", "name", name);
  }

  // ---- refusals -------------------------------------------------------------------------------

  @Override
  public String inGroupOnly() {
    return c.text("in_group_only");
  }

  @Override
  public String adminsOnly() {
    return c.text("admins_only");
  }

  @Override
  public String notProtected() {
    return c.text("not_protected");
  }

  @Override
  public String basicGroup() {
    return c.text("basic_group");
  }

  // ---- permission checks ----------------------------------------------------------------------

  @Override
  public String botAdminInGroup() {
    return c.text("check.bot_admin_in_group");
  }

  @Override
  public String botNotAdminInGroup() {
    return c.text("check.bot_not_admin_in_group");
  }

  @Override
  public String botLacksGroupRights(List<GroupRight> missing) {
    return c.text(
        "check.bot_lacks_group_rights",
        "rights",
        missing.stream().map(r -> c.text("right." + r.name().toLowerCase(Locale.ROOT))).toList());
  }

  @Override
  public String botAdminIn(String channel) {
    return c.text("check.bot_admin_in", "channel", channel);
  }

  @Override
  public String botNotAdminIn(String channel) {
    return c.text("check.bot_not_admin_in", "channel", channel);
  }

  @Override
  public String channelNotFound(String reference) {
    return c.text("check.channel_not_found", "reference", reference);
  }

  @Override
  public String notAChannel(String reference) {
    return c.text("check.not_a_channel", "reference", reference);
  }

  @Override
  public String callerNotAdminOf(String channel) {
    return c.text("check.caller_not_admin_of", "channel", channel);
  }

  @Override
  public String ownerNotAdminOf(String channel) {
    return c.text("check.owner_not_admin_of", "channel", channel);
  }

  @Override
  public String noInviteLink(String channel) {
    return c.text("check.no_invite_link", "channel", channel);
  }

  @Override
  public String callerAuthorized() {
    return c.text("check.caller_authorized");
  }

  private String checklist(List<String> checks) {
    return c.text("checklist.header") + "\n" + String.join("\n", checks);
  }

  // ---- /protect -------------------------------------------------------------------------------

  @Override
  public String protectUsage() {
    return c.text("protect.usage");
  }

  @Override
  public String notAChannelName(String argument) {
    return c.text("protect.not_a_channel_name", "argument", argument) + "\n\n" + protectUsage();
  }

  @Override
  public String tooManyChannels(int max) {
    return c.text("protect.too_many_channels", "max", max);
  }

  @Override
  public String ownerUnknown() {
    return c.text("protect.owner_unknown");
  }

  @Override
  public String protectChecksFailed(List<String> checks) {
    return checklist(checks) + "\n\n" + c.text("protect.checks_failed");
  }

  @Override
  public String protectionActivated(
      List<String> checks, List<EnforcedChannel> required, boolean ownerReachableInPrivate) {
    return checklist(checks)
        + "\n\n"
        + c.text("protect.activated", "channels", names(required))
        + "\n\n"
        + c.text("protect.activated_footer")
        + (ownerReachableInPrivate ? "" : "\n\n" + c.text("protect.private_tip"));
  }

  // ---- /unprotect -----------------------------------------------------------------------------

  @Override
  public String notRequiredHere(String argument, List<EnforcedChannel> required) {
    return c.text("unprotect.not_required", "argument", argument, "channels", names(required));
  }

  @Override
  public String stillRequired(List<EnforcedChannel> remaining) {
    return c.text("unprotect.still_required", "channels", names(remaining));
  }

  @Override
  public String protectionDisabled(int restrictionsToLift) {
    return c.text("unprotect.disabled", "count", restrictionsToLift);
  }

  // ---- /status --------------------------------------------------------------------------------

  @Override
  public String groupStatus(
      Optional<PauseReason> pause, List<EnforcedChannel> channels, MemberCounts members) {
    String state =
        pause
            .map(p -> c.text("status.paused", "reason", new Phrase(pauseReason(p))))
            .orElse(c.text("status.active"));
    return c.text(
        "status.group",
        "state",
        new Phrase(state),
        "channels",
        names(channels),
        "free",
        members.free(),
        "restricted",
        members.restricted());
  }

  private String pauseReason(PauseReason p) {
    String reason =
        c.text(
            switch (p.kind()) {
              case BOT_LACKS_GROUP_RIGHTS -> "pause.bot_lacks_group_rights";
              case BOT_REMOVED_FROM_GROUP -> "pause.bot_removed_from_group";
              case CANNOT_CHECK_CHANNEL -> "pause.cannot_check_channel";
            });
    if (p.detail().isBlank()) {
      return reason;
    }
    Object detail =
        p.detail().equals(Texts.NOT_A_SUPERGROUP_DETAIL)
            ? new Phrase(c.text("pause.not_a_supergroup"))
            : p.detail();
    return c.text("pause.with_detail", "reason", new Phrase(reason), "detail", detail);
  }

  @Override
  public String noOwnedGroups() {
    return c.text("status.no_owned_groups");
  }

  @Override
  public String ownedGroups(List<ProtectedGroup> groups) {
    return c.text("status.owned.header")
        + "\n"
        + groups.stream()
            .map(
                g ->
                    c.text(
                        "status.owned.group",
                        "title",
                        g.title().isBlank() ? g.id().toString() : g.title(),
                        "state",
                        new Phrase(
                            c.text(g.isActive() ? "status.owned.active" : "status.owned.paused")),
                        "channels",
                        names(g.channels())))
            .collect(Collectors.joining("\n"));
  }

  // ---- /settings ------------------------------------------------------------------------------

  @Override
  public String settings(GroupSettings s) {
    return c.text(
            "settings.show",
            "lifetime",
            Setting.formatDuration(s.promptLifetime()),
            "delete",
            s.deleteMessages() ? "on" : "off",
            "verify",
            Texts.in(c.language()).verifyLabel(s),
            "join",
            Texts.in(c.language()).joinLabel(s),
            "prompt",
            s.promptText().<Object>map(t -> t).orElse(new Phrase(c.text("settings.built_in"))),
            "language",
            s.language().tag(),
            "topic",
            s.promptTopic().map(String::valueOf).orElse(PromptTopicSetting.GENERAL))
        + "\n\n"
        + enforcementSettings(s);
  }

  // ---- enforcement policy and trust list (issue 16) -------------------------------------------

  /** The action, removal time, failure policy and hold limit, as /settings shows them. */
  private String enforcementSettings(GroupSettings s) {
    EnforcementRules e = s.enforcement();
    return c.text(
        "settings.show.enforcement",
        "action",
        e.action().key(),
        "remove_after",
        Setting.formatDuration(e.removeAfter()),
        "failure",
        e.onCheckFailure().key(),
        "hold_limit",
        Setting.formatDuration(e.holdLimit()));
  }

  @Override
  public String trusted(String who) {
    return c.text("trust.done", "who", who);
  }

  @Override
  public String untrusted(String who) {
    return c.text("trust.removed", "who", who);
  }

  @Override
  public String notTrusted(String who) {
    return c.text("trust.not_trusted", "who", who);
  }

  @Override
  public String trustUsage(String command) {
    return c.text("trust.usage", "command", command);
  }

  @Override
  public String trustUnknownUser(String who) {
    return c.text("trust.unknown_user", "who", who);
  }

  @Override
  public String checksFailing(Instant since, EnforcementRules.CheckFailure policy, int held) {
    return c.text(
        "status.checks_failing",
        "since",
        DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(since),
        "policy",
        policy.key(),
        "held",
        held);
  }

  @Override
  public String settingsSaved(GroupSettings settings) {
    return c.text("settings.saved") + "\n\n" + settings(settings);
  }

  @Override
  public String whichValue() {
    return c.text("settings.which_value") + " " + settingsUsage();
  }

  @Override
  public String cannotSet(String key, String value) {
    return c.text("settings.cannot_set", "key", key, "value", value) + "\n" + settingsUsage();
  }

  private String settingsUsage() {
    return c.text(
            "settings.usage",
            "languages",
            Arrays.stream(Language.values()).map(Language::tag).toList())
        + "\n"
        + c.text("settings.usage.enforcement");
  }

  // ---- /reactivate ----------------------------------------------------------------------------

  @Override
  public String reactivateChecksFailed(List<String> checks) {
    return checklist(checks) + "\n\n" + c.text("reactivate.checks_failed");
  }

  @Override
  public String protectionResumed(List<String> checks) {
    return checklist(checks) + "\n\n" + c.text("reactivate.resumed");
  }

  @Override
  public String protectionInOrder(List<String> checks) {
    return checklist(checks) + "\n\n" + c.text("reactivate.in_order");
  }

  // ---- /stats ---------------------------------------------------------------------------------

  @Override
  public String statistics(Statistics s) {
    String since =
        s.oldest()
            .map(
                at ->
                    c.text(
                        "stats.since",
                        "date",
                        DateTimeFormatter.ISO_LOCAL_DATE.format(at.atOffset(ZoneOffset.UTC))))
            .orElse("");
    return c.text(
        "stats",
        "actions",
        s.actions(),
        "since",
        new Phrase(since),
        "restricted",
        s.restricted(),
        "released",
        s.released(),
        "deleted",
        s.messagesDeleted(),
        "prompts",
        s.prompts(),
        "approved",
        s.joinsApproved(),
        "free",
        s.members().free(),
        "restricted_now",
        s.members().restricted());
  }

  // ---- the command menus ----------------------------------------------------------------------

  @Override
  public String menuDescription(CommandMenu.Scope scope, String command) {
    return c.text(
        "menu." + (scope == CommandMenu.Scope.PRIVATE_CHATS ? "private" : "admin") + "." + command);
  }

  private List<String> names(List<EnforcedChannel> channels) {
    return channels.stream().map(EnforcedChannel::displayName).toList();
  }

  // ---- background sweeps (issue 16, items 4-6) ------------------------------------------------

  @Override
  public String sweepProgress(dev.gmbot.port.model.MemberSweep sweep, Instant now) {
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    String kind = c.text("sweep.kind." + sweep.kind().name().toLowerCase(java.util.Locale.ROOT));
    if (!sweep.running()) {
      return c.text(
          "status.sweep.finished",
          "kind",
          kind,
          "end",
          hhmm.format(sweep.finishedAt().orElse(now)),
          "checked",
          sweep.checked(),
          "freed",
          sweep.freed(),
          "restricted",
          sweep.restricted());
    }
    return c.text(
        "status.sweep.running",
        "kind",
        kind,
        "checked",
        sweep.checked(),
        "freed",
        sweep.freed(),
        "restricted",
        sweep.restricted(),
        "remaining",
        sweep.remaining(),
        "rate",
        String.format(java.util.Locale.ROOT, "%.1f", sweep.rate(now)),
        "end",
        sweep.expectedEnd(now).map(hhmm::format).orElse("?"));
  }

  @Override
  public String offPeakShown(dev.gmbot.port.model.OffPeakHours hours) {
    return c.text("offpeak.shown", "hours", hours.toString());
  }

  @Override
  public String offPeakSaved(dev.gmbot.port.model.OffPeakHours hours) {
    return c.text("offpeak.saved", "hours", hours.toString());
  }

  @Override
  public String offPeakUsage() {
    return c.text("offpeak.usage");
  }
}
