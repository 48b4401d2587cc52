package dev.gmbot.domain.i18n;

import static dev.gmbot.domain.i18n.PluralCategory.FEW;
import static dev.gmbot.domain.i18n.PluralCategory.MANY;
import static dev.gmbot.domain.i18n.PluralCategory.ONE;
import static dev.gmbot.domain.i18n.PluralCategory.OTHER;
import static dev.gmbot.domain.i18n.PluralCategory.TWO;
import static dev.gmbot.domain.i18n.PluralCategory.ZERO;

import dev.gmbot.port.model.Language;
import java.util.EnumSet;
import java.util.Set;

/**
 * The CLDR cardinal plural rules of GMBot's languages, for whole numbers (GMBot counts members,
 * channels and actions, never fractions). One small function per language, each the CLDR rule with
 * the fraction operands ({@code v}, {@code f}, {@code t}) at zero.
 */
public final class PluralRules {
  private PluralRules() {}

  /** The category of {@code n} in the language. */
  public static PluralCategory of(Language language, long n) {
    long i = Math.abs(n);
    return switch (language) {
      case ENGLISH, TURKISH, UZBEK -> oneIfOne(i);
      case RUSSIAN -> russian(i);
      case SPANISH -> spanish(i);
      case PORTUGUESE_BRAZIL -> portuguese(i);
      case INDONESIAN -> OTHER;
      case HINDI, PERSIAN -> oneIfZeroOrOne(i);
      case ARABIC -> arabic(i);
    };
  }

  /**
   * The categories a plural message in the language must spell out: every one whole numbers reach,
   * and {@code other} (the fallback every message has).
   */
  public static Set<PluralCategory> categories(Language language) {
    Set<PluralCategory> used = EnumSet.of(OTHER);
    for (long n = 0; n <= 1_000; n++) {
      used.add(of(language, n));
    }
    used.add(of(language, 1_000_000));
    return used;
  }

  /** en, tr, uz: one: n = 1. */
  static PluralCategory oneIfOne(long n) {
    return n == 1 ? ONE : OTHER;
  }

  /** hi, fa: one: i = 0 or n = 1. */
  static PluralCategory oneIfZeroOrOne(long n) {
    return n <= 1 ? ONE : OTHER;
  }

  /**
   * ru: one: i % 10 = 1 and i % 100 != 11; few: i % 10 = 2..4 and i % 100 != 12..14; many: the
   * other whole numbers ({@code other} is for fractions).
   */
  static PluralCategory russian(long n) {
    long mod10 = n % 10;
    long mod100 = n % 100;
    if (mod10 == 1 && mod100 != 11) {
      return ONE;
    }
    if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) {
      return FEW;
    }
    return MANY;
  }

  /** es: one: n = 1; many: i != 0 and i % 1000000 = 0 ("1 millón de"); other. */
  static PluralCategory spanish(long n) {
    if (n == 1) {
      return ONE;
    }
    return n != 0 && n % 1_000_000 == 0 ? MANY : OTHER;
  }

  /** pt: one: i = 0..1; many: i != 0 and i % 1000000 = 0; other. */
  static PluralCategory portuguese(long n) {
    if (n <= 1) {
      return ONE;
    }
    return n % 1_000_000 == 0 ? MANY : OTHER;
  }

  /**
   * ar: zero: n = 0; one: n = 1; two: n = 2; few: n % 100 = 3..10; many: n % 100 = 11..99; other
   * (100, 101, 102, …).
   */
  static PluralCategory arabic(long n) {
    if (n == 0) {
      return ZERO;
    }
    if (n == 1) {
      return ONE;
    }
    if (n == 2) {
      return TWO;
    }
    long mod100 = n % 100;
    if (mod100 >= 3 && mod100 <= 10) {
      return FEW;
    }
    return mod100 >= 11 ? MANY : OTHER;
  }
}
