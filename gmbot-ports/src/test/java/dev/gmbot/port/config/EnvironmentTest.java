package dev.gmbot.port.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

  @Test
  void developmentUnlessSaidOtherwise() {
    assertThat(Environment.read(ConfigReader.of(Map.of()))).isEqualTo(Environment.DEVELOPMENT);
    assertThat(Environment.read(ConfigReader.of(Map.of("ENVIRONMENT", "dev"))))
        .isEqualTo(Environment.DEVELOPMENT);
    assertThat(Environment.read(ConfigReader.of(Map.of("ENVIRONMENT", "prod"))))
        .isEqualTo(Environment.PRODUCTION);
    assertThat(Environment.read(ConfigReader.of(Map.of("ENVIRONMENT", "production"))))
        .isEqualTo(Environment.PRODUCTION);
  }

  @Test
  void anUnknownEnvironmentNamesTheVariable() {
    assertThatThrownBy(() -> Environment.read(ConfigReader.of(Map.of("ENVIRONMENT", "staging"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("ENVIRONMENT must be one of");
  }
}
