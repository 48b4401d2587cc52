package dev.gmbot.port.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigReaderTest {
  private static ConfigReader reader(String... pairs) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return ConfigReader.of(env);
  }

  @Test
  void blankIsUnsetAndValuesAreStripped() {
    ConfigReader env = reader("A", "  x  ", "B", "   ");

    assertThat(env.text("A")).contains("x");
    assertThat(env.text("B")).isEmpty();
    assertThat(env.text("C", "fallback")).isEqualTo("fallback");
    assertThat(env.isSet("B")).isFalse();
  }

  @Test
  void requiredNamesTheVariableAndWhatIsExpected() {
    assertThatThrownBy(() -> reader().required("BOT_TOKEN", "the token from @BotFather"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("BOT_TOKEN is not set (expected the token from @BotFather)")
        .extracting(e -> ((ConfigurationException) e).variable())
        .isEqualTo("BOT_TOKEN");
  }

  @Test
  void wholeNumbersHaveARange() {
    assertThat(reader("PORT", "8080").integer("PORT", 8443, 0, 65_535)).isEqualTo(8080);
    assertThat(reader().integer("PORT", 8443, 0, 65_535)).isEqualTo(8443);
    assertThatThrownBy(() -> reader("PORT", "http").integer("PORT", 8443, 0, 65_535))
        .hasMessage("PORT must be a whole number from 0 to 65535, got 'http'");
    assertThatThrownBy(() -> reader("PORT", "70000").integer("PORT", 8443, 0, 65_535))
        .hasMessage("PORT must be a whole number from 0 to 65535, got '70000'");
  }

  @ParameterizedTest
  @CsvSource({
    "true,true",
    "TRUE,true",
    "on,true",
    "Yes,true",
    "1,true",
    "false,false",
    "off,false",
    "NO,false",
    "0,false"
  })
  void flagsAcceptTheSameWordsEverywhere(String text, boolean expected) {
    assertThat(reader("F", text).flag("F", !expected)).isEqualTo(expected);
  }

  @Test
  void anUnknownFlagWordIsRejected() {
    assertThatThrownBy(() -> reader("F", "maybe").flag("F", true))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("F must be true or false (or on/off, yes/no, 1/0), got 'maybe'");
  }

  @ParameterizedTest
  @CsvSource({
    "GMBOT_JOIN_WINDOW,500ms,PT0.5S",
    "GMBOT_JOIN_WINDOW,10s,PT10S",
    "GMBOT_JOIN_WINDOW,5m,PT5M",
    "GMBOT_JOIN_WINDOW,2H,PT2H",
    "GMBOT_JOIN_WINDOW,1d,PT24H",
    "GMBOT_JOIN_WINDOW,PT2M,PT2M",
    "GMBOT_JOIN_WINDOW,pt2m,PT2M",
    "GMBOT_JOIN_WINDOW,180,PT3M",
    "GMBOT_POLL_LEASE_SECONDS,30,PT30S",
    "GMBOT_POLL_LEASE_SECONDS,1m,PT1M",
    "GMBOT_REDIS_COMMAND_TIMEOUT_MS,300,PT0.3S",
    "GMBOT_REDIS_COMMAND_TIMEOUT_MS,2s,PT2S"
  })
  void durationsHaveOneFormat(String name, String text, Duration expected) {
    assertThat(
            reader(name, text)
                .duration(name, Duration.ZERO, Duration.ofMillis(1), Duration.ofDays(7)))
        .isEqualTo(expected);
  }

  @Test
  void durationsHaveARangeAndTheMessageShowsTheForms() {
    ConfigReader env = reader("A", "soon", "B", "0s", "C", "9d");
    Duration min = Duration.ofSeconds(1);
    Duration max = Duration.ofDays(1);

    assertThat(env.duration("D", Duration.ofSeconds(3), min, max)).isEqualTo(Duration.ofSeconds(3));
    assertThatThrownBy(() -> env.duration("A", Duration.ZERO, min, max))
        .hasMessage(
            "A must be a duration from 1s to 1d such as 500ms, 10s, 5m, 2h or PT10S, got 'soon'");
    assertThatThrownBy(() -> env.duration("B", Duration.ZERO, min, max))
        .hasMessageStartingWith("B must be a duration from 1s to 1d");
    assertThatThrownBy(() -> env.duration("C", Duration.ZERO, min, max))
        .hasMessageStartingWith("C must be a duration from 1s to 1d");
  }

  @Test
  void urlsAreAbsoluteHttpWithoutQueryOrCredentials() {
    URI fallback = URI.create("https://api.telegram.org");

    assertThat(reader("U", "http://127.0.0.1:8081").httpUrl("U", fallback))
        .isEqualTo(URI.create("http://127.0.0.1:8081"));
    assertThat(reader().httpUrl("U", fallback)).isEqualTo(fallback);
    for (String bad :
        new String[] {"api.telegram.org", "ftp://x.example", "https://x/?a=1", "https://u:p@x"}) {
      assertThatThrownBy(() -> reader("U", bad).httpUrl("U"))
          .as(bad)
          .hasMessageStartingWith("U must be an absolute http(s) URL");
    }
  }

  @Test
  void choicesAreCaseInsensitiveAndListedWhenWrong() {
    Map<String, Integer> words = Map.of("development", 1, "production", 2);

    assertThat(reader("E", "Production").choice("E", 1, words)).isEqualTo(2);
    assertThatThrownBy(() -> reader("E", "staging").choice("E", 1, words))
        .hasMessage("E must be one of development, production, got 'staging'");
  }

  @Test
  void secretsAreCheckedWithoutBeingRepeated() {
    Pattern rule = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    assertThat(reader("S", "ok_secret").secret("S", rule, "must be 1-256 of A-Za-z0-9_-"))
        .contains("ok_secret");
    assertThatThrownBy(
            () -> reader("S", "has space!").secret("S", rule, "must be 1-256 of A-Za-z0-9_-"))
        .hasMessage("S must be 1-256 of A-Za-z0-9_-")
        .hasMessageNotContaining("has space");
  }

  @Test
  void parsersOfTheirOwnNameTheVariable() {
    ConfigReader env = reader("DATABASE_URL", "mysql://x");

    assertThatThrownBy(
            () ->
                env.parsed(
                    "DATABASE_URL",
                    v -> {
                      throw new ConfigurationException("DATABASE_URL", "is not supported");
                    }))
        .hasMessage("DATABASE_URL is not supported");
    assertThat(reader("N", "41").parsed("N", v -> Integer.parseInt(v) + 1)).contains(42);
    assertThat(reader().parsed("N", Integer::parseInt)).isEqualTo(Optional.empty());
  }

  @Test
  void remembersWhatWasReadAndWhatItParsedTo() {
    ConfigReader env = reader("PORT", "80", "F", "on", "D", "2m", "UNREAD", "x");

    env.integer("PORT", 8443, 0, 65_535);
    env.flag("F", false);
    env.duration("D", Duration.ZERO, Duration.ZERO, Duration.ofDays(1));
    env.text("ABSENT");

    assertThat(env.names()).containsExactly("PORT", "F", "D", "ABSENT");
    assertThat(env.values())
        .containsExactly(
            Map.entry("PORT", 80), Map.entry("F", true), Map.entry("D", Duration.ofMinutes(2)));
    assertThat(env.toString()).doesNotContain("80").doesNotContain("UNREAD");
  }

  @Test
  void theMessageIsOneLine() {
    ConfigurationException e = new ConfigurationException("X", "is wrong\nsecond line");

    assertThat(e.getMessage()).isEqualTo("X is wrong");
    assertThat(e.problem()).isEqualTo("is wrong");
  }
}
