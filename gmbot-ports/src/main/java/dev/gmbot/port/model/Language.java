package dev.gmbot.port.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A language GMBot speaks. A group has one (its {@link GroupSettings#language()}); a reader's own
 * language comes from the {@code language_code} Telegram gives with their user ({@link
 * UserRef#languageCode()}) and is matched with {@link #forUserCode}.
 */
public enum Language {
  ENGLISH("en", "English", false),
  RUSSIAN("ru", "Русский", false),
  SPANISH("es", "Español", false),
  PORTUGUESE_BRAZIL("pt-br", "Português (Brasil)", false),
  INDONESIAN("id", "Bahasa Indonesia", false),
  HINDI("hi", "हिन्दी", false),
  PERSIAN("fa", "فارسی", true),
  ARABIC("ar", "العربية", true),
  TURKISH("tr", "Türkçe", false),
  UZBEK("uz", "Oʻzbekcha", false);

  /** The language of a group nobody chose one for. */
  public static final Language DEFAULT = ENGLISH;

  private final String tag;
  private final String nativeName;
  private final boolean rightToLeft;

  Language(String tag, String nativeName, boolean rightToLeft) {
    this.tag = tag;
    this.nativeName = nativeName;
    this.rightToLeft = rightToLeft;
  }

  /**
   * The IETF tag in lower case, as {@code /settings language} takes it: {@code ru}, {@code pt-br}.
   */
  public String tag() {
    return tag;
  }

  /** The language's name in itself: {@code Русский}. */
  public String nativeName() {
    return nativeName;
  }

  /** Written right to left (Arabic, Persian). */
  public boolean rightToLeft() {
    return rightToLeft;
  }

  /** The two-letter ISO 639-1 code, as setMyCommands takes it: {@code pt} for {@code pt-br}. */
  public String isoCode() {
    int dash = tag.indexOf('-');
    return dash < 0 ? tag : tag.substring(0, dash);
  }

  /**
   * The language with this tag, written in any case, with {@code -} or {@code _}: {@code pt-BR},
   * {@code pt_br}; a bare language code names its only variant ({@code pt}). Empty for a language
   * GMBot does not speak.
   */
  public static Optional<Language> ofTag(String text) {
    String wanted = normalise(text);
    return Arrays.stream(values())
        .filter(l -> l.tag.equals(wanted) || l.isoCode().equals(wanted))
        .findFirst();
  }

  /**
   * The language to speak to a user whose Telegram {@code language_code} is this (an IETF tag such
   * as {@code ru}, {@code pt-br} or {@code es-419}): the same tag, else the same language in
   * another variant ({@code pt-pt} reads Brazilian Portuguese). Empty when GMBot does not speak it.
   */
  public static Optional<Language> forUserCode(String languageCode) {
    String code = normalise(languageCode);
    if (code.isEmpty()) {
      return Optional.empty();
    }
    int dash = code.indexOf('-');
    String primary = dash < 0 ? code : code.substring(0, dash);
    String iso = primary.equals("in") ? "id" : primary; // the old code for Indonesian
    return Arrays.stream(values())
        .filter(l -> l.tag.equals(code))
        .findFirst()
        .or(() -> Arrays.stream(values()).filter(l -> l.isoCode().equals(iso)).findFirst());
  }

  private static String normalise(String text) {
    return text == null ? "" : text.strip().replace('_', '-').toLowerCase(Locale.ROOT);
  }
}
