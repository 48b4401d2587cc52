package dev.gmbot.domain.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a person names the forum topic for join prompts. */
class PromptTopicSettingTest {
  @Test
  void aTopicIsNamedByNumberOrLinkOrGeneral() {
    assertThat(PromptTopicSetting.parse("General")).contains(Optional.empty());
    assertThat(PromptTopicSetting.parse("45")).contains(Optional.of(45L));
    assertThat(PromptTopicSetting.parse("https://t.me/c/1234567890/45")).contains(Optional.of(45L));
    assertThat(PromptTopicSetting.parse("t.me/c/1234567890/45/678")).contains(Optional.of(45L));
    assertThat(PromptTopicSetting.parse("https://t.me/guarded_group/7/100"))
        .contains(Optional.of(7L));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0", "topic", "-4", "https://example.com/45", "t.me/c/abc/45"})
  void otherTextsNameNoTopic(String typed) {
    assertThat(PromptTopicSetting.parse(typed)).isEmpty();
  }
}
