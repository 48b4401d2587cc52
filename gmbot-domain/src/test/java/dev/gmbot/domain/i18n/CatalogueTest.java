package dev.gmbot.domain.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.domain.i18n.Catalogue.Phrase;
import dev.gmbot.port.model.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a catalogue writes its values: plurals, lists, isolates, and English as the fallback. */
class CatalogueTest {
  @Test
  void englishValuesGoInAsTheyAre() {
    Catalogue english = Catalogue.of("protection", Language.ENGLISH);

    assertThat(english.text("prompt.others", "names", List.of("Alice", "Bob"), "count", 190))
        .isEqualTo("Alice, Bob and 190 others");
    assertThat(english.text("prompt.new_members", "count", 1)).isEqualTo("1 new member");
  }

  @Test
  void russianCountsFollowItsPluralRules() {
    Catalogue russian = Catalogue.of("protection", Language.RUSSIAN);

    assertThat(russian.text("prompt.others", "names", List.of("Аня"), "count", 190))
        .isEqualTo("Аня и ещё 190 участников");
    assertThat(russian.text("prompt.others", "names", List.of("Аня"), "count", 22))
        .isEqualTo("Аня и ещё 22 участника");
    assertThat(russian.text("prompt.new_members", "count", 1)).isEqualTo("1 новый участник");
  }

  @Test
  void rightToLeftValuesAreIsolatedAndListsUseTheArabicComma() {
    Catalogue arabic = Catalogue.of("protection", Language.ARABIC);

    String text = arabic.text("alert.not_yet", "channels", List.of("@news", "@extra"));

    assertThat(text)
        .contains(Bidi.FSI + "@news" + Bidi.PDI + "، " + Bidi.FSI + "@extra" + Bidi.PDI);
    assertThat(arabic.value("190")).isEqualTo("\u2068190\u2069");
    assertThat(Catalogue.of("protection", Language.PERSIAN).list(List.of("a", "b")))
        .isEqualTo("\u2068a\u2069، \u2068b\u2069");
  }

  @Test
  void aPhraseIsNotIsolatedAgain() {
    Catalogue arabic = Catalogue.of("protection", Language.ARABIC);
    String group = arabic.text("group.named", "title", "Fans");

    String welcome = arabic.text("alert.welcome", "group", new Phrase(group));

    assertThat(welcome).contains(group).doesNotContain(Bidi.FSI + group);
  }

  @Test
  void aKeyALanguageLacksIsReadInEnglish() {
    Catalogue russian = Catalogue.of("fallback", Language.RUSSIAN);

    assertThat(russian.keys()).containsExactly("translated");
    assertThat(russian.text("translated")).isEqualTo("переведено");
    assertThat(russian.text("english.only", "n", 2)).isEqualTo("only in English: 2");
  }

  @Test
  void aMissingBundleOrKeyIsAnError() {
    assertThatThrownBy(() -> Catalogue.of("nonexistent", Language.ENGLISH))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nonexistent_en.properties");
    assertThatThrownBy(() -> Catalogue.of("commands", Language.ENGLISH).text("no.such.key"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Catalogue.of("commands", Language.ENGLISH).text("stats", "actions"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bundlesAreReadFromOneFilePerLanguage() {
    assertThat(Catalogue.resource("commands", Language.PORTUGUESE_BRAZIL))
        .isEqualTo("/dev/gmbot/domain/i18n/commands_pt_BR.properties");
    assertThat(Catalogue.resource("protection", Language.UZBEK))
        .isEqualTo("/dev/gmbot/domain/i18n/protection_uz.properties");
    assertThat(Catalogue.of("commands", Language.TURKISH))
        .isSameAs(Catalogue.of("commands", Language.TURKISH));
  }
}
