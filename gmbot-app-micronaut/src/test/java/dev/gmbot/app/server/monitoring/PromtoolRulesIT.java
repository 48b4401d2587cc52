package dev.gmbot.app.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules pass {@code promtool}: they parse, the compose file's Prometheus configuration
 * loads them, and every alert has a unit test whose input series make it fire and one whose input
 * series keep it quiet ({@code promtool test rules}).
 */
class PromtoolRulesIT {
  @Test
  void rulesAndConfigurationAreValid() {
    Path promtool = Tools.require("promtool");

    Tools.Run rules =
        Tools.run(
            Tools.MONITORING,
            List.of(promtool.toString(), "check", "rules", Tools.RULES.toString()));
    assertThat(rules.exitCode()).as(rules.output()).isZero();
    Tools.Run config =
        Tools.run(
            Tools.MONITORING,
            List.of(promtool.toString(), "check", "config", Tools.PROMETHEUS_CONFIG.toString()));
    assertThat(config.exitCode()).as(config.output()).isZero();
    assertThat(config.output()).contains("SUCCESS");
  }

  @Test
  void everyAlertFiresAndStaysQuietInItsUnitTests() {
    Path promtool = Tools.require("promtool");

    Tools.Run run =
        Tools.run(
            Tools.RULE_TESTS.getParent(),
            List.of(
                promtool.toString(), "test", "rules", Tools.RULE_TESTS.getFileName().toString()));

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("SUCCESS");
  }

  @Test
  void everyAlertHasAFiringAndAQuietTest() throws IOException {
    Set<String> alerts = alertNames();
    Map<String, List<Boolean>> tested = new HashMap<>();
    for (Map<String, Object> test : list(yaml(Tools.RULE_TESTS).get("tests"))) {
      for (Map<String, Object> check : list(test.get("alert_rule_test"))) {
        String name = (String) check.get("alertname");
        boolean fires = !list(check.get("exp_alerts")).isEmpty();
        tested.computeIfAbsent(name, k -> new ArrayList<>()).add(fires);
      }
    }

    assertThat(alerts).hasSizeGreaterThanOrEqualTo(10);
    for (String alert : alerts) {
      assertThat(tested.getOrDefault(alert, List.of()))
          .as("tests of " + alert + " (true: fires, false: stays quiet)")
          .contains(true, false);
    }
    assertThat(alerts).containsAll(tested.keySet());
  }

  static Set<String> alertNames() throws IOException {
    Set<String> names = new TreeSet<>();
    for (Map<String, Object> group : list(yaml(Tools.RULES).get("groups"))) {
      for (Map<String, Object> rule : list(group.get("rules"))) {
        names.add((String) rule.get("alert"));
      }
    }
    return names;
  }

  static Map<String, Object> yaml(Path file) throws IOException {
    return new Yaml().load(Files.readString(file));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }
}
