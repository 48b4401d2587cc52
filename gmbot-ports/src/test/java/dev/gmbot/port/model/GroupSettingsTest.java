package dev.gmbot.port.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupSettingsTest {
  private final GroupSettings defaults = GroupSettings.DEFAULTS;

  @Test
  void eachWitherChangesItsValueAndKeepsTheOthers() {
    assertThat(defaults.withPromptText(Optional.of("Join first")))
        .isEqualTo(
            new GroupSettings(
                Optional.of("Join first"),
                defaults.verifyButtonText(),
                defaults.joinButtonText(),
                defaults.promptLifetime(),
                defaults.deleteMessages()));
    assertThat(defaults.withVerifyButtonText("Done"))
        .isEqualTo(
            new GroupSettings(
                defaults.promptText(),
                "Done",
                defaults.joinButtonText(),
                defaults.promptLifetime(),
                defaults.deleteMessages()));
    assertThat(defaults.withJoinButtonText("Join"))
        .isEqualTo(
            new GroupSettings(
                defaults.promptText(),
                defaults.verifyButtonText(),
                "Join",
                defaults.promptLifetime(),
                defaults.deleteMessages()));
    assertThat(defaults.withPromptLifetime(Duration.ofMinutes(15)))
        .isEqualTo(
            new GroupSettings(
                defaults.promptText(),
                defaults.verifyButtonText(),
                defaults.joinButtonText(),
                Duration.ofMinutes(15),
                defaults.deleteMessages()));
    assertThat(defaults.withDeleteMessages(false))
        .isEqualTo(
            new GroupSettings(
                defaults.promptText(),
                defaults.verifyButtonText(),
                defaults.joinButtonText(),
                defaults.promptLifetime(),
                false));
  }

  @Test
  void withersCheckTheNewValueLikeTheConstructor() {
    assertThatThrownBy(() -> defaults.withPromptLifetime(Duration.ofSeconds(29)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withPromptLifetime(Duration.ofHours(25)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withVerifyButtonText(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withJoinButtonText(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(defaults.withPromptLifetime(Duration.ofDays(1)).promptLifetime())
        .isEqualTo(Duration.ofDays(1));
  }
}
