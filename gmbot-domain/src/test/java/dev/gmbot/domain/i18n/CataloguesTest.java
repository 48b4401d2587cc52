package dev.gmbot.domain.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.model.Language;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalogue in every language against English: the same keys, the same placeholders, the
 * plural categories of its language, real translations in the language's script, and in a
 * right-to-left language no left-to-right text outside an isolate.
 */
class CataloguesTest {
  /** Messages that may read exactly as in English (only punctuation around values). */
  private static final Set<String> MAY_EQUAL_ENGLISH =
      Set.of("pause.with_detail", "status.owned.group", "group.named", "screen.topic.general");

  private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
  private static final Pattern ARABIC = Pattern.compile("\\p{IsArabic}");
  private static final Pattern DEVANAGARI = Pattern.compile("\\p{IsDevanagari}");
  private static final Pattern LATIN_LETTER = Pattern.compile("[A-Za-z]");

  static Stream<Arguments> translations() {
    return Catalogue.BUNDLES.stream()
        .flatMap(
            bundle ->
                Stream.of(Language.values())
                    .filter(l -> l != Language.ENGLISH)
                    .map(l -> Arguments.of(bundle, l)));
  }

  static Stream<Arguments> everyCatalogue() {
    return Catalogue.BUNDLES.stream()
        .flatMap(bundle -> Stream.of(Language.values()).map(l -> Arguments.of(bundle, l)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("translations")
  void hasEveryKeyOfEnglishAndNoOther(String bundle, Language language) {
    Set<String> english = Catalogue.of(bundle, Language.ENGLISH).keys();
    Set<String> translated = Catalogue.of(bundle, language).keys();

    assertThat(new TreeSet<>(difference(english, translated))).as("missing keys").isEmpty();
    assertThat(new TreeSet<>(difference(translated, english))).as("keys English lacks").isEmpty();
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("translations")
  void everyMessageHasThePlaceholdersOfEnglish(String bundle, Language language) {
    Catalogue english = Catalogue.of(bundle, Language.ENGLISH);
    Catalogue translated = Catalogue.of(bundle, language);
    List<String> wrong = new ArrayList<>();
    for (String key : english.keys()) {
      Set<String> expected = english.template(key).placeholders();
      Set<String> actual = translated.template(key).placeholders();
      if (!actual.equals(expected)) {
        wrong.add(key + ": " + actual + " instead of " + expected);
      }
      if (!translated
          .template(key)
          .plurals()
          .keySet()
          .equals(english.template(key).plurals().keySet())) {
        wrong.add(key + ": plurals " + translated.template(key).plurals().keySet());
      }
    }
    assertThat(wrong).isEmpty();
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyCatalogue")
  void everyPluralSpellsOutTheCategoriesOfItsLanguage(String bundle, Language language) {
    Catalogue catalogue = Catalogue.of(bundle, language);
    Set<String> needed =
        PluralRules.categories(language).stream()
            .map(PluralCategory::keyword)
            .collect(Collectors.toSet());
    List<String> wrong = new ArrayList<>();
    for (String key : catalogue.keys()) {
      catalogue
          .template(key)
          .plurals()
          .forEach(
              (name, selectors) -> {
                Set<String> categories =
                    selectors.stream().filter(s -> !s.startsWith("=")).collect(Collectors.toSet());
                if (!categories.equals(needed)) {
                  wrong.add(key + " {" + name + "}: " + categories + " instead of " + needed);
                }
              });
    }
    assertThat(wrong).isEmpty();
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("translations")
  void everyMessageIsTranslated(String bundle, Language language) {
    Catalogue english = Catalogue.of(bundle, Language.ENGLISH);
    Catalogue translated = Catalogue.of(bundle, language);
    Pattern script =
        switch (language) {
          case RUSSIAN -> CYRILLIC;
          case ARABIC, PERSIAN -> ARABIC;
          case HINDI -> DEVANAGARI;
          default -> LATIN_LETTER;
        };
    List<String> untranslated = new ArrayList<>();
    for (String key : english.keys()) {
      if (MAY_EQUAL_ENGLISH.contains(key)) {
        continue;
      }
      String source = translated.template(key).source();
      boolean inScript =
          translated.template(key).literals().stream().anyMatch(l -> script.matcher(l).find());
      if (source.equals(english.template(key).source()) || !inScript) {
        untranslated.add(key);
      }
    }
    assertThat(untranslated).isEmpty();
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyCatalogue")
  void rightToLeftMessagesIsolateEveryLeftToRightRunAndIsolatesAreBalanced(
      String bundle, Language language) {
    Catalogue catalogue = Catalogue.of(bundle, language);
    List<String> wrong = new ArrayList<>();
    for (String key : catalogue.keys()) {
      for (String text : samples(catalogue, key)) {
        for (String line : text.split("\n", -1)) {
          String problem = isolationProblem(line, language.rightToLeft());
          if (problem != null) {
            wrong.add(key + ": " + problem + " in: " + line);
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyCatalogue")
  void buttonAnswersFitTelegramsLimit(String bundle, Language language) {
    Catalogue catalogue = Catalogue.of(bundle, language);
    for (String key : catalogue.keys()) {
      if (key.startsWith("alert.") || key.startsWith("screen.alert.")) {
        for (String text : samples(catalogue, key)) {
          assertThat(text.length()).as(key + ": " + text).isLessThanOrEqualTo(200);
        }
      }
      if (key.startsWith("menu.")) {
        assertThat(catalogue.text(key).length()).as(key).isBetween(1, 256);
      }
      if (key.startsWith("button.") || key.equals("join_request.button")) {
        assertThat(catalogue.text(key).length()).as(key).isBetween(1, 64);
      }
      if (key.startsWith("screen.button.")) {
        for (String text : samples(catalogue, key)) {
          assertThat(text.length()).as(key + ": " + text).isBetween(1, 64);
        }
      }
    }
  }

  /**
   * The message with short sample values, once per plural count that picks a different branch
   * somewhere (0, 1, 2, 3, 11, 100 and a million).
   */
  static List<String> samples(Catalogue catalogue, String key) {
    Template template = catalogue.template(key);
    Set<String> plurals = template.plurals().keySet();
    List<String> out = new ArrayList<>();
    for (long n : new long[] {0, 1, 2, 3, 11, 100, 1_000_000}) {
      Map<String, Object> values = new HashMap<>();
      for (String name : template.placeholders()) {
        values.put(name, plurals.contains(name) ? (Object) n : "Xy");
      }
      Object[] pairs =
          values.entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue())).toArray();
      out.add(catalogue.text(key, pairs));
    }
    return out;
  }

  /**
   * What is wrong with the isolates of one line: an isolate not closed on its line, a PDI that
   * closes nothing, or (right to left) a Latin letter outside every isolate; null when all is well.
   */
  static String isolationProblem(String line, boolean rightToLeft) {
    int depth = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == Bidi.LRI || c == Bidi.FSI || c == '\u2067') {
        depth++;
      } else if (c == Bidi.PDI) {
        if (depth == 0) {
          return "a PDI without an isolate at " + i;
        }
        depth--;
      } else if (rightToLeft && depth == 0 && c < 128 && Character.isLetter(c)) {
        return "Latin text outside an isolate at " + i;
      }
    }
    return depth == 0 ? null : "an isolate left open";
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    return a.stream().filter(k -> !b.contains(k)).collect(Collectors.toSet());
  }
}
