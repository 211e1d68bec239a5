package org.bangfu.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.beans.Introspector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bangfu.engine.DecisionAuditListener;
import org.bangfu.exit.ExitReview;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.measure.MeasureImplementation;
import org.bangfu.model.DecisionInputs;
import org.bangfu.model.ModelLint;
import org.bangfu.model.ProcessVariables;
import org.bangfu.plan.HouseholdPlan;
import org.bangfu.shared.CaseVariables;
import org.bangfu.shared.Var;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The repository's models, forms, variables and beans fit together (in the spirit of petclinic's
 * I18nPropertiesSyncTest). The rules a process owner's upload must also follow are ModelLint's, applied here to the
 * repository's models with the application's own variables, steps and workers; what only the repository must hold
 * (every form used, file names, the plan form's measures, the case's variables passed to each stage) is checked here.
 */
class ModelConsistencyTest {


  static Map<String, BpmnModelInstance> models = new HashMap<>();
  static Map<String, JsonNode> forms = new HashMap<>();
  static Set<String> variables = new HashSet<>();
  static Map<String, Integer> slaDays;

  @BeforeAll
  static void load() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        models.put(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile()));
      }
    }
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        forms.put(file.getFileName().toString().replace(".form", ""), json.readTree(file.toFile()));
      }
    }
    variables.addAll(ProcessVariables.NAMES);
    slaDays = ProcessTestEngine.slaDays();
    assertThat(models).containsKeys("AssistanceCaseProcess.bpmn", "RiskIdentificationProcess.bpmn",
        "HouseholdPlanProcess.bpmn", "MeasureImplementationProcess.bpmn", "MeasureDeliveryProcess.bpmn",
        "ExitReviewProcess.bpmn");
  }

  @Test
  void everyProcessIsNamedAfterItsFileHasAHistoryTimeToLiveAndIsNotStartedFromTasklist() {
    models.forEach((file, model) -> {
      for (Process process : model.getModelElementsByType(Process.class)) {
        assertThat(file).isEqualTo(process.getId() + ".bpmn");
        assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", file).isNotBlank();
        // cases start through the application (case file, validation), never from Tasklist's start dialog
        assertThat(process.isCamundaStartableInTasklist()).as("流程 %s 不应在任务列表中直接发起", file).isFalse();
      }
    });
  }

  @Test
  void everyFormIsUsedAndCarriesItsFileName() {
    Set<String> used = new HashSet<>();
    eachUserTask((file, task) -> used.add(task.getCamundaFormRef()));
    forms.forEach((id, form) -> assertThat(form.get("id").asText()).as("id of forms/%s.form", id).isEqualTo(id));
    assertThat(forms.keySet()).as("forms not used by any user task").containsExactlyInAnyOrderElementsOf(used);
  }

  /**
   * ModelLint's rules on the repository's models: forms resolve, candidate groups use known variables, due dates
   * come from configured steps, service steps name worker beans, no code or script anywhere, DMN inputs known.
   */
  @Test
  void theRepositoryModelsPassTheModelLint() throws IOException {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    Set<String> workers = scanner.findCandidateComponents("org.bangfu.workers").stream()
        .map(BeanDefinition::getBeanClassName).filter(n -> JavaDelegate.class.isAssignableFrom(classFor(n)))
        .map(n -> Introspector.decapitalize(n.substring(n.lastIndexOf('.') + 1))).collect(Collectors.toSet());
    ModelLint lint = new ModelLint(new ModelLint.Context(ProcessVariables.NAMES, slaDays.keySet(),
        workers::contains, DecisionInputs.BY_DECISION));
    Map<String, byte[]> resources = new HashMap<>();
    for (String folder : List.of("processes", "forms")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        for (Path file : files.toList()) {
          resources.put(folder + "/" + file.getFileName(), Files.readAllBytes(file));
        }
      }
    }
    assertThat(lint.check(resources)).isEmpty();
  }

  /**
   * The system steps the services write into the case's audit are named by their models (StepLabels): each id names
   * a service task with a name in the repository's models.
   */
  @Test
  void everyAuditedSystemStepIsNamedByItsModel() {
    List<String> audited = List.of(RiskIdentification.ASSESS_ELIGIBILITY, RiskIdentification.PUBLISH_NOTICE,
        RiskIdentification.RECORD_INCLUSION, RiskIdentification.RECORD_REJECTION,
        RiskIdentification.START_URGENT_MEASURES, HouseholdPlan.PREPARE_DRAFT, HouseholdPlan.APPROVE_PLAN,
        MeasureImplementation.ISSUE_MEASURES, ExitReview.ASSESS_EXIT, ExitReview.PUBLISH_NOTICE,
        ExitReview.RECORD_ELIMINATION, ExitReview.RECORD_NOT_YET, ExitReview.RECORD_TRACKING);
    Map<String, String> named = new HashMap<>();
    models.values().forEach(model -> model.getModelElementsByType(ServiceTask.class)
        .forEach(task -> named.put(task.getId(), task.getName())));
    assertThat(named).containsKeys(audited.toArray(String[]::new));
    audited.forEach(id -> assertThat(named.get(id)).as("name of %s", id).isNotBlank());
  }

  /** The stages AssistanceCaseProcess calls get the case's identity and region (CaseVariables), all or by name. */
  @Test
  void everyStageIsPassedTheCaseVariables() {
    BpmnModelInstance lifecycle = models.get("AssistanceCaseProcess.bpmn");
    List<CallActivity> stages = List.copyOf(lifecycle.getModelElementsByType(CallActivity.class));
    assertThat(stages).hasSizeGreaterThanOrEqualTo(4);
    for (CallActivity stage : stages) {
      List<CamundaIn> ins = stage.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
      boolean all = ins.stream().anyMatch(in -> "all".equals(in.getCamundaVariables()));
      Set<String> passed = ins.stream().filter(in -> in.getCamundaSource() != null)
          .filter(in -> in.getCamundaSource().equals(in.getCamundaTarget())).map(CamundaIn::getCamundaSource)
          .collect(Collectors.toSet());
      for (Var<?> variable : CaseVariables.PASSED_TO_STAGES) {
        assertThat(all || passed.contains(variable.name()))
            .as("%s passes %s to %s", stage.getId(), variable.name(), stage.getCalledElement()).isTrue();
      }
    }
  }

  @Test
  void everyUserTaskDecisionCanBeGivenByItsForm() {
    eachUserTask((file, task) -> {
      Map<String, String> properties = properties(task);
      String decision = properties.get(DecisionAuditListener.DECISION_VARIABLE);
      assertThat(decision).as("用户任务 %s 没有 decisionVariable", task.getId()).isNotBlank();
      assertThat(variables).contains(decision, properties.get(DecisionAuditListener.REASON_VARIABLE));
      JsonNode form = forms.get(task.getCamundaFormRef());
      List<String> offered = new ArrayList<>();
      components(form).filter(c -> decision.equals(c.path("key").asText()))
          .forEach(c -> c.path("values").forEach(v -> offered.add(v.path("value").asText())));
      assertThat(offered).as("decision values of %s offered by its form", task.getId())
          .containsExactlyElementsOf(List.of(properties.get(DecisionAuditListener.DECISION_VALUES).split(",")));
      assertThat(keys(form)).as("reason field of %s", task.getId())
          .contains(properties.get(DecisionAuditListener.REASON_VARIABLE));
    });
  }

  @Test
  void thePlanFormOffersEachMeasureAndItsDepartments() {
    JsonNode form = forms.get("DraftPlanForm");
    for (org.bangfu.catalogue.MeasureCode code : org.bangfu.catalogue.MeasureCode.values()) {
      assertThat(keys(form)).as("一户一策表单缺少措施 %s", code).contains(HouseholdPlan.chosen(code).name(),
          HouseholdPlan.department(code).name(), HouseholdPlan.amount(code).name(), HouseholdPlan.dueDate(code).name());
      List<String> offered = new ArrayList<>();
      components(form).filter(c -> HouseholdPlan.department(code).name().equals(c.path("key").asText()))
          .forEach(c -> c.path("values").forEach(v -> offered.add(v.path("value").asText())));
      assertThat(offered).as("departments offered for %s", code)
          .containsExactlyElementsOf(code.departments().stream().map(Enum::name).toList());
    }
  }

  // --- helpers

  private interface UserTaskCheck {
    void check(String file, UserTask task);
  }

  private static void eachUserTask(UserTaskCheck check) {
    models.forEach((file, model) -> model.getModelElementsByType(UserTask.class).forEach(t -> check.check(file, t)));
  }

  private static Map<String, String> properties(UserTask task) {
    Map<String, String> properties = new HashMap<>();
    task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .forEach((CamundaProperty p) -> properties.put(p.getCamundaName(), p.getCamundaValue()));
    return properties;
  }

  private static Stream<JsonNode> components(JsonNode form) {
    List<JsonNode> all = new ArrayList<>();
    form.path("components").forEach(all::add);
    return all.stream();
  }

  private static List<String> keys(JsonNode form) {
    return components(form).filter(c -> c.has("key")).map(c -> c.get("key").asText()).toList();
  }

  private static Class<?> classFor(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
