package dev.gmbot.port.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageTest {
  @Test
  void aTagIsReadInAnyCaseWithADashOrAnUnderscore() {
    assertThat(Language.ofTag("ru")).contains(Language.RUSSIAN);
    assertThat(Language.ofTag(" PT-BR ")).contains(Language.PORTUGUESE_BRAZIL);
    assertThat(Language.ofTag("pt_br")).contains(Language.PORTUGUESE_BRAZIL);
    assertThat(Language.ofTag("pt")).contains(Language.PORTUGUESE_BRAZIL);
    assertThat(Language.ofTag("klingon")).isEmpty();
    assertThat(Language.ofTag("")).isEmpty();
  }

  @Test
  void aUsersTelegramLanguageFindsTheSameLanguageInAnyVariant() {
    assertThat(Language.forUserCode("ru")).contains(Language.RUSSIAN);
    assertThat(Language.forUserCode("es-419")).contains(Language.SPANISH);
    assertThat(Language.forUserCode("pt-pt")).contains(Language.PORTUGUESE_BRAZIL);
    assertThat(Language.forUserCode("pt-br")).contains(Language.PORTUGUESE_BRAZIL);
    assertThat(Language.forUserCode("en-GB")).contains(Language.ENGLISH);
    assertThat(Language.forUserCode("in")).contains(Language.INDONESIAN);
    assertThat(Language.forUserCode("uz")).contains(Language.UZBEK);
    assertThat(Language.forUserCode("zh-hans")).isEmpty();
    assertThat(Language.forUserCode(null)).isEmpty();
  }

  @Test
  void setMyCommandsTakesTwoLetterCodes() {
    for (Language language : Language.values()) {
      assertThat(language.isoCode()).matches("[a-z]{2}");
    }
    assertThat(Language.PORTUGUESE_BRAZIL.isoCode()).isEqualTo("pt");
    assertThat(Language.ARABIC.rightToLeft()).isTrue();
    assertThat(Language.PERSIAN.rightToLeft()).isTrue();
    assertThat(Language.HINDI.rightToLeft()).isFalse();
  }

  @Test
  void aUserRefKeepsTheLanguageCodeTelegramGaveAndSettingsKeepTheirLanguage() {
    UserRef alice = UserRef.of(1, "Alice");

    assertThat(alice.languageCode()).isEmpty();
    assertThat(alice.withLanguageCode("ru").languageCode()).contains("ru");
    assertThat(alice.withLanguageCode(" ").languageCode()).isEmpty();
    assertThat(new UserRef(alice.id(), "A", Optional.empty(), false).languageCode()).isEmpty();
    assertThat(GroupSettings.DEFAULTS.language()).isEqualTo(Language.ENGLISH);
    assertThat(
            GroupSettings.DEFAULTS
                .withLanguage(Language.ARABIC)
                .withPromptLifetime(Duration.ofMinutes(5))
                .language())
        .isEqualTo(Language.ARABIC);
  }

  @Test
  void aCommandMenuItemFollowsTelegramsRules() {
    assertThatThrownBy(() -> new CommandMenu.Item("/start", "Start"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CommandMenu.Item("start", "x".repeat(257)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new CommandMenu.Item("start", "Start").command()).isEqualTo("start");
  }
}
