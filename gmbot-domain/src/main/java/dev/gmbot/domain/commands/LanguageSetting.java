package dev.gmbot.domain.commands;

import dev.gmbot.port.model.GroupSettings;

/**
 * The group's language as the settings menu reads and changes it: the hook between the menu's
 * language screen (over {@link MenuOptions#LANGUAGES}) and wherever {@link GroupSettings} keeps the
 * language. While no implementation is installed, the menu shows no language entry.
 */
interface LanguageSetting {
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

  /**
   * The implementation the menu uses. INTEGRATION HOOK: once {@link GroupSettings} has its {@code
   * language} field, return an implementation over it here.
   */
  static LanguageSetting installed() {
    return NONE;
  }

  boolean supported();

  /** The group's language code. */
  String current(GroupSettings settings);

  /** The settings with another language (one of {@link MenuOptions#LANGUAGES}). */
  GroupSettings with(GroupSettings settings, String language);
}
