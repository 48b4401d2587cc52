package dev.gmbot.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.domain.protection.ProtectionSettings;
import dev.gmbot.domain.scheduling.SchedulerConfig;
import dev.gmbot.domain.verification.VerificationSettings;
import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.config.ConfigurationException;
import dev.gmbot.port.out.Rate;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuardSettingsTest {
  /** The server's default: the domain's 3 flood retries. */
  private static final int STANDARD = SchedulerConfig.defaults().maxFloodRetries();

  private static GuardSettings read(int defaultFloodRetries, String... pairs) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return GuardSettings.read(ConfigReader.of(env), defaultFloodRetries);
  }

  @Test
  void unsetVariablesKeepTheDomainsDefaults() {
    GuardSettings settings = read(STANDARD);

    assertThat(settings).isEqualTo(GuardSettings.DEFAULTS);
    assertThat(GuardSettings.read(ConfigReader.of(Map.of()))).isEqualTo(settings);

    assertThat(settings.verification()).isEqualTo(VerificationSettings.DEFAULTS);
    assertThat(settings.protection()).isEqualTo(ProtectionSettings.DEFAULTS);
    assertThat(settings.scheduler()).isEqualTo(SchedulerConfig.defaults());
  }

  @Test
  void everyTunableIsRead() {
    GuardSettings settings =
        read(
            STANDARD,
            "GMBOT_CACHE_POSITIVE_TTL",
            "20m",
            "GMBOT_CACHE_NEGATIVE_TTL",
            "30s",
            "GMBOT_ADMIN_CACHE_TTL",
            "PT2H",
            "GMBOT_VERIFICATION_RETRIES",
            "0",
            "GMBOT_JOIN_WINDOW",
            "90",
            "GMBOT_PROMPT_COOLDOWN",
            "5m",
            "GMBOT_PROMPT_EDIT_INTERVAL",
            "20s",
            "GMBOT_PROMPT_NAMES_SHOWN",
            "4",
            "GMBOT_SWEEP_BATCH",
            "50",
            "GMBOT_MAX_IN_FLIGHT",
            "16",
            "GMBOT_MESSAGES_PER_SECOND",
            "20",
            "GMBOT_FLOOD_RETRIES",
            "1",
            "GMBOT_TRANSIENT_RETRIES",
            "4",
            "GMBOT_JOIN_REQUEST_TIMEOUT",
            "6h");

    assertThat(settings.verification())
        .isEqualTo(
            new VerificationSettings(
                Duration.ofMinutes(20),
                Duration.ofSeconds(30),
                VerificationSettings.DEFAULTS.jitter(),
                0,
                Duration.ofHours(2)));
    assertThat(settings.protection())
        .isEqualTo(
            new ProtectionSettings(
                Duration.ofSeconds(90),
                Duration.ofMinutes(5),
                Duration.ofSeconds(20),
                4,
                50,
                Duration.ofHours(6)));
    SchedulerConfig scheduler = settings.scheduler();
    assertThat(scheduler.maxInFlight()).isEqualTo(16);
    assertThat(scheduler.reservedForInteractive()).isEqualTo(4);
    assertThat(scheduler.maxBackgroundInFlight()).isEqualTo(4);
    assertThat(scheduler.globalMessages()).isEqualTo(new Rate(20, Duration.ofSeconds(1), 1));
    assertThat(scheduler.maxFloodRetries()).isEqualTo(1);
    assertThat(scheduler.maxTransientRetries()).isEqualTo(4);
  }

  @Test
  void joinRequestsAreHeldADayUnlessTheVariableSaysOtherwise() {
    assertThat(read(STANDARD).protection().joinRequestTimeout()).isEqualTo(Duration.ofHours(24));
    assertThat(
            read(STANDARD, "GMBOT_JOIN_REQUEST_TIMEOUT", "90m").protection().joinRequestTimeout())
        .isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void aDeployablesFloodRetryDefaultIsANamedOverrideTheVariableBeats() {
    int lambda = 0;

    assertThat(read(STANDARD).scheduler().maxFloodRetries()).isEqualTo(3);
    assertThat(read(lambda).scheduler().maxFloodRetries()).isZero();
    assertThat(read(lambda, "GMBOT_FLOOD_RETRIES", "2").scheduler().maxFloodRetries()).isEqualTo(2);
  }

  @ParameterizedTest
  @CsvSource({
    "GMBOT_CACHE_POSITIVE_TTL,0s",
    "GMBOT_CACHE_NEGATIVE_TTL,soon",
    "GMBOT_ADMIN_CACHE_TTL,31d",
    "GMBOT_VERIFICATION_RETRIES,11",
    "GMBOT_JOIN_WINDOW,-5",
    "GMBOT_PROMPT_COOLDOWN,PT-1S",
    "GMBOT_PROMPT_EDIT_INTERVAL,0",
    "GMBOT_PROMPT_NAMES_SHOWN,0",
    "GMBOT_SWEEP_BATCH,many",
    "GMBOT_MAX_IN_FLIGHT,3",
    "GMBOT_MESSAGES_PER_SECOND,0",
    "GMBOT_FLOOD_RETRIES,11",
    "GMBOT_TRANSIENT_RETRIES,-1",
    "GMBOT_JOIN_REQUEST_TIMEOUT,30s",
    "GMBOT_JOIN_REQUEST_TIMEOUT,31d",
    "GMBOT_JOIN_REQUEST_TIMEOUT,tomorrow",
    "GMBOT_SWEEP_CHECKS,0",
    "GMBOT_SWEEP_CHECKS,fast",
    "GMBOT_ACTIVE_MEMBER_WINDOW,30m",
    "GMBOT_ACTIVE_MEMBER_WINDOW,366d",
    "GMBOT_SWEEP_INTERVAL,0s",
    "GMBOT_SWEEP_INTERVAL,hourly"
  })
  void anInvalidValueNamesItsVariable(String variable, String value) {
    assertThatThrownBy(() -> read(STANDARD, variable, value))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(variable + " must be")
        .extracting(e -> ((ConfigurationException) e).variable())
        .isEqualTo(variable);
  }

  @Test
  void theSweepVariablesSetTheSweepsAndTheBackgroundBudget() {
    GuardSettings settings =
        read(
            STANDARD,
            "GMBOT_SWEEP_CHECKS",
            "30",
            "GMBOT_ACTIVE_MEMBER_WINDOW",
            "7d",
            "GMBOT_SWEEP_INTERVAL",
            "15m");

    assertThat(settings.sweeps())
        .isEqualTo(
            new dev.gmbot.domain.protection.SweepSettings(
                30, Duration.ofDays(7), Duration.ofMinutes(15)));
    assertThat(settings.scheduler().background()).isEqualTo(Rate.perSecond(30));
    assertThat(read(STANDARD).sweeps())
        .isEqualTo(dev.gmbot.domain.protection.SweepSettings.DEFAULTS);
  }
}
