package org.bangfu.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bangfu.measure.MeasureImplementation.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.engine.DecisionAuditListener;
import org.bangfu.engine.InvalidDecisionException;
import org.bangfu.followup.FollowUpService;
import org.bangfu.lifecycle.LifecycleConfiguration.LifecycleCycles;
import org.bangfu.lifecycle.LifecycleProperties;
import org.bangfu.plan.Plan;
import org.bangfu.plan.PlanService;
import org.bangfu.policy.PolicyRule;
import org.bangfu.process.ProcessTestEngine;
import org.bangfu.process.TaskDriver;
import org.bangfu.workers.measure.IssueMeasuresDelegate;
import org.bangfu.workers.measure.RecordMeasureResultDelegate;
import org.bangfu.workers.measure.RecordVisitDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * MeasureImplementationProcess.bpmn: one delivery branch per measure of the plan, each routed to its county
 * department and due on the plan's date, while the village cadre visits on the configured cycle.
 */
@Deployment(resources = {"processes/MeasureImplementationProcess.bpmn", "processes/MeasureDeliveryProcess.bpmn"})
class MeasureImplementationProcessTest {

  static final CaseFileService caseFiles = mock(CaseFileService.class);

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestEngine.configuration("measure-implementation-test", new DecisionAuditListener(caseFiles)))
      .assertClassCoverageAtLeast(1.0)
      .build();

  static final String CASE_KEY = "BF-IMPL";
  ProcessEngine processEngine;
  TaskDriver tasks;
  final MeasureService measures = mock(MeasureService.class);
  final PlanService plans = mock(PlanService.class);
  final FollowUpService followUps = mock(FollowUpService.class);
  final Date dibaoDue = Date.from(Instant.now().plus(20, ChronoUnit.DAYS));

  @BeforeEach
  void setUp() {
    tasks = ProcessTestEngine.begin(processEngine);
    Mocks.register("lifecycle", new LifecycleCycles(new LifecycleProperties(null, null, null)));
    Mocks.register("measureService", measures);
    Mocks.register("issueMeasuresDelegate", new IssueMeasuresDelegate(plans, measures));
    Mocks.register("recordVisitDelegate", new RecordVisitDelegate(followUps));
    Mocks.register("recordMeasureResultDelegate", new RecordMeasureResultDelegate(measures));
    Plan plan = new Plan();
    plan.setId(7L);
    when(plans.approvedPlan(42L)).thenReturn(plan);
    when(measures.deliverableIds(42L)).thenReturn(List.of(101L, 102L));
    when(measures.department(101L)).thenReturn("CIVIL");
    when(measures.code(101L)).thenReturn("DIBAO");
    when(measures.dueDate(101L)).thenReturn(dibaoDue);
    when(measures.department(102L)).thenReturn("HRSS");
    when(measures.code(102L)).thenReturn("EMPLOYMENT");
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  @Test
  @PolicyRule({"R15", "R17"})
  void measuresRunInParallelWhileTheCadreVisitsUntilAnExitIsProposed() {
    ProcessInstance pi = start();
    verify(measures).issuePlanMeasures(eq(42L), any(Plan.class));

    Task dibao = delivery("dept-CIVIL-629901");
    Task employment = delivery("dept-HRSS-629901");
    // a plan measure is due on the plan's date; one without a date gets the standard allowance
    assertThat(dibao.getDueDate()).isEqualTo(dibaoDue);
    assertThat(employment.getDueDate()).isNotNull().isNotEqualTo(dibaoDue);
    assertThat(tasks.timer(CASE_KEY).getDuedate()).isAfter(Date.from(Instant.now().plus(29, ChronoUnit.DAYS)));

    tasks.fireTimer(CASE_KEY);
    visit("CONTINUE", null);
    verify(followUps).record(42L, "2026-10", 3000d, 0d, FollowUpService.Kinds.NONE, null, "CONTINUE", "cadre");
    assertThat(pi).isWaitingAt(DELIVER_MEASURES, VISIT_DUE);

    tasks.decide("handler", dibao, Map.of("deliveryOutcome", "DELIVERED", "deliveryResult", "低保已审批",
        "evidenceRef", "MZ-1"));
    verify(measures).recordResult(eq(101L), eq("DELIVERED"), any(), eq("低保已审批"), eq("MZ-1"), eq("handler"));

    // proposed while a measure is still open: the exit review waits for the last delivery
    tasks.fireTimer(CASE_KEY);
    visit("PROPOSE_EXIT", "收入稳定");
    assertThat(pi).isActive();
    assertThat(runtimeService().getVariable(pi.getId(), "implementationOutcome")).isEqualTo("EXIT_PROPOSED");
    tasks.decide("handler2", employment, Map.of("deliveryOutcome", "DELIVERED", "deliveryResult", "已安置就业",
        "evidenceRef", "RS-1"));
    assertThat(pi).isEnded().hasPassed(READY_FOR_EXIT);
  }

  @Test
  @PolicyRule("R17")
  void aNewRiskEndsTheImplementationForAPlanRevision() {
    ProcessInstance pi = start();
    tasks.fireTimer(CASE_KEY);

    assertThatThrownBy(() -> visit("NEW_RISK", null)).isInstanceOf(InvalidDecisionException.class)
        .hasMessageContaining("必须填写理由");
    visit("NEW_RISK", "户主住院，医疗支出大");

    assertThat(pi).isEnded().hasPassed(PLAN_REVISION_NEEDED);
    assertThat(tasks.tasks(CASE_KEY)).as("the open deliveries stop with it").isEmpty();
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("planRevisionReason").singleResult().getValue()).isEqualTo("回访发现新的风险：户主住院，医疗支出大");
  }

  @Test
  @PolicyRule("R30")
  void aVisitThatFindsTheHouseholdGoneEndsTheImplementationAsANaturalExit() {
    ProcessInstance pi = start();
    tasks.fireTimer(CASE_KEY);

    assertThatThrownBy(() -> visit("NATURAL_EXIT", null)).isInstanceOf(InvalidDecisionException.class)
        .hasMessageContaining("必须填写理由");
    visit("NATURAL_EXIT", "户主去世，唯一成员，户籍已注销");

    assertThat(pi).isEnded().hasPassed("Event_NaturalExit");
    assertThat(tasks.tasks(CASE_KEY)).as("the open deliveries stop with it").isEmpty();
    var history = processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId());
    assertThat(history.variableName("implementationOutcome").singleResult().getValue()).isEqualTo("NATURAL_EXIT");
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("naturalExitReason").singleResult().getValue()).isEqualTo("户主去世，唯一成员，户籍已注销");
  }

  @Test
  void aWrongIncomeIsRefusedAndTheVisitStaysOpen() {
    start();
    tasks.fireTimer(CASE_KEY);
    when(followUps.record(any(), any(), anyDouble(), any(), any(FollowUpService.Kinds.class), any(), anyString(),
        any()))
        .thenThrow(new InvalidDecisionException("visitNetIncome", "当月家庭纯收入应在0到1000万元之间"));

    assertThatThrownBy(() -> visit("CONTINUE", null)).hasMessageContaining("当月家庭纯收入");
    assertThat(tasks.taskAt(CASE_KEY, FOLLOW_UP_VISIT)).isNotNull();
    verify(measures, never()).recordResult(any(), any(), any(), any(), any(), any());
  }

  private Task delivery(String group) {
    return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(CASE_KEY)
        .taskCandidateGroup(group).singleResult();
  }

  private void visit(String outcome, String changes) {
    Task visit = tasks.taskAt(CASE_KEY, FOLLOW_UP_VISIT);
    if (visit.getAssignee() == null) {
      assertThat(visit).hasCandidateGroup("village-629901100201");
    }
    java.util.Map<String, Object> variables = new java.util.HashMap<>(Map.of("visitPeriod", "2026-10",
        "visitNetIncome", 3000, "visitRigidSpending", 0, "visitOutcome", outcome));
    variables.put("visitChanges", changes);
    tasks.decide("cadre", visit, variables);
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(KEY, CASE_KEY, Variables.createVariables()
        .putValue("caseId", 42L).putValue("villageCode", "629901100201").putValue("townshipCode", "629901100")
        .putValue("countyCode", "629901"));
  }
}
