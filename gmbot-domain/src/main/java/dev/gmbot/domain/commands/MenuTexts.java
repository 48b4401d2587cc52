package dev.gmbot.domain.commands;

import dev.gmbot.domain.i18n.Catalogue;
import dev.gmbot.port.model.AuditEntry;
import dev.gmbot.port.model.AuditPage;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.EnforcementRules;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.TrustedMember;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of everything the settings menu and the audit log say (screens, button labels,
 * answers to presses), one method per message, in one language, like {@link CommandTexts}. Facts
 * come as values (a group, settings, a duration, an audit page), never pre-formatted English.
 * Callback answers ({@code …Alert}, {@code …Toast}) are at most 200 characters.
 *
 * <p>The words are the {@code screen.*} messages of the {@code commands} catalogue of each language
 * ({@link Catalogue}). The menu speaks the reader's language (the {@code language_code} of whoever
 * pressed or typed, when GMBot speaks it), else the language of the group on the screen.
 */
interface MenuTexts {
  /** The texts in a language (its catalogue is read once, when first needed). */
  static MenuTexts of(Language language) {
    return new CatalogueMenuTexts(Catalogue.of("commands", language));
  }

  /** The language these texts are in. */
  Language language();

  // ---- in the group: the way to the private chat ----------------------------------------------

  /** The label of the button under /settings in a group that opens the menu in private. */
  String openSettingsButton();

  /** /audit in a group: the log opens in private. */
  String auditInPrivate();

  String openAuditButton();

  // ---- the list of groups ----------------------------------------------------------------------

  String groupsScreen(List<ProtectedGroup> groups);

  String noGroups();

  String groupButton(ProtectedGroup group);

  String allGroupsButton();

  // ---- one group --------------------------------------------------------------------------------

  /** The group's screen: its channels and settings (language and topic lines are added apart). */
  String groupScreen(ProtectedGroup group);

  String languageLine(String language);

  String topicLine(Optional<Long> topic);

  String channelsButton(int count);

  String deleteMessagesButton(boolean on);

  String lifetimeButton(Duration lifetime);

  String promptTextButton();

  String verifyLabelButton();

  String joinLabelButton();

  String languageButton(String language);

  String topicButton(Optional<Long> topic);

  String auditButton();

  String backButton();

  // ---- channels ---------------------------------------------------------------------------------

  String channelsScreen(ProtectedGroup group);

  String removeChannelButton(EnforcedChannel channel);

  String addChannelButton();

  String askChannel(ProtectedGroup group);

  String notAChannelName(String typed);

  String alreadyRequired(String channel);

  String channelNotAdded(List<String> checks);

  String channelAdded(String channel);

  String channelRemovedToast(String channel);

  String lastChannelAlert();

  String tooManyChannelsAlert(int max);

  // ---- prompt lifetime and language -------------------------------------------------------------

  String lifetimesScreen(ProtectedGroup group);

  String lifetimeChoice(Duration lifetime, boolean current);

  String languagesScreen(ProtectedGroup group, String current);

  String languageChoice(String language, boolean current);

  // ---- texts of the prompt, with a preview ------------------------------------------------------

  String askPromptText(ProtectedGroup group, int max);

  String askVerifyLabel(ProtectedGroup group, int max);

  String askJoinLabel(ProtectedGroup group, int max);

  String askTopic(ProtectedGroup group, Optional<Long> current);

  String textRefused(int max);

  String notATopic(String typed);

  /** Under the preview of the prompt: save it? */
  String previewQuestion();

  String saveButton();

  String typeAgainButton();

  String cancelButton();

  String previewOnlyToast();

  String previewExpiredAlert();

  // ---- answers to presses -----------------------------------------------------------------------

  String savedToast();

  String cancelledToast();

  String saved(ProtectedGroup group);

  /** The group is no longer protected (or unknown): the menu is stale. */
  String staleScreen(Optional<String> title);

  String staleAlert();

  String notAdminAlert(String title);

  String notAdmin(String title);

  String cannotCheckAlert();

  String unknownButtonAlert();

  // ---- the audit log ----------------------------------------------------------------------------

  String auditScreen(ProtectedGroup group, AuditPage page);

  String auditEntry(AuditEntry entry);

  String auditAction(AuditEntry.Action action);

  String auditPickGroup(List<ProtectedGroup> groups);

  String newerButton();

  String olderButton();

  // ---- enforcement policy and trust list ------------------------------------------------------

  /** The group screen's button to what happens to non-subscribers, with the current action. */
  String actionButton(EnforcementRules.Action action);

  /** The group screen's button to the failure policy, with the current one. */
  String onFailureButton(EnforcementRules.CheckFailure policy);

  String trustedButton();

  /** The actions explained, the current one (and its removal time) named. */
  String enforcementScreen(ProtectedGroup group);

  /** A choice of action, the current one marked. */
  String actionChoice(EnforcementRules.Action action, boolean current);

  /** A choice of removal time ("mute, then remove"), the current one marked. */
  String removeAfterChoice(Duration after, boolean current);

  /** The failure policies explained, the current one (and its hold limit) named. */
  String onFailureScreen(ProtectedGroup group);

  String onFailureChoice(EnforcementRules.CheckFailure policy, boolean current);

  /** A choice of longest hold, the current one marked. */
  String holdLimitChoice(Duration limit, boolean current);

  /**
   * The trust list: {@code listed} members shown of {@code total}, how to add one, and that a press
   * checks a member again.
   */
  String trustedScreen(ProtectedGroup group, List<TrustedMember> listed, int total);

  /** The button that takes a member off the trust list. */
  String untrustButton(TrustedMember member);

  String untrustedToast(String who);
}
