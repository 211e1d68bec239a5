package org.bangfu.modularity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bangfu.BangfuApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter.DiagramOptions.ElementsWithoutRelationships;
import org.springframework.modulith.docs.Documenter;

/**
 * The capabilities are Spring Modulith application modules (each direct sub-package of {@code org.bangfu}, the
 * workers included): no cycles between them, and only the engine and inbox modules reach into the engine's
 * internals. The diagrams of docs/modules are written here from the same model of the modules.
 */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(BangfuApplication.class);
  static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
      .importPackages("org.bangfu");

  @Test
  void theModulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
    MODULES.verify();
  }

  @Test
  void theCheckRefusesACycle() {
    // two modules that use each other, as engine → supervision → engine once did
    ApplicationModules cyclic = ApplicationModules.of("org.bangfu.modularity.cyclic", location -> true);
    assertThat(cyclic.stream().map(ApplicationModule::getIdentifier).map(Object::toString).toList())
        .containsExactlyInAnyOrder("orders", "billing");
    assertThatThrownBy(cyclic::verify).isInstanceOf(Violations.class).hasMessageContaining("Cycle detected");
  }

  @Test
  void theCapabilitiesAreTheModules() {
    assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()).toList()).contains("shared", "catalogue",
        "region", "casefile", "engine", "identification", "lifecycle", "casepage", "workers");
    // the former homes of the shared kernel and the catalogue are gone
    assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()).toList())
        .doesNotContain("process", "web");
  }

  /** The engine's internal classes may change in any release: two modules own the code that needs them. */
  @Test
  void engineInternalsStayInTheEngineAndInboxModules() {
    noClasses().that().resideOutsideOfPackages("org.bangfu.engine..", "org.bangfu.inbox..")
        .and().doNotHaveFullyQualifiedName(ENGINE_CLOCK)
        .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
        .because("engine internals are confined to the engine and inbox modules; the shared kernel's clock reads "
            + "the engine's ClockUtil, the one clock tests move")
        .check(CLASSES);
  }

  /**
   * One clock for the case: business dates and times come from the engine's clock (EngineClock), so a test or the
   * demo that moves it moves the timers, the deadlines and the records together. Only the leases between nodes
   * (the runners of department pushes and of registry loads) count on the wall clock.
   */
  @Test
  void businessTimeComesFromTheEngineClock() {
    noClasses().that().doNotHaveFullyQualifiedName(ENGINE_CLOCK)
        .and().doNotHaveFullyQualifiedName("org.bangfu.screening.ImportRunner")
        .and().doNotHaveFullyQualifiedName("org.bangfu.registry.RegistryLoadRunner")
        .should().callMethod(java.time.LocalDate.class, "now")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .because("the engine's clock is the case's clock (EngineClock)")
        .check(CLASSES);
  }

  /** docs/modules: all modules and their dependencies, and one diagram per module, in PlantUML. */
  @Test
  void theModuleDiagramsAreWrittenFromTheCode() throws Exception {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml(Documenter.DiagramOptions.defaults()
            .withElementsWithoutRelationships(ElementsWithoutRelationships.VISIBLE))
        .writeIndividualModulesAsPlantUml();
    // the writer's order of elements and relations varies from run to run: sort them, so the files change only
    // when the modules do
    try (var files = Files.list(Path.of("docs/modules"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
        Files.write(file, sortedRuns(Files.readAllLines(file)));
      }
    }
    String all = Files.readString(Path.of("docs/modules/components.puml"));
    MODULES.forEach(module -> assertThat(all).contains(module.getDisplayName()));
    assertThat(Path.of("docs/modules/module-casepage.puml")).exists();
  }

  /** Each run of consecutive Component(…) or Rel(…) lines in sorted order. */
  static java.util.List<String> sortedRuns(java.util.List<String> lines) {
    java.util.List<String> out = new java.util.ArrayList<>();
    java.util.List<String> run = new java.util.ArrayList<>();
    String kind = null;
    for (String line : lines) {
      String lineKind = line.trim().startsWith("Rel(") ? "Rel" : line.trim().startsWith("Component(") ? "Component"
          : null;
      if (lineKind == null || !lineKind.equals(kind)) {
        run.sort(null);
        out.addAll(run);
        run.clear();
      }
      kind = lineKind;
      if (lineKind == null) {
        out.add(line);
      } else {
        run.add(line);
      }
    }
    run.sort(null);
    out.addAll(run);
    return out;
  }

  static final String ENGINE_CLOCK = "org.bangfu.shared.EngineClock";
}
