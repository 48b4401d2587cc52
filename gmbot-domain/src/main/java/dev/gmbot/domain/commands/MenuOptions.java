package dev.gmbot.domain.commands;

import dev.gmbot.port.model.Language;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The choices the settings menu offers and its limits, listed in one place. */
final class MenuOptions {
  /** The prompt lifetimes offered as buttons (any other is still set with {@code /settings}). */
  static final List<Duration> LIFETIMES =
      List.of(
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(10),
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(24));

  /** The times after which "mute, then remove" removes a member, offered as buttons. */
  static final List<Duration> REMOVE_AFTERS =
      List.of(
          Duration.ofHours(1),
          Duration.ofHours(6),
          Duration.ofHours(24),
          Duration.ofDays(3),
          Duration.ofDays(7));

  /** The longest holds without a check offered as buttons (the "hold" failure policy). */
  static final List<Duration> HOLD_LIMITS =
      List.of(
          Duration.ofMinutes(5),
          Duration.ofMinutes(10),
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(6));

  /** The most trusted members the menu lists (the others are still untrusted with /untrust). */
  static final int TRUSTED_LISTED = 20;

  /** The group languages offered, by tag, in the order shown: every {@link Language}. */
  static final List<String> LANGUAGES =
      Arrays.stream(Language.values()).map(Language::tag).toList();

  /** Entries of the audit log per page. */
  static final int AUDIT_PAGE_SIZE = 8;

  /** How long the menu waits for a text the person was asked to type. */
  static final Duration CONVERSATION_TIME = Duration.ofMinutes(15);

  /** The most groups the list shows (each is checked with Telegram when listed). */
  static final int MAX_GROUPS_LISTED = 20;

  private MenuOptions() {}
}
