package org.bangfu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bangfu.screening.RuleTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Models cannot run code (docs/adr/0006): the attack models kept under src/test/resources/attacks are
 * refused, every expression of our own models is allowed, and the functions models may call exist.
 */
class ModelCodePolicyTest {

  private static final Path PWNED = Path.of("/tmp/bangfu-pwned");

  @ParameterizedTest
  @ValueSource(strings = {"MakeMeAdmin.bpmn", "RunCommand.bpmn", "JuelDecision.dmn", "LegacyJuelDecision.dmn",
      "ExternalFunctionDecision.dmn"})
  void attackModelsAreRefused(String fixture) throws IOException {
    List<ModelCodePolicy.Violation> violations = ModelCodePolicy.check(fixture, attack(fixture));
    assertThat(violations).isNotEmpty();
    assertThat(ModelCodePolicy.describe(fixture, violations)).contains("含有不允许的内容");
  }

  @Test
  void eachWayOfRunningCodeInAProcessIsNamed() throws IOException {
    String found = ModelCodePolicy.describe("RunCommand.bpmn",
        ModelCodePolicy.check("RunCommand.bpmn", attack("RunCommand.bpmn")));
    assertThat(found).contains("Activity_Class：不允许 camunda:class", "Activity_Expression：表达式",
        "调用了不允许的方法 exec", "Activity_Listener：流程中不能写脚本", "sla['class']", "camunda:formKey");
    assertThat(ModelCodePolicy.check("forms/steal.html", "<script>fetch('/api/me')</script>".getBytes()))
        .isNotEmpty();
    String admin = ModelCodePolicy.describe("MakeMeAdmin.bpmn",
        ModelCodePolicy.check("MakeMeAdmin.bpmn", attack("MakeMeAdmin.bpmn")));
    assertThat(admin).contains("identityService.createMembership", "调用了不允许的方法 createMembership");
    assertThat(ModelCodePolicy.check("MakeMeAdmin.bpmn", attack("MakeMeAdmin.bpmn"))).hasSize(2);
  }

  @Test
  void aFormCannotLetUsersEditWhatTheStepsWrite() throws IOException {
    // the 入户核实 form with the county code made editable: the completion could then route the case
    String found = ModelCodePolicy.describe("EditableRouting.form",
        ModelCodePolicy.check("EditableRouting.form", attack("EditableRouting.form")));
    assertThat(found).contains("countyCode", "不能由用户填写");
    assertThat(org.bangfu.model.ProcessVariables.NAMES).containsAll(ModelCodePolicy.SYSTEM_VARIABLES);
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.toList()) {
        assertThat(ModelCodePolicy.check(file.getFileName().toString(), Files.readAllBytes(file)))
            .as(file.toString()).isEmpty();
      }
    }
  }

  @Test
  void everyExpressionOfOurModelsIsAllowed() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.toList()) {
        assertThat(ModelCodePolicy.check(file.getFileName().toString(), Files.readAllBytes(file)))
            .as(file.toString()).isEmpty();
      }
    }
  }

  @Test
  void expressionsAreReadAsATreeNotAsText() {
    assertThat(ModelCodePolicy.checkExpression("village-${villageCode}")).isEmpty();
    assertThat(ModelCodePolicy.checkExpression("${sla.due(execution, 'verifyHousehold')}")).isEmpty();
    assertThat(ModelCodePolicy.checkExpression("${exitOutcome == 'NOT_YET' && exitRevisePlan}")).isEmpty();
    assertThat(ModelCodePolicy.checkExpression("#{execution.processBusinessKey}")).isEmpty();
    assertThat(ModelCodePolicy.checkExpression("${execution.getVariable('resumeAt') == 'MEASURES'}")).isEmpty();
    // a function name on another bean, a method hidden in an argument, a chain off execution, a bracket
    assertThat(ModelCodePolicy.checkExpression("${measureService.cancel(caseId)}")).isNotEmpty();
    assertThat(ModelCodePolicy.checkExpression("${sla.due(execution, x.getClass())}")).isNotEmpty();
    assertThat(ModelCodePolicy.checkExpression("${execution.processEngine}")).isNotEmpty();
    assertThat(ModelCodePolicy.checkExpression("${execution['processEngine']}")).isNotEmpty();
    assertThat(ModelCodePolicy.checkExpression("${sla.days}")).isNotEmpty();
    assertThat(ModelCodePolicy.checkExpression("${runtime()}")).isNotEmpty();
  }

  @Test
  void theFunctionsModelsMayCallExist() throws Exception {
    Map<String, Class<?>> beans = Map.of("sla", SlaService.class,
        "periodicScreening", org.bangfu.screening.PeriodicScreeningService.class,
        "measureService", org.bangfu.measure.MeasureService.class,
        "lifecycle", org.bangfu.lifecycle.LifecycleConfiguration.LifecycleCycles.class,
        "supportProjects", org.bangfu.supportindustry.SupportProjects.class,
        "execution", org.camunda.bpm.engine.delegate.DelegateExecution.class);
    assertThat(beans.keySet()).isEqualTo(ModelCodePolicy.FUNCTIONS.keySet());
    ModelCodePolicy.FUNCTIONS.forEach((bean, methods) -> {
      for (String method : methods) {
        assertThat(Arrays.stream(beans.get(bean).getMethods()).map(Method::getName))
            .as(bean + "." + method).contains(method);
      }
    });
  }

  /** The bulk rule engine (legacy FEEL reads output entries as JUEL) refuses the table and runs nothing. */
  @ParameterizedTest
  @ValueSource(strings = {"JuelDecision.dmn", "LegacyJuelDecision.dmn"})
  void theBulkRuleEngineRefusesJuel(String fixture) throws IOException {
    Files.deleteIfExists(PWNED);
    assertThatThrownBy(() -> RuleTables.standalone().parse("Decision_MonitoringEligibility", attack(fixture))
        .evaluate(Map.of("provinceCode", "62", "year", 2026)))
        .isInstanceOf(ModelCodeGuard.ModelRefusedException.class);
    assertThat(PWNED).doesNotExist();
  }

  private static byte[] attack(String fixture) throws IOException {
    return Files.readAllBytes(Path.of("src/test/resources/attacks", fixture));
  }
}
