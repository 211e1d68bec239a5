package org.bangfu.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.beans.Introspector;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bangfu.engine.DecisionAuditListener;
import org.bangfu.plan.HouseholdPlan;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * The models, forms, variables and beans fit together (in the spirit of petclinic's I18nPropertiesSyncTest): every
 * formRef resolves to a form in forms/, every form is used, every form field is a declared variable, every user task
 * has candidate groups, a due date from a configured SLA step and a decision its form can give, every process has a
 * historyTimeToLive, and every delegate expression names a worker bean.
 */
class ModelConsistencyTest {

  private static final Pattern EXPRESSION_NAMES = Pattern.compile("\\$\\{([a-zA-Z]+)");
  private static final Pattern SLA_DUE = Pattern.compile("\\$\\{sla\\.due\\(execution, '([a-zA-Z]+)'\\)}");

  static Map<String, BpmnModelInstance> models = new HashMap<>();
  static Map<String, JsonNode> forms = new HashMap<>();
  static Set<String> variables = new HashSet<>();
  static Map<String, Integer> slaDays;

  @BeforeAll
  @SuppressWarnings("unchecked")
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
    variables.addAll(org.bangfu.model.ProcessVariables.NAMES);
    try (InputStream yml = Files.newInputStream(Path.of("src/main/resources/application.yml"))) {
      Map<String, Object> config = new Yaml().load(yml);
      slaDays = (Map<String, Integer>) ((Map<String, Object>) ((Map<String, Object>) config.get("bangfu"))
          .get("sla")).get("days");
    }
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
  void everyFormRefResolvesAndEveryFormIsUsed() {
    Set<String> used = new HashSet<>();
    eachUserTask((file, task) -> {
      String ref = task.getCamundaFormRef();
      assertThat(ref).as("用户任务 %s 没有表单 (camunda:formRef)", task.getId()).isNotBlank();
      assertThat(forms).as("表单 %s（用户任务 %s）在 forms/ 中不存在", ref, task.getId()).containsKey(ref);
      assertThat(forms.get(ref).get("id").asText()).as("id of forms/%s.form", ref).isEqualTo(ref);
      used.add(ref);
    });
    assertThat(used).as("forms not used by any user task").containsExactlyInAnyOrderElementsOf(forms.keySet());
  }

  @Test
  void everyFormFieldIsADeclaredVariable() {
    forms.forEach((id, form) -> keys(form).forEach(key ->
        assertThat(variables).as("表单 %s 的字段 %s 不是已声明的流程变量", id, key).contains(key)));
  }

  @Test
  void everyUserTaskHasCandidateGroupsAndADueDateFromAConfiguredStep() {
    eachUserTask((file, task) -> {
      assertThat(task.getCamundaCandidateGroups()).as("用户任务 %s 没有候选组", task.getId()).isNotBlank();
      namesIn(task.getCamundaCandidateGroups()).forEach(name ->
          assertThat(variables).as("candidate group of %s uses %s", task.getId(), name).contains(name));
      Matcher due = SLA_DUE.matcher(String.valueOf(task.getCamundaDueDate()));
      assertThat(due.matches()).as("用户任务 %s 的到期时间应为 ${sla.due(execution, '步骤')}", task.getId()).isTrue();
      assertThat(slaDays).as("SLA step of %s", task.getId()).containsKey(due.group(1));
    });
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
    for (org.bangfu.measure.MeasureCode code : org.bangfu.measure.MeasureCode.values()) {
      assertThat(keys(form)).as("一户一策表单缺少措施 %s", code).contains(HouseholdPlan.chosen(code).name(),
          HouseholdPlan.department(code).name(), HouseholdPlan.amount(code).name(), HouseholdPlan.dueDate(code).name());
      List<String> offered = new ArrayList<>();
      components(form).filter(c -> HouseholdPlan.department(code).name().equals(c.path("key").asText()))
          .forEach(c -> c.path("values").forEach(v -> offered.add(v.path("value").asText())));
      assertThat(offered).as("departments offered for %s", code)
          .containsExactlyElementsOf(code.departments().stream().map(Enum::name).toList());
    }
  }

  @Test
  void everyDelegateExpressionNamesAWorkerBeanAndNoModelCarriesCodeOrScripts() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    Map<String, String> workers = scanner.findCandidateComponents("org.bangfu.workers").stream()
        .map(BeanDefinition::getBeanClassName)
        .collect(Collectors.toMap(n -> Introspector.decapitalize(n.substring(n.lastIndexOf('.') + 1)), n -> n));
    models.forEach((file, model) -> {
      assertThat(model.getModelElementsByType(ScriptTask.class)).as("script tasks in %s", file).isEmpty();
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        assertThat(task.getCamundaClass()).as("camunda:class on %s", task.getId()).isNull();
        Matcher bean = Pattern.compile("\\$\\{([a-zA-Z]+)}").matcher(String.valueOf(task.getCamundaDelegateExpression()));
        assertThat(bean.matches()).as("delegate expression of %s", task.getId()).isTrue();
        assertThat(workers).as("worker bean for %s", task.getId()).containsKey(bean.group(1));
        assertThat(classFor(workers.get(bean.group(1)))).matches(JavaDelegate.class::isAssignableFrom);
      }
    });
    File xml = new File("processes");
    assertThat(xml.listFiles()).allSatisfy(f -> assertThat(Files.readString(f.toPath())).doesNotContain("camunda:class"));
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

  private static List<String> namesIn(String expression) {
    List<String> names = new ArrayList<>();
    Matcher matcher = EXPRESSION_NAMES.matcher(expression);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static Class<?> classFor(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
