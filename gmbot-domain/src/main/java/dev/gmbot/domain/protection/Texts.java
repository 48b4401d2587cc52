package dev.gmbot.domain.protection;

import dev.gmbot.domain.i18n.Catalogue;
import dev.gmbot.domain.i18n.Catalogue.Phrase;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.model.ProtectedGroup;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What GMBot says to people outside of commands, in one language: prompts, answers to pressed
 * buttons, owner notices, join requests. The words are in the {@code protection} message catalogue
 * of each language ({@code protection_<language>.properties}); the static helpers write GMBot's own
 * records (effect lines, audit details, pause details), which are English.
 */
public final class Texts {
  /** A callback answer shows at most this many characters. */
  private static final int MAX_ALERT = 200;

  /** The pause detail stored for a basic group; /status shows it in the group's language. */
  public static final String NOT_A_SUPERGROUP_DETAIL = "the group is not a supergroup";

  private final Catalogue c;

  private Texts(Catalogue catalogue) {
    this.c = catalogue;
  }

  /** The texts in a language (its catalogue is read once, when first needed). */
  public static Texts in(Language language) {
    return new Texts(Catalogue.of("protection", Objects.requireNonNull(language, "language")));
  }

  public Language language() {
    return c.language();
  }

  // ---- GMBot's own records (English) ----------------------------------------------------------

  /** Channel names joined for effect lines and audit details: "@a, @b". */
  public static String channelNames(List<EnforcedChannel> channels) {
    return channels.stream().map(EnforcedChannel::displayName).collect(Collectors.joining(", "));
  }

  /** Rights as English words for a pause detail: "restrict members, delete messages". */
  static String rightsForRecord(List<GroupRight> rights) {
    Texts english = in(Language.ENGLISH);
    return rights.stream().map(english::right).collect(Collectors.joining(", "));
  }

  /** Why a group is paused, for an effect line. */
  static String pauseDetail(PauseReason reason) {
    return switch (reason.kind()) {
      case BOT_LACKS_GROUP_RIGHTS -> "I lack admin rights in the group";
      case BOT_REMOVED_FROM_GROUP -> "I was removed from the group";
      case CANNOT_CHECK_CHANNEL -> "I can't see the members of a linked channel";
    };
  }

  // ---- the prompt -------------------------------------------------------------------------------

  /**
   * Who a prompt greets: the names it knows, then how many more ("Alice, Bob and 3 others"), or
   * only how many when it knows no name ("3 new members").
   */
  String promptGreeting(List<String> names, int others) {
    if (others == 0) {
      return c.list(names);
    }
    return names.isEmpty()
        ? c.text("prompt.new_members", "count", others)
        : c.text("prompt.others", "names", names, "count", others);
  }

  /** The built-in body of a prompt. */
  String promptBody(List<EnforcedChannel> channels, GroupSettings settings) {
    return c.text("prompt.body", "channels", names(channels), "verify", verifyLabel(settings));
  }

  /** The verify button's label: the group's own, or the built-in one in this language. */
  public String verifyLabel(GroupSettings settings) {
    return settings.verifyButtonText().equals(GroupSettings.DEFAULTS.verifyButtonText())
        ? c.text("button.verify")
        : settings.verifyButtonText();
  }

  /** The join button's label: the group's own, or the built-in one in this language. */
  public String joinLabel(GroupSettings settings) {
    return settings.joinButtonText().equals(GroupSettings.DEFAULTS.joinButtonText())
        ? c.text("button.join")
        : settings.joinButtonText();
  }

  // ---- answers to pressed buttons ---------------------------------------------------------------

  String verified() {
    return c.text("alert.verified");
  }

  String alreadyVerified() {
    return c.text("alert.already_verified");
  }

  String notForYou() {
    return c.text("alert.not_for_you");
  }

  /** The answer to a press while the same person's previous press is still being checked. */
  public String stillChecking() {
    return c.text("alert.still_checking");
  }

  /** The prompt of a joiner held while checks fail (issue 16). */
  String checkingOneMoment() {
    return c.text("prompt.checking");
  }

  String pausedHere() {
    return c.text("alert.paused_here");
  }

  String protectionOff() {
    return c.text("alert.protection_off");
  }

  String tryAgain() {
    return c.text("alert.try_again");
  }

  String cannotCheck() {
    return c.text("alert.cannot_check");
  }

  String unknownButton() {
    return c.text("alert.unknown_button");
  }

  String notCheckedNow() {
    return c.text("alert.not_checked_now");
  }

  String notYet(List<EnforcedChannel> missing) {
    String text = c.text("alert.not_yet", "channels", names(missing));
    return text.length() <= MAX_ALERT ? text : text.substring(0, MAX_ALERT - 1) + "…";
  }

  String joinRequestWelcome(ProtectedGroup g) {
    String text = c.text("alert.welcome", "group", groupName(g));
    return text.length() <= MAX_ALERT ? text : c.text("alert.welcome_short");
  }

  // ---- join requests
  // ------------------------------------------------------------------------------

  String joinRequestInstructions(ProtectedGroup g, List<EnforcedChannel> channels) {
    return c.text("join_request.instructions", "group", groupName(g), "channels", names(channels));
  }

  String joinRequestButton() {
    return c.text("join_request.button");
  }

  /** Why an expired join request was declined, and how to come in (ADR 0023). */
  String joinRequestDeclined(ProtectedGroup g, List<EnforcedChannel> missing) {
    return c.text("join_request.declined", "group", groupName(g), "channels", names(missing));
  }

  // ---- notices to the owner
  // -----------------------------------------------------------------------

  String lostChannelRights(String channel, ProtectedGroup g) {
    return c.text("notice.lost_channel_rights", "channel", channel, "group", groupName(g));
  }

  String lostGroupRights(ProtectedGroup g, List<GroupRight> missing) {
    return c.text(
        "notice.lost_group_rights",
        "group",
        groupName(g),
        "missing",
        missing.size(),
        "rights",
        missing.stream().map(this::right).toList());
  }

  String notASupergroup(ProtectedGroup g) {
    return c.text("notice.not_a_supergroup", "group", groupName(g));
  }

  String removedFromGroup(ProtectedGroup g) {
    return c.text("notice.removed_from_group", "group", groupName(g));
  }

  String resumed(ProtectedGroup g) {
    return c.text("notice.resumed", "group", groupName(g));
  }

  // ---- pieces
  // ------------------------------------------------------------------------------------

  /** A group as a notice names it: its title in quotes, or "your group". */
  private Phrase groupName(ProtectedGroup g) {
    return new Phrase(
        g.title().isBlank() ? c.text("group.unnamed") : c.text("group.named", "title", g.title()));
  }

  private String right(GroupRight right) {
    return c.text("right." + right.name().toLowerCase(Locale.ROOT));
  }

  private static List<String> names(List<EnforcedChannel> channels) {
    return channels.stream().map(EnforcedChannel::displayName).toList();
  }
}
