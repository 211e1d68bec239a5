package org.bangfu.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bangfu.lifecycle.AssistanceCase.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.engine.DecisionAuditListener;
import org.bangfu.engine.InvalidDecisionException;
import org.bangfu.policy.PolicyRule;
import org.bangfu.process.ProcessTestEngine;
import org.bangfu.process.TaskDriver;
import org.bangfu.workers.lifecycle.RecordTrackingCheckDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AssistanceCaseProcess.bpmn: the routing between the stages of a case. The called processes are replaced by stubs
 * that wait and return the outcome a test gives them; each stage has its own process test, and LifecycleIT runs the
 * real tree on MariaDB.
 */
@Deployment(resources = "processes/AssistanceCaseProcess.bpmn")
class AssistanceCaseProcessTest {

  static final CaseFileService caseFiles = mock(CaseFileService.class);
  static final List<String> CALLED = List.of("RiskIdentificationProcess", "HouseholdPlanProcess",
      "MeasureImplementationProcess", "ExitReviewProcess");

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestEngine.configuration("assistance-case-test", new DecisionAuditListener(caseFiles)))
      .assertClassCoverageAtLeast(1.0)
      .build();

  static final String CASE_KEY = "BF629901-2026-000042";
  final org.bangfu.lifecycle.LifecycleService lifecycle = mock(org.bangfu.lifecycle.LifecycleService.class);
  ProcessEngine processEngine;
  TaskDriver tasks;
  ProcessInstance pi;
  String stubDeployment;

  @BeforeEach
  void setUp() {
    tasks = ProcessTestEngine.begin(processEngine);
    Mocks.register("lifecycle", new LifecycleConfiguration.LifecycleCycles(new LifecycleProperties(null, null, null)));
    Mocks.register("recordTrackingCheckDelegate", new RecordTrackingCheckDelegate());
    Mocks.register("recordNaturalExitDelegate", new org.bangfu.workers.lifecycle.RecordNaturalExitDelegate(lifecycle));
    var deployment = processEngine.getRepositoryService().createDeployment().name("stubs");
    for (String key : CALLED) {
      deployment.addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
          .startEvent().receiveTask("Activity_Stub").endEvent().done());
    }
    stubDeployment = deployment.deploy().getId();
  }

  @AfterEach
  void tearDown() {
    processEngine.getRepositoryService().deleteDeployment(stubDeployment, true);
    Mocks.reset();
  }

  @Test
  void aRejectedIdentificationEndsTheCase() {
    start(null);
    Execution identification = waitingIn("RiskIdentificationProcess");
    assertThat(runtimeService().getVariable(identification.getProcessInstanceId(), "riskTypes")).isEqualTo("ILLNESS");
    finish("RiskIdentificationProcess", Map.of("identificationOutcome", "REJECTED"));
    assertThat(pi).isEnded().hasPassed(CASE_REJECTED);
  }

  @Test
  void newRisksAndNotYetExitsLoopBackUntilTheRiskIsEliminated() {
    start(null);
    finish("RiskIdentificationProcess", Map.of("identificationOutcome", "INCLUDED", "householdType", "TPBWD"));
    Execution plan = waitingIn("HouseholdPlanProcess");
    // the plan gets the case's references, not the identification's 15-day deadline (that would cap its tasks)
    assertThat(runtimeService().getVariable(plan.getProcessInstanceId(), "caseId")).isEqualTo(42L);
    assertThat(runtimeService().getVariables(plan.getProcessInstanceId())).doesNotContainKey("identificationDeadline");
    assertThat(runtimeService().getVariable(plan.getProcessInstanceId(), "planRevisionReason")).isNull();
    finish("HouseholdPlanProcess", Map.of());

    finish("MeasureImplementationProcess", Map.of("implementationOutcome", "NEW_RISK",
        "planRevisionReason", "回访发现新的风险：住院"));
    assertThat(runtimeService().getVariable(waitingIn("HouseholdPlanProcess").getProcessInstanceId(),
        "planRevisionReason")).isEqualTo("回访发现新的风险：住院");
    finish("HouseholdPlanProcess", Map.of());

    finish("MeasureImplementationProcess", Map.of("implementationOutcome", "EXIT_PROPOSED"));
    String exit = waitingIn("ExitReviewProcess").getProcessInstanceId();
    assertThat(runtimeService().getVariable(exit, "exitNoticeDuration")).isEqualTo("P5D");
    // every stage's forms show the case's risks
    assertThat(runtimeService().getVariable(exit, "riskTypeLabels")).isEqualTo("因病");
    finish("ExitReviewProcess", Map.of("exitOutcome", "NOT_YET", "exitRevisePlan", false));
    finish("MeasureImplementationProcess", Map.of("implementationOutcome", "EXIT_PROPOSED"));
    finish("ExitReviewProcess", Map.of("exitOutcome", "NOT_YET", "exitRevisePlan", true,
        "planRevisionReason", "风险消除审核意见：就业不稳定"));
    finish("HouseholdPlanProcess", Map.of());
    finish("MeasureImplementationProcess", Map.of("implementationOutcome", "EXIT_PROPOSED"));
    finish("ExitReviewProcess", Map.of("exitOutcome", "ELIMINATED"));

    assertThat(pi).isEnded().hasPassed(RISK_ELIMINATED);
    assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(HOUSEHOLD_PLAN).count()).isEqualTo(3);
  }

  @Test
  @PolicyRule("R21")
  void aTrackedHouseholdIsCheckedEveryYear() {
    start(null);
    finish("RiskIdentificationProcess", Map.of("identificationOutcome", "INCLUDED"));
    finish("HouseholdPlanProcess", Map.of());
    finish("MeasureImplementationProcess", Map.of("implementationOutcome", "EXIT_PROPOSED"));
    finish("ExitReviewProcess", Map.of("exitOutcome", "TRACKING"));

    assertThat(pi).isWaitingAt(YEARLY_CHECK_DUE);
    assertThat(tasks.timer(CASE_KEY).getDuedate()).isAfter(Date.from(Instant.now().plus(364, ChronoUnit.DAYS)));
    tasks.fireTimer(CASE_KEY);
    assertThat(tasks.taskAt(CASE_KEY, YEARLY_TRACKING_CHECK)).hasCandidateGroup("village-629901100201");
    check("CONTINUE", null);
    assertThat(pi).isWaitingAt(YEARLY_CHECK_DUE);

    tasks.fireTimer(CASE_KEY);
    assertThatThrownBy(() -> check("NEW_RISK", null)).isInstanceOf(InvalidDecisionException.class);
    check("NEW_RISK", "老人摔伤，需要护理");
    assertThat(runtimeService().getVariable(waitingIn("HouseholdPlanProcess").getProcessInstanceId(),
        "planRevisionReason")).isEqualTo("年度核查发现新的风险：老人摔伤，需要护理");
    finish("HouseholdPlanProcess", Map.of());
    finish("MeasureImplementationProcess", Map.of("implementationOutcome", "EXIT_PROPOSED"));
    finish("ExitReviewProcess", Map.of("exitOutcome", "TRACKING"));

    tasks.fireTimer(CASE_KEY);
    check("REVIEW_EXIT", "儿子返乡务工，家庭有了劳动力");
    waitingIn("ExitReviewProcess");
  }

  @Test
  @PolicyRule("R30")
  void aVisitThatFindsTheHouseholdGoneClosesTheCaseAsNaturallyEliminated() {
    start(null);
    finish("RiskIdentificationProcess", Map.of("identificationOutcome", "INCLUDED"));
    finish("HouseholdPlanProcess", Map.of());
    finish("MeasureImplementationProcess", Map.of("implementationOutcome", "NATURAL_EXIT",
        "naturalExitReason", "户主于2026年11月去世，唯一成员，户籍已注销"));
    org.mockito.Mockito.verify(lifecycle).naturalExit(42L, "户主于2026年11月去世，唯一成员，户籍已注销", null);
    assertThat(pi).isEnded().hasPassed("Activity_RecordNaturalExit", "Event_NaturallyEliminated");
  }

  @Test
  @PolicyRule("R30")
  void aTrackingCheckThatFindsTheHouseholdGoneClosesTheCaseToo() {
    start(null);
    finish("RiskIdentificationProcess", Map.of("identificationOutcome", "INCLUDED"));
    finish("HouseholdPlanProcess", Map.of());
    finish("MeasureImplementationProcess", Map.of("implementationOutcome", "EXIT_PROPOSED"));
    finish("ExitReviewProcess", Map.of("exitOutcome", "TRACKING"));
    tasks.fireTimer(CASE_KEY);
    assertThatThrownBy(() -> check("NATURAL_EXIT", null)).isInstanceOf(InvalidDecisionException.class);
    check("NATURAL_EXIT", "夫妇二人均已去世，户籍注销");
    org.mockito.Mockito.verify(lifecycle).naturalExit(42L, "夫妇二人均已去世，户籍注销", "cadre");
    assertThat(pi).isEnded().hasPassed("Event_NaturallyEliminated");
  }

  @Test
  @PolicyRule("R22")
  void aRolledBackEliminationResumesAtTheMeasures() {
    start(RESUME_AT_MEASURES);
    assertThat(pi).isWaitingAt(MEASURE_IMPLEMENTATION);
    waitingIn("MeasureImplementationProcess");
  }

  private void check(String decision, String findings) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("trackingDecision", decision);
    variables.put("trackingFindings", findings);
    tasks.decide("cadre", tasks.taskAt(CASE_KEY, YEARLY_TRACKING_CHECK), variables);
  }

  /** The stub of this called process, waiting; it carries the case's business key. */
  private Execution waitingIn(String key) {
    Execution execution = runtimeService().createExecutionQuery().processDefinitionKey(key)
        .activityId("Activity_Stub").singleResult();
    assertThat(execution).as("%s is running", key).isNotNull();
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(execution.getProcessInstanceId())
        .singleResult().getBusinessKey()).isEqualTo(CASE_KEY);
    return execution;
  }

  private void finish(String key, Map<String, Object> outcome) {
    runtimeService().signal(waitingIn(key).getId(), outcome);
  }

  private void start(String resumeAt) {
    VariableMap variables = Variables.createVariables().putValue("caseId", 42L).putValue("householdId", 9L)
        .putValue("villageCode", "629901100201").putValue("townshipCode", "629901100")
        .putValue("countyCode", "629901").putValue("riskTypes", "ILLNESS").putValue("riskTypeLabels", "因病")
        .putValue("identificationDeadline", new Date());
    if (resumeAt != null) {
      variables.putValue("resumeAt", resumeAt);
    }
    pi = runtimeService().startProcessInstanceByKey(KEY, CASE_KEY, variables);
  }
}
