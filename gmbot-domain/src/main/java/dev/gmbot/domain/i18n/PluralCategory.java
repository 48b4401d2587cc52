package dev.gmbot.domain.i18n;

import java.util.Locale;

/** The CLDR plural categories; a language uses some of them for whole numbers. */
public enum PluralCategory {
  ZERO,
  ONE,
  TWO,
  FEW,
  MANY,
  OTHER;

  /** The keyword a plural message uses for it: {@code one}, {@code few}, … */
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }
}
