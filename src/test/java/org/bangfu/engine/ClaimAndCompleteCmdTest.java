package org.bangfu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 办理 in one request on the engine alone, for what the HTTP tests of TaskCompletionIT do not reach: a user with two
 * tasks at one step of a case (two measures of one department) is told their ids and completes each by its id; a
 * suspended task is not "at the step".
 */
class ClaimAndCompleteCmdTest {

  private static final String STEP = "Activity_Deliver";
  private static ProcessEngine engine;

  @BeforeAll
  static void engine() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("claim-and-complete");
    configuration.setJdbcUrl("jdbc:h2:mem:claim-and-complete;DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setAuthorizationEnabled(true);
    configuration.setEnforceHistoryTimeToLive(false);
    configuration.setCustomPreCommandInterceptorsTxRequired(new java.util.ArrayList<>(List.of(
        new UserErrorInterceptor())));
    configuration.setCustomPreBPMNParseListeners(new java.util.ArrayList<>(List.of(new StepLabelParseListener())));
    engine = configuration.buildProcessEngine();
    // two measures of one department: the step twice, in parallel, offered to the same group
    BpmnModelInstance model = Bpmn.createExecutableProcess("Deliveries").startEvent().userTask(STEP)
        .name("落实帮扶措施").camundaCandidateGroups("department-medins-629901")
        .multiInstance().parallel().cardinality("2").multiInstanceDone().endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance("deliveries.bpmn", model).deploy();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void twoTasksOfTheUserAtOneStepAreNamedAndCompletedOneByOne() {
    String bk = "BF629901-2026-900001";
    engine.getRuntimeService().startProcessInstanceByKey("Deliveries", bk);
    List<String> ids = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(bk).list().stream()
        .map(Task::getId).toList();
    assertThat(ids).hasSize(2);

    assertThatThrownBy(() -> atStep(bk).runOn(engine)).isInstanceOfSatisfying(CompletionRefusal.class, e -> {
      assertThat(e.status()).isEqualTo(409);
      assertThat(e.getMessage()).contains("“落实帮扶措施”环节有 2 项待办", ids.get(0), ids.get(1));
    });
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(bk).taskAssigned().count())
        .as("nothing claimed").isZero();

    ClaimAndCompleteCmd first = ClaimAndCompleteCmd.task(ids.get(0), Map.of(), handler()).runOn(engine);
    assertThat(first.taskId()).isEqualTo(ids.get(0));
    // one left: the step finds it
    ClaimAndCompleteCmd second = atStep(bk).runOn(engine);
    assertThat(second.taskId()).isEqualTo(ids.get(1));
    assertThat(second.stepName()).isEqualTo("落实帮扶措施");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(bk)
        .taskAssignee("handler_medins").finished().count()).isEqualTo(2);
  }

  @Test
  void aSuspendedCaseHasNoTaskAtTheStep() {
    String bk = "BF629901-2026-900002";
    String instance = engine.getRuntimeService().startProcessInstanceByKey("Deliveries", bk).getId();
    engine.getRuntimeService().suspendProcessInstanceById(instance);
    try {
      // the county sees the village: "not at the step" (409); the department, which does not, "not found" (404)
      ClaimAndCompleteCmd.Completer county = new ClaimAndCompleteCmd.Completer("approver_county",
          List.of("county-629901", "department-medins-629901"), false, village -> true);
      assertThatThrownBy(() -> ClaimAndCompleteCmd.step(bk, "629901100201", STEP, Map.of(), county).runOn(engine))
          .isInstanceOfSatisfying(CompletionRefusal.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.getMessage()).contains("当前没有待办理的“落实帮扶措施”环节");
          });
      assertThatThrownBy(() -> atStep(bk).runOn(engine)).isInstanceOfSatisfying(CompletionRefusal.class,
          e -> assertThat(e.status()).isEqualTo(404));
    } finally {
      engine.getRuntimeService().activateProcessInstanceById(instance);
    }
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(bk).taskAssigned().count())
        .isZero();
  }

  private static ClaimAndCompleteCmd atStep(String bk) {
    return ClaimAndCompleteCmd.step(bk, "629901100201", STEP, Map.of(), handler());
  }

  /** The county's 医保 handler: offered the step by group, not a reader of the village. */
  private static ClaimAndCompleteCmd.Completer handler() {
    return new ClaimAndCompleteCmd.Completer("handler_medins", List.of("department-medins-629901"), false,
        village -> false);
  }
}
