package dev.gmbot.domain.commands;

import dev.gmbot.domain.i18n.Catalogue;
import dev.gmbot.domain.protection.GroupRight;
import dev.gmbot.port.model.CommandMenu;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.EnforcementRules;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.MemberCounts;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.model.ProtectedGroup;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the commands say, one method per message, in one language. A command takes the texts
 * of its request's language ({@link CommandRequest#texts()}) and every user-visible text from them.
 * Messages get their facts as values (channels, counts as numbers, settings, a pause reason), never
 * pre-formatted English, so that a language can word them, order them and apply its plural rules.
 * Command names ({@code /protect}), setting keys ({@code prompt_lifetime}) and the values one types
 * ({@code on}, {@code 15m}) are syntax and stay the same in every language.
 *
 * <p>The words are in the {@code commands} message catalogue of each language ({@link Catalogue},
 * {@code commands_<language>.properties}).
 */
interface CommandTexts {
  /** The built-in catalogue in English. */
  static CommandTexts english() {
    return of(Language.ENGLISH);
  }

  /** The texts in a language (its catalogue is read once, when first needed). */
  static CommandTexts of(Language language) {
    return new CatalogueCommandTexts(Catalogue.of("commands", language));
  }

  /** The language these texts are in. */
  Language language();

  // ---- /start, /help, commands GMBot does not know --------------------------------------------

  String start();

  String startInGroup();

  String help();

  String unknownCommand(String name);

  // ---- refusals shared by the admin commands -------------------------------------------------

  String inGroupOnly();

  String adminsOnly();

  String notProtected();

  String basicGroup();

  // ---- the lines of the permission checks (/protect, /reactivate) ----------------------------

  String botAdminInGroup();

  String botNotAdminInGroup();

  String botLacksGroupRights(List<GroupRight> missing);

  String botAdminIn(String channel);

  String botNotAdminIn(String channel);

  String channelNotFound(String reference);

  String notAChannel(String reference);

  String callerNotAdminOf(String channel);

  String ownerNotAdminOf(String channel);

  String noInviteLink(String channel);

  String callerAuthorized();

  // ---- /protect ------------------------------------------------------------------------------

  String protectUsage();

  String notAChannelName(String argument);

  String tooManyChannels(int max);

  String ownerUnknown();

  String protectChecksFailed(List<String> checks);

  String protectionActivated(
      List<String> checks, List<EnforcedChannel> required, boolean ownerReachableInPrivate);

  // ---- /unprotect ----------------------------------------------------------------------------

  String notRequiredHere(String argument, List<EnforcedChannel> required);

  String stillRequired(List<EnforcedChannel> remaining);

  String protectionDisabled(int restrictionsToLift);

  // ---- /status -------------------------------------------------------------------------------

  String groupStatus(
      Optional<PauseReason> pause, List<EnforcedChannel> channels, MemberCounts members);

  String noOwnedGroups();

  String ownedGroups(List<ProtectedGroup> groups);

  // ---- /settings -----------------------------------------------------------------------------

  String settings(GroupSettings settings);

  String settingsSaved(GroupSettings settings);

  String whichValue();

  String cannotSet(String key, String value);

  // ---- /reactivate ---------------------------------------------------------------------------

  String reactivateChecksFailed(List<String> checks);

  String protectionResumed(List<String> checks);

  String protectionInOrder(List<String> checks);

  // ---- /stats --------------------------------------------------------------------------------

  String statistics(Statistics statistics);

  // ---- the command menus (setMyCommands) -----------------------------------------------------

  /** What a command of the menu of one scope does, in a few words (at most 256 characters). */
  String menuDescription(CommandMenu.Scope scope, String command);

  // ---- enforcement policy and trust list (issue 16) -------------------------------------------

  /** /trust done. */
  String trusted(String who);

  /** /untrust done. */
  String untrusted(String who);

  /** /untrust of someone not on the list. */
  String notTrusted(String who);

  /** /trust or /untrust without a member to name. */
  String trustUsage(String command);

  /** /trust @name that Telegram does not resolve to a user. */
  String trustUnknownUser(String who);

  /** The /status line while this instance's checks fail. */
  String checksFailing(Instant since, EnforcementRules.CheckFailure policy, int held);

  // ---- background sweeps (issue 16, items 4-6) ------------------------------------------------

  /** The /status line of a member sweep: running (progress, rate, expected end) or ended. */
  String sweepProgress(dev.gmbot.port.model.MemberSweep sweep, Instant now);

  /** /offpeak without arguments: the group's off-peak hours. */
  String offPeakShown(dev.gmbot.port.model.OffPeakHours hours);

  /** /offpeak done. */
  String offPeakSaved(dev.gmbot.port.model.OffPeakHours hours);

  /** /offpeak with hours it cannot read. */
  String offPeakUsage();
}
