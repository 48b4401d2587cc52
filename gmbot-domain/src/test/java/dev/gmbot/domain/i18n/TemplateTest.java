package dev.gmbot.domain.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.model.Language;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateTest {
  private static Template.Style plain(Language language) {
    return new Template.Style() {
      @Override
      public PluralCategory category(long n) {
        return PluralRules.of(language, n);
      }

      @Override
      public String value(Object value) {
        return value.toString();
      }
    };
  }

  @Test
  void valuesAreReplacedAndTheRestIsLiteral() {
    Template t = Template.parse("I'm admin in {channel}: #1, “{channel}”");

    assertThat(t.format(Map.of("channel", "@news"), plain(Language.ENGLISH)))
        .isEqualTo("I'm admin in @news: #1, “@news”");
    assertThat(t.placeholders()).containsExactly("channel");
    assertThat(t.literals()).containsExactly("I'm admin in ", ": #1, “", "”");
  }

  @Test
  void aPluralPicksTheBranchOfItsLanguagesCategory() {
    Template t =
        Template.parse(
            "{names} и ещё {count, plural, one {# участник} few {# участника} many {# участников}"
                + " other {# участника}}");

    assertThat(t.format(Map.of("names", "Аня", "count", 190), plain(Language.RUSSIAN)))
        .isEqualTo("Аня и ещё 190 участников");
    assertThat(t.format(Map.of("names", "Аня", "count", 21), plain(Language.RUSSIAN)))
        .isEqualTo("Аня и ещё 21 участник");
    assertThat(t.format(Map.of("names", "Аня", "count", 3L), plain(Language.RUSSIAN)))
        .isEqualTo("Аня и ещё 3 участника");
    assertThat(t.placeholders()).containsExactly("names", "count");
    assertThat(t.plurals()).isEqualTo(Map.of("count", Set.of("one", "few", "many", "other")));
  }

  @Test
  void anExactBranchComesBeforeTheCategoryAndBranchesHoldValues() {
    Template t =
        Template.parse(
            "Done.{n, plural, =0 {} one { Lifting # in {group}.} other { Lifting # in {group}.}}");

    assertThat(t.format(Map.of("n", 0, "group", "G"), plain(Language.ENGLISH))).isEqualTo("Done.");
    assertThat(t.format(Map.of("n", 2, "group", "G"), plain(Language.ENGLISH)))
        .isEqualTo("Done. Lifting 2 in G.");
    assertThat(t.placeholders()).containsExactly("n", "group");
  }

  @Test
  void aMissingCategoryFallsBackToOther() {
    Template t = Template.parse("{n, plural, other {# items}}");

    assertThat(t.format(Map.of("n", 1), plain(Language.ENGLISH))).isEqualTo("1 items");
  }

  @Test
  void malformedMessagesAreRefused() {
    for (String bad :
        List.of(
            "{unclosed",
            "stray }",
            "{Name}",
            "{n, select, a {x} other {y}}",
            "{n, plural, one {x}}",
            "{n, plural, one {x} one {y} other {z}}",
            "{n, plural, several {x} other {y}}",
            "{}")) {
      assertThatThrownBy(() -> Template.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aValueThatIsNotGivenOrAPluralThatIsNotANumberIsAnError() {
    assertThatThrownBy(() -> Template.parse("{a}").format(Map.of(), plain(Language.ENGLISH)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{a}");
    assertThatThrownBy(
            () ->
                Template.parse("{n, plural, other {#}}")
                    .format(Map.of("n", "three"), plain(Language.ENGLISH)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
