package dev.gmbot.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The dependency rule of docs/design.md ("Modules and the dependency rule"), in words a reader can
 * follow. The module graph enforces the same rule at build time; these rules catch what the module
 * graph cannot (a forbidden library arriving transitively, a cycle inside a module, Dagger or
 * Micronaut types leaking out of the apps).
 */
final class ArchitectureRules {
  private ArchitectureRules() {}

  /**
   * Dagger writes {@code *_Factory} classes for domain types into the app modules, in the domain's
   * packages; they belong to the wiring, not to the domain.
   */
  static final DescribedPredicate<JavaClass> GENERATED_BY_DAGGER =
      annotatedWith("dagger.internal.DaggerGenerated").forSubtype();

  static final ArchRule PORTS_USE_ONLY_THE_JDK =
      classes()
          .that()
          .resideInAPackage("dev.gmbot.port..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "dev.gmbot.port..")
          .as("the ports use nothing but the JDK");

  static final ArchRule DOMAIN_USES_ONLY_THE_JDK_JAKARTA_INJECT_AND_PORTS =
      classes()
          .that()
          .resideInAPackage("dev.gmbot.domain..")
          .and(not(GENERATED_BY_DAGGER))
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..", "jakarta.inject..", "dev.gmbot.port..", "dev.gmbot.domain..")
          .as("the domain uses nothing but the JDK, jakarta.inject and the ports");

  static final ArchRule ADAPTERS_DEPEND_ON_PORTS_NOT_ON_THE_DOMAIN =
      noClasses()
          .that()
          .resideInAPackage("dev.gmbot.adapter..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.gmbot.domain..", "dev.gmbot.app..", "dev.gmbot.testkit..")
          .as("adapters depend on the ports, never on the domain, the apps or the testkit");

  static final ArchRule ADAPTERS_ARE_INDEPENDENT_OF_EACH_OTHER =
      slices()
          .matching("dev.gmbot.adapter.(*)..")
          .should()
          .notDependOnEachOther()
          .as("adapters never depend on each other");

  static final ArchRule ONLY_THE_APPS_KNOW_DAGGER_MICRONAUT_AND_AWS =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.gmbot.app..")
          .and(not(GENERATED_BY_DAGGER))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dagger..", "io.micronaut..", "com.amazonaws..")
          .as("only the apps know Dagger, Micronaut and AWS types");

  static final ArchRule LAMBDA_DOES_NOT_NEED_THE_SERVER =
      noClasses()
          .that()
          .resideInAPackage("dev.gmbot.app.lambda..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.micronaut..", "dev.gmbot.app.server..")
          .allowEmptyShould(true)
          .as("the Lambda deployable uses neither Micronaut nor the server");

  static final ArchRule TESTKIT_BUILDS_ON_PORTS_ONLY =
      noClasses()
          .that()
          .resideInAPackage("dev.gmbot.testkit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.gmbot.domain..", "dev.gmbot.adapter..", "dev.gmbot.app..")
          .as("the testkit builds on the ports only");

  static final ArchRule NO_CYCLES_BETWEEN_PACKAGES =
      slices()
          .matching("dev.gmbot.(**)")
          .should()
          .beFreeOfCycles()
          .as("no cycles between packages");

  static final List<ArchRule> ALL =
      List.of(
          PORTS_USE_ONLY_THE_JDK,
          DOMAIN_USES_ONLY_THE_JDK_JAKARTA_INJECT_AND_PORTS,
          ADAPTERS_DEPEND_ON_PORTS_NOT_ON_THE_DOMAIN,
          ADAPTERS_ARE_INDEPENDENT_OF_EACH_OTHER,
          ONLY_THE_APPS_KNOW_DAGGER_MICRONAUT_AND_AWS,
          LAMBDA_DOES_NOT_NEED_THE_SERVER,
          TESTKIT_BUILDS_ON_PORTS_ONLY,
          NO_CYCLES_BETWEEN_PACKAGES);
}
