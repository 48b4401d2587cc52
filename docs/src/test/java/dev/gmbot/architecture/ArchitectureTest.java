package dev.gmbot.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks every production class of every module against {@link ArchitectureRules}. */
class ArchitectureTest {
  private static JavaClasses production;

  @BeforeAll
  static void importEveryModule() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TEST_FIXTURES)
            .importPackages("dev.gmbot");
  }

  static Stream<ArchRule> rules() {
    return ArchitectureRules.ALL.stream();
  }

  @Test
  void seesTheClassesOfEveryLibraryModule() {
    assertThat(production.containPackage("dev.gmbot.port.model")).isTrue();
    assertThat(production.containPackage("dev.gmbot.port.out")).isTrue();
    assertThat(production.containPackage("dev.gmbot.port.config")).isTrue();
    assertThat(production.containPackage("dev.gmbot.domain")).isTrue();
    assertThat(production.containPackage("dev.gmbot.domain.scheduling")).isTrue();
    assertThat(production.containPackage("dev.gmbot.domain.verification")).isTrue();
    assertThat(production.containPackage("dev.gmbot.domain.protection")).isTrue();
    assertThat(production.containPackage("dev.gmbot.domain.commands")).isTrue();
    assertThat(production.containPackage("dev.gmbot.adapter.telegram")).isTrue();
    assertThat(production.containPackage("dev.gmbot.adapter.postgres")).isTrue();
    assertThat(production.containPackage("dev.gmbot.adapter.redis")).isTrue();
    assertThat(production.containPackage("dev.gmbot.testkit.fake")).isTrue();
    assertThat(production.containPackage("dev.gmbot.testkit.simulator")).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void productionCodeFollows(ArchRule rule) {
    rule.check(production);
  }
}
