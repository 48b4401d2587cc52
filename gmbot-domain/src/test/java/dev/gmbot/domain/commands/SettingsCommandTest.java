package dev.gmbot.domain.commands;

import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.protection.Decision;
import dev.gmbot.port.model.EnforcementRules;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /settings: show and change. */
class SettingsCommandTest extends CommandTestBase {
  @Test
  void settingsShowsAndChangesValues() {
    world.protectedGroup();

    assertThat(run(world.command(GROUP, OWNER, "settings")))
        .contains("prompt_lifetime: 10m")
        .contains("delete_messages: on");
    world.handle(world.command(GROUP, OWNER, "settings", "prompt_lifetime", "15m"));
    world.handle(world.command(GROUP, OWNER, "settings", "delete_messages", "off"));
    world.handle(world.command(GROUP, OWNER, "settings", "verify_text", "I", "joined!"));

    var settings = world.group(GROUP).settings();
    assertThat(settings.promptLifetime()).isEqualTo(Duration.ofMinutes(15));
    assertThat(settings.deleteMessages()).isFalse();
    assertThat(settings.verifyButtonText()).isEqualTo("I joined!");
  }

  @Test
  void settingsRejectsBadValuesWithTheUsage() {
    world.protectedGroup();

    assertThat(run(world.command(GROUP, OWNER, "settings", "prompt_lifetime", "2d")))
        .contains("I can't set prompt_lifetime")
        .contains("Usage");
    assertThat(run(world.command(GROUP, OWNER, "settings", "prompt_lifetime", "5s")))
        .contains("I can't set prompt_lifetime");
    assertThat(run(world.command(GROUP, OWNER, "settings", "colour", "red")))
        .contains("I can't set colour");
    assertThat(world.group(GROUP).settings().promptLifetime()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void settingsShowsEveryValueAndHowToChangeOne() {
    world.protectedGroup();

    assertThat(run(world.command(GROUP, OWNER, "settings")))
        .isEqualTo(
            "⚙️ Settings\n• prompt_lifetime: 10m\n• delete_messages: on\n• verify_text: ✅ I"
                + " joined - verify\n• join_text: 📢 Join channel\n• prompt_text: (built-in)\n"
                + "• language: en\n• prompt_topic: general\n\n"
                + "Change one with e.g. /settings prompt_lifetime 15m\n\n"
                + "🛡️ Enforcement\n• action: mute\n• remove_after: 24h\n"
                + "• on_check_failure: let-through\n• hold_limit: 10m");
  }

  @Test
  void settingsChangesTheActionTheRemovalTimeTheFailurePolicyAndTheHoldLimit() {
    world.protectedGroup();

    world.handle(world.command(GROUP, OWNER, "settings", "action", "mute-then-remove"));
    world.handle(world.command(GROUP, OWNER, "settings", "remove_after", "2d"));
    world.handle(world.command(GROUP, OWNER, "settings", "on_check_failure", "hold"));
    world.handle(world.command(GROUP, OWNER, "settings", "hold_limit", "5m"));

    EnforcementRules rules = world.group(GROUP).settings().enforcement();
    assertThat(rules)
        .isEqualTo(
            new EnforcementRules(
                EnforcementRules.Action.MUTE_THEN_REMOVE,
                Duration.ofDays(2),
                EnforcementRules.CheckFailure.HOLD,
                Duration.ofMinutes(5)));
  }

  @Test
  void settingsRefusesAHoldLimitOrRemovalTimeOutOfRangeAndUnknownActions() {
    world.protectedGroup();

    assertThat(run(world.command(GROUP, OWNER, "settings", "hold_limit", "2d")))
        .startsWith("I can't set hold_limit");
    assertThat(run(world.command(GROUP, OWNER, "settings", "remove_after", "31d")))
        .startsWith("I can't set remove_after");
    assertThat(run(world.command(GROUP, OWNER, "settings", "action", "ban")))
        .startsWith("I can't set action");
    assertThat(world.group(GROUP).settings().enforcement()).isEqualTo(EnforcementRules.DEFAULTS);
  }

  @Test
  void settingsDecidesTheChangeThenConfirmsWithTheNewValues() {
    world.protectedGroup();

    List<Decision> decisions =
        world.guard.decide(world.command(GROUP, OWNER, "SETTINGS", "Prompt_Lifetime", "90S"));

    assertThat(decisions.get(0))
        .isEqualTo(
            new Decision.ChangeSettings(
                GROUP.groupId(),
                world.group(GROUP).settings().withPromptLifetime(Duration.ofSeconds(90))));
    assertThat(((Decision.Reply) decisions.get(1)).message().text())
        .startsWith("✅ Saved.\n\n⚙️ Settings\n• prompt_lifetime: 90s\n");
  }

  @Test
  void settingsWritesDurationsTheWayTheyAreTyped() {
    world.protectedGroup();

    assertThat(run(world.command(GROUP, OWNER, "settings", "prompt_lifetime", "2h")))
        .contains("prompt_lifetime: 2h");
    assertThat(run(world.command(GROUP, OWNER, "settings", "prompt_lifetime", "120", "s")))
        .contains("prompt_lifetime: 2m");
    assertThat(run(world.command(GROUP, OWNER, "settings", "prompt_lifetime", "24h")))
        .contains("prompt_lifetime: 24h");
  }

  @Test
  void settingsPromptTextCanBeSetAndResetToTheBuiltInText() {
    world.protectedGroup();

    world.handle(world.command(GROUP, OWNER, "settings", "prompt_text", "Join", "us", "first"));
    assertThat(world.group(GROUP).settings().promptText()).contains("Join us first");
    world.handle(world.command(GROUP, OWNER, "settings", "prompt_text", "DEFAULT"));
    assertThat(world.group(GROUP).settings().promptText()).isEmpty();
    assertThat(run(world.command(GROUP, OWNER, "settings", "prompt_text", "x".repeat(1001))))
        .startsWith("I can't set prompt_text");
  }

  @Test
  void settingsButtonLabelsAndSwitchesAreChecked() {
    world.protectedGroup();

    world.handle(world.command(GROUP, OWNER, "settings", "join_text", "x".repeat(64)));
    assertThat(world.group(GROUP).settings().joinButtonText()).isEqualTo("x".repeat(64));
    assertThat(run(world.command(GROUP, OWNER, "settings", "join_text", "y".repeat(65))))
        .startsWith("I can't set join_text to “" + "y".repeat(65) + "”.\nUsage:");
    assertThat(run(world.command(GROUP, OWNER, "settings", "delete_messages", "maybe")))
        .startsWith("I can't set delete_messages");
    world.handle(world.command(GROUP, OWNER, "settings", "delete_messages", "NO"));
    assertThat(world.group(GROUP).settings().deleteMessages()).isFalse();
  }

  @Test
  void settingsWithAKeyButNoValueAsksForIt() {
    world.protectedGroup();

    assertThat(run(world.command(GROUP, OWNER, "settings", "prompt_lifetime")))
        .startsWith("Which value? Usage:\n• /settings prompt_lifetime 15m (30s to 24h)");
  }
}
