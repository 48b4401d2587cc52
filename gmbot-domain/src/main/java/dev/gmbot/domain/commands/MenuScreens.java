package dev.gmbot.domain.commands;

import dev.gmbot.domain.commands.MenuCallback.Action;
import dev.gmbot.port.model.AuditPage;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.EnforcementRules;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.TrustedMember;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The screens of the settings menu and the audit log: a text from {@link MenuTexts} and the inline
 * keyboard whose buttons carry {@link MenuCallback} data. A screen is a value; whether it replaces
 * the last one (a press) or is sent anew (a command, a typed answer) is the caller's choice.
 */
final class MenuScreens {
  private final MenuTexts texts;

  MenuScreens(MenuTexts texts) {
    this.texts = Objects.requireNonNull(texts, "texts");
  }

  /** The texts of these screens (their language). */
  MenuTexts texts() {
    return texts;
  }

  /** The groups the person administers, one button each. */
  OutgoingMessage groups(List<ProtectedGroup> groups) {
    if (groups.isEmpty()) {
      return OutgoingMessage.text(texts.noGroups());
    }
    List<List<Button>> rows = new ArrayList<>();
    for (ProtectedGroup g : groups) {
      rows.add(List.of(button(texts.groupButton(g), MenuCallback.of(Action.GROUP, g.id()))));
    }
    return screen(texts.groupsScreen(groups), rows);
  }

  /** One group: its settings, and a button for each. */
  OutgoingMessage group(ProtectedGroup g) {
    return group(g, texts.groupScreen(g));
  }

  /** The group's screen after a change was saved. */
  OutgoingMessage saved(ProtectedGroup g) {
    return group(g, texts.saved(g));
  }

  private OutgoingMessage group(ProtectedGroup g, String head) {
    GroupId id = g.id();
    StringBuilder text = new StringBuilder(head);
    List<List<Button>> rows = new ArrayList<>();
    rows.add(
        List.of(
            button(
                texts.channelsButton(g.channels().size()), MenuCallback.of(Action.CHANNELS, id))));
    boolean delete = g.settings().deleteMessages();
    rows.add(
        List.of(
            button(
                texts.deleteMessagesButton(delete),
                MenuCallback.of(Action.DELETE_MESSAGES, id, delete ? "0" : "1"))));
    rows.add(
        List.of(
            button(
                texts.lifetimeButton(g.settings().promptLifetime()),
                MenuCallback.of(Action.LIFETIMES, id))));
    rows.add(List.of(button(texts.promptTextButton(), edit(id, MenuSubject.PROMPT_TEXT))));
    rows.add(
        List.of(
            button(texts.verifyLabelButton(), edit(id, MenuSubject.VERIFY_TEXT)),
            button(texts.joinLabelButton(), edit(id, MenuSubject.JOIN_TEXT))));
    String language = g.settings().language().tag();
    Optional<Long> topic = g.settings().promptTopic();
    text.append('\n').append(texts.languageLine(language));
    text.append('\n').append(texts.topicLine(topic));
    rows.add(
        List.of(
            button(texts.languageButton(language), MenuCallback.of(Action.LANGUAGES, id)),
            button(texts.topicButton(topic), edit(id, MenuSubject.TOPIC))));
    EnforcementRules rules = g.settings().enforcement();
    rows.add(
        List.of(
            button(texts.actionButton(rules.action()), MenuCallback.of(Action.ENFORCEMENT, id))));
    rows.add(
        List.of(
            button(
                texts.onFailureButton(rules.onCheckFailure()),
                MenuCallback.of(Action.ON_FAILURE, id))));
    rows.add(List.of(button(texts.trustedButton(), MenuCallback.of(Action.TRUSTED, id))));
    rows.add(List.of(button(texts.auditButton(), MenuCallback.of(Action.AUDIT, id, "0"))));
    rows.add(List.of(button(texts.allGroupsButton(), MenuCallback.home())));
    return screen(text.toString(), rows);
  }

  /** The actions on non-subscribers, and with "mute, then remove" the removal times. */
  OutgoingMessage enforcement(ProtectedGroup g) {
    EnforcementRules rules = g.settings().enforcement();
    List<List<Button>> rows = new ArrayList<>();
    for (EnforcementRules.Action a : EnforcementRules.Action.values()) {
      rows.add(
          List.of(
              button(
                  texts.actionChoice(a, a == rules.action()),
                  MenuCallback.of(Action.SET_ACTION, g.id(), a.key()))));
    }
    if (rules.action() == EnforcementRules.Action.MUTE_THEN_REMOVE) {
      rows.addAll(
          durations(
              g.id(),
              MenuOptions.REMOVE_AFTERS,
              rules.removeAfter(),
              Action.SET_REMOVE_AFTER,
              texts::removeAfterChoice));
    }
    rows.add(List.of(back(g.id())));
    return screen(texts.enforcementScreen(g), rows);
  }

  /** The failure policies, and with "hold" the longest holds. */
  OutgoingMessage onFailure(ProtectedGroup g) {
    EnforcementRules rules = g.settings().enforcement();
    List<List<Button>> rows = new ArrayList<>();
    List<Button> policies = new ArrayList<>();
    for (EnforcementRules.CheckFailure f : EnforcementRules.CheckFailure.values()) {
      policies.add(
          button(
              texts.onFailureChoice(f, f == rules.onCheckFailure()),
              MenuCallback.of(Action.SET_ON_FAILURE, g.id(), f.key())));
    }
    rows.add(policies);
    if (rules.onCheckFailure() == EnforcementRules.CheckFailure.HOLD) {
      rows.addAll(
          durations(
              g.id(),
              MenuOptions.HOLD_LIMITS,
              rules.holdLimit(),
              Action.SET_HOLD_LIMIT,
              texts::holdLimitChoice));
    }
    rows.add(List.of(back(g.id())));
    return screen(texts.onFailureScreen(g), rows);
  }

  /** The trust list (its first members, {@code total} in all), a button each to check again. */
  OutgoingMessage trusted(ProtectedGroup g, List<TrustedMember> listed, int total) {
    List<List<Button>> rows = new ArrayList<>();
    List<Button> names = new ArrayList<>();
    for (TrustedMember m : listed) {
      names.add(
          button(
              texts.untrustButton(m),
              MenuCallback.of(Action.UNTRUST, g.id(), MenuCallback.number(m.user().value()))));
    }
    rows.addAll(rowsOf(names, 2));
    rows.add(List.of(back(g.id())));
    return screen(texts.trustedScreen(g, listed, total), rows);
  }

  private List<List<Button>> durations(
      GroupId group,
      List<Duration> offered,
      Duration current,
      Action action,
      BiFunction<Duration, Boolean, String> label) {
    List<Button> choices = new ArrayList<>();
    for (Duration d : offered) {
      choices.add(
          button(
              label.apply(d, d.equals(current)),
              MenuCallback.of(action, group, MenuCallback.number(d.toSeconds()))));
    }
    return rowsOf(choices, 3);
  }

  /** The channels, each with a button that stops requiring it; a notice may head the screen. */
  OutgoingMessage channels(ProtectedGroup g, Optional<String> notice) {
    List<List<Button>> rows = new ArrayList<>();
    for (EnforcedChannel c : g.channels()) {
      rows.add(
          List.of(
              button(
                  texts.removeChannelButton(c),
                  MenuCallback.of(
                      Action.REMOVE_CHANNEL, g.id(), MenuCallback.number(c.id().value())))));
    }
    rows.add(
        List.of(button(texts.addChannelButton(), MenuCallback.of(Action.ADD_CHANNEL, g.id()))));
    rows.add(List.of(back(g.id())));
    String text = notice.map(n -> n + "\n\n").orElse("") + texts.channelsScreen(g);
    return screen(text, rows);
  }

  /** The lifetimes offered, the current one marked. */
  OutgoingMessage lifetimes(ProtectedGroup g) {
    List<Button> choices = new ArrayList<>();
    for (Duration d : MenuOptions.LIFETIMES) {
      choices.add(
          button(
              texts.lifetimeChoice(d, d.equals(g.settings().promptLifetime())),
              MenuCallback.of(Action.SET_LIFETIME, g.id(), MenuCallback.number(d.toSeconds()))));
    }
    List<List<Button>> rows = new ArrayList<>(rowsOf(choices, 3));
    rows.add(List.of(back(g.id())));
    return screen(texts.lifetimesScreen(g), rows);
  }

  /** The languages offered, the current one marked. */
  OutgoingMessage languages(ProtectedGroup g) {
    String current = g.settings().language().tag();
    List<Button> choices = new ArrayList<>();
    for (String code : MenuOptions.LANGUAGES) {
      choices.add(
          button(
              texts.languageChoice(code, code.equals(current)),
              MenuCallback.of(Action.SET_LANGUAGE, g.id(), code)));
    }
    List<List<Button>> rows = new ArrayList<>(rowsOf(choices, 2));
    rows.add(List.of(back(g.id())));
    return screen(texts.languagesScreen(g, current), rows);
  }

  /** The question for a text to type, with a button that cancels. */
  OutgoingMessage ask(ProtectedGroup g, MenuSubject subject) {
    String question =
        switch (subject) {
          case PROMPT_TEXT -> texts.askPromptText(g, Setting.MAX_PROMPT_TEXT);
          case VERIFY_TEXT -> texts.askVerifyLabel(g, Setting.MAX_LABEL);
          case JOIN_TEXT -> texts.askJoinLabel(g, Setting.MAX_LABEL);
          case CHANNEL -> texts.askChannel(g);
          case TOPIC -> texts.askTopic(g, g.settings().promptTopic());
        };
    return askAgain(g, question);
  }

  /** A problem with what was typed; the menu still waits. */
  OutgoingMessage askAgain(ProtectedGroup g, String problem) {
    return screen(problem, List.of(List.of(cancel(g.id()))));
  }

  /** Under the preview: save, type again, or cancel. */
  OutgoingMessage confirm(ProtectedGroup g, MenuSubject subject) {
    return screen(
        texts.previewQuestion(),
        List.of(
            List.of(
                button(texts.saveButton(), MenuCallback.of(Action.SAVE, g.id())),
                button(texts.typeAgainButton(), edit(g.id(), subject))),
            List.of(cancel(g.id()))));
  }

  /** One page of the group's audit log, with buttons to the newer and older pages. */
  OutgoingMessage audit(ProtectedGroup g, AuditPage page) {
    List<List<Button>> rows = new ArrayList<>();
    List<Button> paging = new ArrayList<>();
    if (page.hasNewer()) {
      paging.add(
          button(
              texts.newerButton(),
              MenuCallback.of(Action.AUDIT, g.id(), MenuCallback.number(page.page() - 1))));
    }
    if (page.hasOlder()) {
      paging.add(
          button(
              texts.olderButton(),
              MenuCallback.of(Action.AUDIT, g.id(), MenuCallback.number(page.page() + 1))));
    }
    if (!paging.isEmpty()) {
      rows.add(paging);
    }
    rows.add(List.of(back(g.id())));
    return screen(texts.auditScreen(g, page), rows);
  }

  /** The groups whose audit log the person may read, one button each. */
  OutgoingMessage auditGroups(List<ProtectedGroup> groups) {
    if (groups.isEmpty()) {
      return OutgoingMessage.text(texts.noGroups());
    }
    List<List<Button>> rows = new ArrayList<>();
    for (ProtectedGroup g : groups) {
      rows.add(List.of(button(texts.groupButton(g), MenuCallback.of(Action.AUDIT, g.id(), "0"))));
    }
    return screen(texts.auditPickGroup(groups), rows);
  }

  /** The group is no longer protected: the menu of it is closed. */
  OutgoingMessage stale(Optional<String> title) {
    return screen(texts.staleScreen(title), List.of(List.of(allGroups())));
  }

  /** The person no longer administers the group. */
  OutgoingMessage notAdmin(String title) {
    return screen(texts.notAdmin(title), List.of(List.of(allGroups())));
  }

  /** A plain line (e.g. "try again"), with the way back to the list of groups. */
  OutgoingMessage notice(String text) {
    return screen(text, List.of(List.of(allGroups())));
  }

  /** The group as it is once the settings are saved (to show it right away). */
  static ProtectedGroup withSettings(ProtectedGroup g, GroupSettings settings) {
    return new ProtectedGroup(
        g.id(),
        g.title(),
        g.owner(),
        g.enabled(),
        g.pause(),
        settings,
        g.channels(),
        g.updatedAt());
  }

  /** The group as it is once it requires these channels. */
  static ProtectedGroup withChannels(ProtectedGroup g, List<EnforcedChannel> channels) {
    return new ProtectedGroup(
        g.id(),
        g.title(),
        g.owner(),
        g.enabled(),
        g.pause(),
        g.settings(),
        channels,
        g.updatedAt());
  }

  private Button back(GroupId group) {
    return button(texts.backButton(), MenuCallback.of(Action.GROUP, group));
  }

  private Button cancel(GroupId group) {
    return button(texts.cancelButton(), MenuCallback.of(Action.CANCEL, group));
  }

  private Button allGroups() {
    return button(texts.allGroupsButton(), MenuCallback.home());
  }

  private static MenuCallback edit(GroupId group, MenuSubject subject) {
    return MenuCallback.of(Action.EDIT, group, subject.code());
  }

  private static Button button(String text, MenuCallback data) {
    return new Button.Callback(text, data.encode());
  }

  private static List<List<Button>> rowsOf(List<Button> buttons, int perRow) {
    List<List<Button>> rows = new ArrayList<>();
    for (int i = 0; i < buttons.size(); i += perRow) {
      rows.add(buttons.subList(i, Math.min(buttons.size(), i + perRow)));
    }
    return rows;
  }

  private static OutgoingMessage screen(String text, List<List<Button>> rows) {
    return OutgoingMessage.text(text).withKeyboard(rows);
  }
}
