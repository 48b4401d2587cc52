package dev.gmbot.domain.i18n;

import static dev.gmbot.domain.i18n.PluralCategory.FEW;
import static dev.gmbot.domain.i18n.PluralCategory.MANY;
import static dev.gmbot.domain.i18n.PluralCategory.ONE;
import static dev.gmbot.domain.i18n.PluralCategory.OTHER;
import static dev.gmbot.domain.i18n.PluralCategory.TWO;
import static dev.gmbot.domain.i18n.PluralCategory.ZERO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.model.Language;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plural rules against the integer samples CLDR lists for each category. */
class PluralRulesTest {
  private static void assertSamples(Language language, Map<PluralCategory, List<Long>> samples) {
    samples.forEach(
        (category, numbers) ->
            numbers.forEach(
                n ->
                    assertThat(PluralRules.of(language, n))
                        .as("%s of %d", language, n)
                        .isEqualTo(category)));
  }

  @Test
  void englishTurkishAndUzbekHaveOneAndOther() {
    for (Language language : List.of(Language.ENGLISH, Language.TURKISH, Language.UZBEK)) {
      assertSamples(
          language,
          Map.of(ONE, List.of(1L), OTHER, List.of(0L, 2L, 3L, 11L, 21L, 100L, 1000L, 1000000L)));
    }
  }

  @Test
  void russianHasOneFewAndManyForWholeNumbers() {
    assertSamples(
        Language.RUSSIAN,
        Map.of(
            ONE, List.of(1L, 21L, 31L, 41L, 101L, 1001L),
            FEW, List.of(2L, 3L, 4L, 22L, 23L, 24L, 32L, 102L, 1002L),
            MANY, List.of(0L, 5L, 6L, 10L, 11L, 12L, 13L, 14L, 19L, 20L, 25L, 100L, 111L, 112L)));
    assertThat(PluralRules.of(Language.RUSSIAN, 190)).isEqualTo(MANY);
  }

  @Test
  void spanishHasManyForMillions() {
    assertSamples(
        Language.SPANISH,
        Map.of(
            ONE, List.of(1L),
            MANY, List.of(1000000L, 2000000L),
            OTHER, List.of(0L, 2L, 16L, 100L, 1000L, 10000L, 100000L, 1000001L)));
  }

  @Test
  void portugueseCountsZeroAsOne() {
    assertSamples(
        Language.PORTUGUESE_BRAZIL,
        Map.of(
            ONE, List.of(0L, 1L),
            MANY, List.of(1000000L, 3000000L),
            OTHER, List.of(2L, 17L, 100L, 1000L, 10000L, 1000001L)));
  }

  @Test
  void hindiAndPersianCountZeroAsOne() {
    for (Language language : List.of(Language.HINDI, Language.PERSIAN)) {
      assertSamples(
          language, Map.of(ONE, List.of(0L, 1L), OTHER, List.of(2L, 3L, 10L, 100L, 1000L)));
    }
  }

  @Test
  void indonesianHasOnlyOther() {
    assertSamples(Language.INDONESIAN, Map.of(OTHER, List.of(0L, 1L, 2L, 15L, 100L, 1000000L)));
    assertThat(PluralRules.categories(Language.INDONESIAN)).containsExactly(OTHER);
  }

  @Test
  void arabicHasAllSixCategories() {
    assertSamples(
        Language.ARABIC,
        Map.of(
            ZERO, List.of(0L),
            ONE, List.of(1L),
            TWO, List.of(2L),
            FEW, List.of(3L, 4L, 10L, 103L, 110L, 1003L),
            MANY, List.of(11L, 26L, 99L, 111L, 190L, 1011L),
            OTHER, List.of(100L, 101L, 102L, 200L, 1000L, 10000L, 100000L)));
    assertThat(PluralRules.categories(Language.ARABIC))
        .isEqualTo(EnumSet.allOf(PluralCategory.class));
  }

  @Test
  void negativeCountsFollowTheirMagnitude() {
    assertThat(PluralRules.of(Language.RUSSIAN, -21)).isEqualTo(ONE);
    assertThat(PluralRules.of(Language.ARABIC, -2)).isEqualTo(TWO);
  }

  @Test
  void theCategoriesAMessageMustSpellOutAreThoseWholeNumbersReach() {
    assertThat(PluralRules.categories(Language.ENGLISH)).containsExactlyInAnyOrder(ONE, OTHER);
    assertThat(PluralRules.categories(Language.RUSSIAN))
        .containsExactlyInAnyOrder(ONE, FEW, MANY, OTHER);
    assertThat(PluralRules.categories(Language.SPANISH))
        .containsExactlyInAnyOrder(ONE, MANY, OTHER);
  }
}
