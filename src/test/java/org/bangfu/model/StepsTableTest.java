package org.bangfu.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bangfu.process.ProcessTestEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * docs/steps.md, the table a newcomer reads to find a step's model, form, worker, service, time allowance and test,
 * is written from the models by this test: when a model, a worker or the allowances change, the test rewrites the
 * file and fails until the new table is committed, so the table cannot drift from the code.
 */
class StepsTableTest {

  static final Path TABLE = Path.of("docs/steps.md");
  private static final Pattern SLA = Pattern.compile("sla\\.due\\(execution,\\s*'([^']+)'\\)");
  private static final Pattern BEAN = Pattern.compile("^\\$\\{(\\w+)}$");

  @Test
  void docsStepsMdIsTheTableOfTheModels() throws IOException {
    String table = table();
    String committed = Files.exists(TABLE) ? Files.readString(TABLE, StandardCharsets.UTF_8) : "";
    if (!committed.equals(table)) {
      Files.writeString(TABLE, table, StandardCharsets.UTF_8);
    }
    assertThat(committed).as("docs/steps.md was out of date and has been rewritten from the models: commit it")
        .isEqualTo(table);
  }

  @Test
  void everyStepFindsItsFormWorkerAndAllowance() throws IOException {
    String table = table();
    // a missing form, worker class or allowance shows as "?" in the table
    assertThat(table).doesNotContain("| ? ", "test: ?").contains("VerifyHouseholdForm", "AssessEligibilityDelegate",
        "IdentificationService", "RiskIdentificationProcessTest");
  }

  static String table() throws IOException {
    Map<String, Integer> days = ProcessTestEngine.slaDays();
    StringBuilder out = new StringBuilder();
    out.append("# Steps\n\n")
        .append("Every step of every process: where its model, form, worker (one class per service step), the ")
        .append("service the worker calls, the time allowed (working days, `bangfu.sla.days` in ")
        .append("`src/main/resources/application.yml`) and the process test are. Written from the models by ")
        .append("`StepsTableTest`; do not edit by hand.\n");
    List<Path> models;
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      models = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
    for (Path model : models) {
      BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
      for (Process process : instance.getModelElementsByType(Process.class)) {
        out.append("\n## ").append(process.getName() == null ? process.getId() : process.getName())
            .append(" (`").append(process.getId()).append("`)\n\n")
            .append("Model: [processes/").append(model.getFileName()).append("](../processes/")
            .append(model.getFileName()).append(") · test: ").append(testOf(process.getId())).append("\n\n")
            .append("| step | id | kind | form | worker | service | days |\n|---|---|---|---|---|---|---|\n");
        List<FlowNode> steps = new ArrayList<>(process.getChildElementsByType(FlowNode.class).stream()
            .filter(n -> n instanceof UserTask || n instanceof ServiceTask || n instanceof CallActivity).toList());
        steps.sort(Comparator.comparing(FlowNode::getId));
        for (FlowNode step : steps) {
          out.append("| ").append(step.getName().replace('\n', ' ')).append(" | `").append(step.getId())
              .append("` | ");
          if (step instanceof UserTask task) {
            String form = task.getCamundaFormRef();
            Matcher sla = SLA.matcher(String.valueOf(task.getCamundaDueDate()));
            String allowance = sla.find() ? (days.containsKey(sla.group(1)) ? String.valueOf(days.get(sla.group(1))) : "?") : "—";
            out.append("user task | ").append(form == null ? "?" : "[" + form + "](../forms/" + form + ".form)")
                .append(" | — | — | ").append(allowance).append(" |\n");
          } else if (step instanceof ServiceTask task) {
            Matcher bean = BEAN.matcher(String.valueOf(task.getCamundaDelegateExpression()));
            Optional<Class<?>> worker = bean.matches() ? worker(bean.group(1)) : Optional.empty();
            out.append("service task | — | ").append(worker.map(StepsTableTest::workerLink).orElse("?"))
                .append(" | ").append(worker.map(StepsTableTest::services).orElse("?")).append(" | — |\n");
          } else {
            out.append("calls `").append(((CallActivity) step).getCalledElement()).append("` | — | — | — | — |\n");
          }
        }
      }
    }
    return out.toString();
  }

  /** The worker class of a delegate bean: {@code assessEligibilityDelegate} is AssessEligibilityDelegate. */
  private static Optional<Class<?>> worker(String bean) throws IOException {
    String simple = Character.toUpperCase(bean.charAt(0)) + bean.substring(1);
    try (Stream<Path> files = Files.walk(Path.of("workers"))) {
      return files.filter(p -> p.getFileName().toString().equals(simple + ".java")).findFirst()
          .map(p -> Path.of("workers").relativize(p).toString().replace('/', '.').replaceAll("\\.java$", ""))
          .map(StepsTableTest::load);
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String workerLink(Class<?> worker) {
    return "[" + worker.getSimpleName() + "](../workers/" + worker.getName().replace('.', '/') + ".java)";
  }

  /** The application's services the worker is built with. */
  private static String services(Class<?> worker) {
    String names = Arrays.stream(worker.getConstructors()).map(Constructor::getParameterTypes).flatMap(Arrays::stream)
        .filter(t -> t.getName().startsWith("org.bangfu.")).map(Class::getSimpleName).distinct()
        .collect(Collectors.joining(", "));
    return names.isEmpty() ? "—" : names;
  }

  /** The process test named after the process, else the process tests that deploy its model. */
  private static String testOf(String processId) throws IOException {
    List<Path> tests;
    try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
      tests = files.filter(p -> p.toString().endsWith("ProcessTest.java")).sorted().toList();
    }
    Optional<Path> own = tests.stream().filter(p -> p.getFileName().toString().equals(processId + "Test.java"))
        .findFirst();
    List<Path> deploying = new ArrayList<>();
    for (Path test : own.map(List::of).orElse(tests)) {
      if (own.isPresent() || Files.readString(test).contains(processId + ".bpmn")) {
        deploying.add(test);
      }
    }
    return deploying.isEmpty() ? "?" : deploying.stream()
        .map(p -> "[" + p.getFileName().toString().replace(".java", "") + "](../" + p + ")")
        .collect(Collectors.joining(", "));
  }
}
