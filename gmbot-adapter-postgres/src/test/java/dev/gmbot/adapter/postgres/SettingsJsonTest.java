package dev.gmbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Language;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The group's language is one more key of the settings JSON; rows written before it read back. */
class SettingsJsonTest {
  @Test
  void theLanguageIsStoredByItsTag() {
    GroupSettings settings = GroupSettings.DEFAULTS.withLanguage(Language.PORTUGUESE_BRAZIL);

    String json = SettingsJson.write(settings);

    assertThat(json).endsWith(",\"language\":\"pt-br\"}");
    assertThat(SettingsJson.read(json)).isEqualTo(settings);
  }

  @Test
  void settingsStoredBeforeLanguagesOrWithAnUnknownOneSpeakTheDefault() {
    String before =
        "{\"verifyButtonText\":\"V\",\"joinButtonText\":\"J\",\"promptLifetimeSeconds\":60,"
            + "\"deleteMessages\":false}";

    assertThat(SettingsJson.read(before))
        .isEqualTo(new GroupSettings(Optional.empty(), "V", "J", Duration.ofMinutes(1), false));
    assertThat(SettingsJson.read(before).language()).isEqualTo(Language.ENGLISH);
    assertThat(SettingsJson.read("{\"language\":\"tlh\"}").language()).isEqualTo(Language.ENGLISH);
  }

  @Test
  void theJoinPromptTopicIsKeptAndSettingsWithoutOnePromptInGeneral() {
    GroupSettings settings = GroupSettings.DEFAULTS.withPromptTopic(Optional.of(7L));

    String json = SettingsJson.write(settings);

    assertThat(json).endsWith(",\"promptTopic\":7}");
    assertThat(SettingsJson.read(json)).isEqualTo(settings);
    assertThat(SettingsJson.read("{\"language\":\"ru\"}").promptTopic()).isEmpty();
    assertThat(SettingsJson.read("{\"promptTopic\":0}").promptTopic()).isEmpty();
  }

  @Test
  void theEnforcementRulesAreKeptAndSettingsStoredBeforeThemMuteAndLetThrough() {
    dev.gmbot.port.model.EnforcementRules rules =
        new dev.gmbot.port.model.EnforcementRules(
            dev.gmbot.port.model.EnforcementRules.Action.MUTE_THEN_REMOVE,
            java.time.Duration.ofHours(48),
            dev.gmbot.port.model.EnforcementRules.CheckFailure.HOLD,
            java.time.Duration.ofMinutes(5));
    GroupSettings settings = GroupSettings.DEFAULTS.withEnforcement(rules);

    String json = SettingsJson.write(settings);

    assertThat(json)
        .contains(
            "\"action\":\"mute-then-remove\",\"removeAfterSeconds\":172800,"
                + "\"onCheckFailure\":\"hold\",\"holdLimitSeconds\":300");
    assertThat(SettingsJson.read(json)).isEqualTo(settings);
    assertThat(SettingsJson.read("{\"language\":\"ru\"}").enforcement())
        .isEqualTo(dev.gmbot.port.model.EnforcementRules.DEFAULTS);
    assertThat(SettingsJson.read("{\"action\":\"ban\",\"holdLimitSeconds\":1}").enforcement())
        .isEqualTo(dev.gmbot.port.model.EnforcementRules.DEFAULTS);
  }
}
