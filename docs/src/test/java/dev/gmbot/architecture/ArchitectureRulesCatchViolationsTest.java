package dev.gmbot.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.gmbot.adapter.archone.AdapterUsingMicronaut;
import dev.gmbot.adapter.archone.AdapterUsingTheDomain;
import dev.gmbot.adapter.archone.FirstAdapter;
import dev.gmbot.adapter.archtwo.SecondAdapter;
import dev.gmbot.app.lambda.archfixture.LambdaUsingDaggerAndAws;
import dev.gmbot.app.lambda.archfixture.LambdaUsingMicronaut;
import dev.gmbot.app.lambda.archfixture.LambdaUsingTheServer;
import dev.gmbot.domain.archfixture.DomainUsingAws;
import dev.gmbot.domain.archfixture.DomainUsingOkHttp;
import dev.gmbot.domain.archfixture.DomainValue;
import dev.gmbot.domain.archfixture.FirstCyclic;
import dev.gmbot.domain.archfixture.GeneratedFactory;
import dev.gmbot.domain.archfixture.cycle.SecondCyclic;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.port.archfixture.PortUsingJakartaInject;
import dev.gmbot.port.archfixture.PortUsingOnlyTheJdk;
import dev.gmbot.testkit.archfixture.TestkitUsingAnAdapter;
import dev.gmbot.testkit.archfixture.TestkitUsingTheDomain;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules are code too: each one must fail on a deliberate violation (the fixtures live in the
 * test sources, so {@link ArchitectureTest} never sees them), and accept what it is meant to allow.
 */
class ArchitectureRulesCatchViolationsTest {

  /** At least one deliberate violation per rule; a new rule without one fails the build. */
  private static final Map<ArchRule, List<Class<?>>> VIOLATIONS =
      Map.of(
          ArchitectureRules.PORTS_USE_ONLY_THE_JDK,
          List.of(PortUsingJakartaInject.class),
          ArchitectureRules.DOMAIN_USES_ONLY_THE_JDK_JAKARTA_INJECT_AND_PORTS,
          List.of(DomainUsingOkHttp.class),
          ArchitectureRules.ADAPTERS_DEPEND_ON_PORTS_NOT_ON_THE_DOMAIN,
          List.of(AdapterUsingTheDomain.class),
          ArchitectureRules.ADAPTERS_ARE_INDEPENDENT_OF_EACH_OTHER,
          List.of(FirstAdapter.class, SecondAdapter.class),
          ArchitectureRules.ONLY_THE_APPS_KNOW_DAGGER_MICRONAUT_AND_AWS,
          List.of(SecondAdapter.class),
          ArchitectureRules.LAMBDA_DOES_NOT_NEED_THE_SERVER,
          List.of(LambdaUsingTheServer.class),
          ArchitectureRules.TESTKIT_BUILDS_ON_PORTS_ONLY,
          List.of(TestkitUsingTheDomain.class),
          ArchitectureRules.NO_CYCLES_BETWEEN_PACKAGES,
          List.of(FirstCyclic.class, SecondCyclic.class));

  private static JavaClasses only(Class<?>... classes) {
    return new ClassFileImporter().importClasses(classes);
  }

  private static JavaClasses only(List<Class<?>> classes) {
    return new ClassFileImporter().importClasses(classes);
  }

  @Test
  void everyRuleHasADeliberateViolationItFailsOn() {
    assertThat(VIOLATIONS.keySet()).containsExactlyInAnyOrderElementsOf(ArchitectureRules.ALL);
    assertThat(ArchitectureRules.ALL)
        .allSatisfy(
            rule ->
                assertThatThrownBy(() -> rule.check(only(VIOLATIONS.get(rule))))
                    .as(rule.getDescription())
                    .isInstanceOf(AssertionError.class));
  }

  // ---- the ports ---------------------------------------------------------------------------

  @Test
  void portsRuleRejectsJakartaInject() {
    assertThatThrownBy(
            () ->
                ArchitectureRules.PORTS_USE_ONLY_THE_JDK.check(only(PortUsingJakartaInject.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("jakarta.inject");
  }

  @Test
  void portsRuleAcceptsAJdkOnlyValue() {
    ArchitectureRules.PORTS_USE_ONLY_THE_JDK.check(only(PortUsingOnlyTheJdk.class));
  }

  // ---- the domain --------------------------------------------------------------------------

  @Test
  void domainRuleRejectsAnHttpLibrary() {
    assertThatThrownBy(
            () ->
                ArchitectureRules.DOMAIN_USES_ONLY_THE_JDK_JAKARTA_INJECT_AND_PORTS.check(
                    only(DomainUsingOkHttp.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("okhttp3");
  }

  @Test
  void domainRuleAcceptsThePureDomain() {
    ArchitectureRules.DOMAIN_USES_ONLY_THE_JDK_JAKARTA_INJECT_AND_PORTS.check(only(Priority.class));
  }

  @Test
  void domainAndFrameworkRulesLetDaggerGeneratedFactoriesPass() {
    JavaClasses generated = only(GeneratedFactory.class, DomainValue.class);

    ArchitectureRules.DOMAIN_USES_ONLY_THE_JDK_JAKARTA_INJECT_AND_PORTS.check(generated);
    ArchitectureRules.ONLY_THE_APPS_KNOW_DAGGER_MICRONAUT_AND_AWS.check(generated);
  }

  // ---- the adapters ------------------------------------------------------------------------

  @Test
  void adapterRuleRejectsAnAdapterUsingTheDomain() {
    assertThatThrownBy(
            () ->
                ArchitectureRules.ADAPTERS_DEPEND_ON_PORTS_NOT_ON_THE_DOMAIN.check(
                    only(AdapterUsingTheDomain.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("dev.gmbot.domain");
  }

  @Test
  void adapterIndependenceRuleRejectsOneAdapterCallingAnother() {
    assertThatThrownBy(
            () ->
                ArchitectureRules.ADAPTERS_ARE_INDEPENDENT_OF_EACH_OTHER.check(
                    only(FirstAdapter.class, SecondAdapter.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("SecondAdapter");
  }

  // ---- frameworks --------------------------------------------------------------------------

  @Test
  void frameworkRuleRejectsDaggerOutsideTheApps() {
    assertThatThrownBy(
            () ->
                ArchitectureRules.ONLY_THE_APPS_KNOW_DAGGER_MICRONAUT_AND_AWS.check(
                    only(SecondAdapter.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("dagger");
  }

  @Test
  void frameworkRuleRejectsMicronautOutsideTheApps() {
    assertThatThrownBy(
            () ->
                ArchitectureRules.ONLY_THE_APPS_KNOW_DAGGER_MICRONAUT_AND_AWS.check(
                    only(AdapterUsingMicronaut.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("io.micronaut");
  }

  @Test
  void frameworkRuleRejectsAwsOutsideTheApps() {
    assertThatThrownBy(
            () ->
                ArchitectureRules.ONLY_THE_APPS_KNOW_DAGGER_MICRONAUT_AND_AWS.check(
                    only(DomainUsingAws.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("com.amazonaws");
  }

  @Test
  void frameworkRuleAcceptsDaggerAndAwsInsideTheApps() {
    // With a clean domain class beside it, so that the rule has a class to check.
    ArchitectureRules.ONLY_THE_APPS_KNOW_DAGGER_MICRONAUT_AND_AWS.check(
        only(LambdaUsingDaggerAndAws.class, DomainValue.class));
  }

  // ---- the Lambda deployable ---------------------------------------------------------------

  @Test
  void lambdaRuleRejectsTheServersClasses() {
    assertThatThrownBy(
            () ->
                ArchitectureRules.LAMBDA_DOES_NOT_NEED_THE_SERVER.check(
                    only(LambdaUsingTheServer.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("dev.gmbot.app.server");
  }

  @Test
  void lambdaRuleRejectsMicronaut() {
    assertThatThrownBy(
            () ->
                ArchitectureRules.LAMBDA_DOES_NOT_NEED_THE_SERVER.check(
                    only(LambdaUsingMicronaut.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("io.micronaut");
  }

  @Test
  void lambdaRuleAcceptsDaggerAndAws() {
    ArchitectureRules.LAMBDA_DOES_NOT_NEED_THE_SERVER.check(only(LambdaUsingDaggerAndAws.class));
  }

  // ---- the testkit -------------------------------------------------------------------------

  @Test
  void testkitRuleRejectsTheDomain() {
    assertThatThrownBy(
            () ->
                ArchitectureRules.TESTKIT_BUILDS_ON_PORTS_ONLY.check(
                    only(TestkitUsingTheDomain.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("dev.gmbot.domain");
  }

  @Test
  void testkitRuleRejectsAnAdapter() {
    assertThatThrownBy(
            () ->
                ArchitectureRules.TESTKIT_BUILDS_ON_PORTS_ONLY.check(
                    only(TestkitUsingAnAdapter.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("dev.gmbot.adapter");
  }

  // ---- packages ----------------------------------------------------------------------------

  @Test
  void cycleRuleRejectsTwoPackagesUsingEachOther() {
    assertThatThrownBy(
            () ->
                ArchitectureRules.NO_CYCLES_BETWEEN_PACKAGES.check(
                    only(FirstCyclic.class, SecondCyclic.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle");
  }

  @Test
  void everyRuleHasAReadableName() {
    assertThat(ArchitectureRules.ALL)
        .allSatisfy(rule -> assertThat(rule.getDescription()).doesNotContain("classes that"));
  }
}
