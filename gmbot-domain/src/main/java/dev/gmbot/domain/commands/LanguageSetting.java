package dev.gmbot.domain.commands;

import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Language;

/**
 * The group's language as the settings menu reads and changes it, by tag ({@code ru}, {@code
 * pt-br}): the hook between the menu's language screen (over {@link MenuOptions#LANGUAGES}) and
 * {@link GroupSettings#language()}. With {@link #NONE} the menu shows no language entry.
 */
interface LanguageSetting {
  /** The group's {@link GroupSettings#language()}. */
  LanguageSetting GROUP_SETTINGS =
      new LanguageSetting() {
        @Override
        public boolean supported() {
          return true;
        }

        @Override
        public String current(GroupSettings settings) {
          return settings.language().tag();
        }

        @Override
        public GroupSettings with(GroupSettings settings, String language) {
          return settings.withLanguage(
              Language.ofTag(language)
                  .orElseThrow(() -> new IllegalArgumentException("no language " + language)));
        }
      };

  /** No language setting: the menu hides its entry. */
  LanguageSetting NONE =
      new LanguageSetting() {
        @Override
        public boolean supported() {
          return false;
        }

        @Override
        public String current(GroupSettings settings) {
          throw new UnsupportedOperationException("no language setting installed");
        }

        @Override
        public GroupSettings with(GroupSettings settings, String language) {
          throw new UnsupportedOperationException("no language setting installed");
        }
      };

  /** The implementation the menu uses. */
  static LanguageSetting installed() {
    return GROUP_SETTINGS;
  }

  boolean supported();

  /** The group's language code. */
  String current(GroupSettings settings);

  /** The settings with another language (one of {@link MenuOptions#LANGUAGES}). */
  GroupSettings with(GroupSettings settings, String language);
}
