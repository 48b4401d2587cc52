package dev.gmbot.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.gmbot.adapter.archone.AdapterUsingTheDomain;
import dev.gmbot.adapter.archone.FirstAdapter;
import dev.gmbot.adapter.archtwo.SecondAdapter;
import dev.gmbot.domain.archfixture.DomainUsingOkHttp;
import dev.gmbot.domain.archfixture.FirstCyclic;
import dev.gmbot.domain.archfixture.cycle.SecondCyclic;
import dev.gmbot.domain.scheduling.Priority;
import org.junit.jupiter.api.Test;

/**
 * The rules are code too: each one must fail on a deliberate violation (the fixtures live in the
 * test sources, so {@link ArchitectureTest} never sees them).
 */
class ArchitectureRulesCatchViolationsTest {

  private static JavaClasses only(Class<?>... classes) {
    return new ClassFileImporter().importClasses(classes);
  }

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
