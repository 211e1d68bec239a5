package org.bangfu.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bangfu.exit.ExitReview.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.engine.DecisionAuditListener;
import org.bangfu.engine.InvalidDecisionException;
import org.bangfu.exit.ExitService.Assessment;
import org.bangfu.exit.ExitService.HomeFindings;
import org.bangfu.policy.PolicyRule;
import org.bangfu.process.ProcessTestEngine;
import org.bangfu.process.TaskDriver;
import org.bangfu.workers.exit.AssessExitDelegate;
import org.bangfu.workers.exit.PublishExitNoticeDelegate;
import org.bangfu.workers.exit.RecordEliminationDelegate;
import org.bangfu.workers.exit.RecordNotYetDelegate;
import org.bangfu.workers.exit.RecordTrackingDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ExitReviewProcess.bpmn: verification, the DMN, review and notice, township, county; every "not yet". */
@Deployment(resources = "processes/ExitReviewProcess.bpmn")
class ExitReviewProcessTest {

  static final CaseFileService caseFiles = mock(CaseFileService.class);

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestEngine.configuration("exit-review-test", new DecisionAuditListener(caseFiles)))
      .assertClassCoverageAtLeast(1.0)
      .build();

  static final String CASE_KEY = "BF-EXIT";
  ProcessEngine processEngine;
  TaskDriver tasks;
  ProcessInstance pi;
  final ExitService exits = mock(ExitService.class);

  @BeforeEach
  void setUp() {
    tasks = ProcessTestEngine.begin(processEngine);
    Mocks.register("assessExitDelegate", new AssessExitDelegate(exits));
    Mocks.register("publishExitNoticeDelegate", new PublishExitNoticeDelegate(exits));
    Mocks.register("recordEliminationDelegate", new RecordEliminationDelegate(exits));
    Mocks.register("recordTrackingDelegate", new RecordTrackingDelegate(exits));
    Mocks.register("recordNotYetDelegate", new RecordNotYetDelegate(exits));
    assessed("ELIGIBLE", "满足风险消除条件");
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  @Test
  @PolicyRule("R20")
  void anEligibleHouseholdIsReviewedNoticedAndMarkedEliminated() {
    start();
    assertThat(tasks.taskAt(CASE_KEY, HOME_VERIFICATION)).hasCandidateGroup("village-629901100201");
    verified();
    verify(exits).assess(42L, new HomeFindings(true, true, true, false));

    assertThat(tasks.taskAt(CASE_KEY, DEMOCRATIC_REVIEW)).hasCandidateGroup("village-629901100201");
    decide("cadre", DEMOCRATIC_REVIEW, "exitReviewDecision", "PASS", null);
    verify(exits).noticePublished(42L, "P5D");
    assertThat(pi).isWaitingAt(NOTICE_OUTCOME);
    assertThat(tasks.timer(CASE_KEY).getDuedate()).isAfter(Date.from(Instant.now().plus(4, ChronoUnit.DAYS)));
    tasks.fireTimer(CASE_KEY);

    assertThat(tasks.taskAt(CASE_KEY, TOWNSHIP_REVIEW)).hasCandidateGroup("township-629901100");
    decide("reviewer", TOWNSHIP_REVIEW, "exitTownshipDecision", "APPROVE", null);
    assertThat(tasks.taskAt(CASE_KEY, COUNTY_APPROVAL)).hasCandidateGroup("county-629901");
    decide("approver", COUNTY_APPROVAL, "exitCountyDecision", "APPROVE", null);

    verify(exits).eliminate(42L, "approver");
    assertThat(pi).isEnded().hasPassed(ELIMINATED);
    assertThat(outcome()).isEqualTo("ELIMINATED");
  }

  @Test
  void theVillageCanSayNotYetWithAReason() {
    start();
    assertThatThrownBy(() -> decide("cadre", HOME_VERIFICATION, "exitVerifyDecision", "NOT_YET", null))
        .isInstanceOf(InvalidDecisionException.class);
    decide("cadre", HOME_VERIFICATION, "exitVerifyDecision", "NOT_YET", "医疗费用仍在增加");
    verify(exits, never()).assess(any(), any());
    verify(exits).notYet(42L, "医疗费用仍在增加", false);
    assertThat(pi).isEnded().hasPassed(NOT_YET);
    assertThat(outcome()).isEqualTo("NOT_YET");
  }

  @Test
  void theDmnSaysNotYet() {
    assessed("NOT_YET", "纳入监测未满6个月");
    start();
    verified();
    verify(exits).notYet(42L, "纳入监测未满6个月", false);
    assertThat(pi).isEnded().hasPassed(NOT_YET);
  }

  @Test
  @PolicyRule({"R21", "R29"})
  void aNoLabourHouseholdUnderTheSafetyNetIsTrackedOnceTheTownshipConfirms() {
    assessed("TRACKING", "无劳动能力、享受兜底保障，不标注风险消除，转为持续跟踪");
    start();
    verified();
    assertThat(pi).isWaitingAt(CONFIRM_TRACKING);
    assertThat(tasks.taskAt(CASE_KEY, CONFIRM_TRACKING)).hasCandidateGroup("township-629901100");
    verify(exits, never()).track(any(), any(), any());
    decide("reviewer", CONFIRM_TRACKING, "trackingConfirmDecision", "TRACKING", "夫妇均年过七十，靠低保生活");
    verify(exits).track(42L, "无劳动能力、享受兜底保障，不标注风险消除，转为持续跟踪；乡镇确认：夫妇均年过七十，靠低保生活",
        "reviewer");
    verify(exits, never()).eliminate(any(), any());
    assertThat(pi).isEnded().hasPassed(TRACKING);
    assertThat(outcome()).isEqualTo("TRACKING");
  }

  @Test
  @PolicyRule({"R21", "R29"})
  void theTownshipMayKeepHelpingInsteadOfTracking() {
    assessed("TRACKING", "无劳动能力、享受兜底保障，不标注风险消除，转为持续跟踪");
    start();
    verified();
    decide("reviewer", CONFIRM_TRACKING, "trackingConfirmDecision", "CONTINUE", "儿子即将返乡就业，先继续帮扶");
    verify(exits, never()).track(any(), any(), any());
    assertThat(pi).isEnded().hasPassed(NOT_YET);
  }

  @Test
  @PolicyRule({"R08", "R20"})
  void anObjectionDuringTheNoticeGoesBackToTheReviewWhichCanRefuse() {
    start();
    verified();
    decide("cadre", DEMOCRATIC_REVIEW, "exitReviewDecision", "PASS", null);
    runtimeService().createMessageCorrelation(MESSAGE_OBJECTION).processInstanceBusinessKey(CASE_KEY)
        .setVariable("exitObjectionText", "该户仍有大额欠款").correlate();
    assertThat(pi).isWaitingAt(DEMOCRATIC_REVIEW);
    decide("cadre", DEMOCRATIC_REVIEW, "exitReviewDecision", "NOT_PASS", "欠款未解决");
    verify(exits).notYet(42L, "欠款未解决", false);
    assertThat(pi).isEnded().hasPassed(NOT_YET);
  }

  @Test
  void theTownshipCanSendTheCaseBackForAPlanRevision() {
    toTownship();
    Map<String, Object> variables = new HashMap<>(Map.of("exitTownshipDecision", "RETURN",
        "exitTownshipReason", "就业不稳定", "exitRevisePlan", true));
    tasks.decide("reviewer", tasks.taskAt(CASE_KEY, TOWNSHIP_REVIEW), variables);
    verify(exits).notYet(42L, "就业不稳定", true);
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    assertThat(historic("planRevisionReason")).isEqualTo("风险消除审核意见：就业不稳定");
  }

  @Test
  void theCountyCanSayNotYet() {
    toTownship();
    decide("reviewer", TOWNSHIP_REVIEW, "exitTownshipDecision", "APPROVE", null);
    decide("approver", COUNTY_APPROVAL, "exitCountyDecision", "RETURN", "收入稳定时间不足");
    verify(exits).notYet(42L, "收入稳定时间不足", false);
    verify(exits, never()).eliminate(any(), any());
    assertThat(pi).isEnded().hasPassed(NOT_YET);
  }

  private void toTownship() {
    start();
    verified();
    decide("cadre", DEMOCRATIC_REVIEW, "exitReviewDecision", "PASS", null);
    tasks.fireTimer(CASE_KEY);
  }

  private void verified() {
    tasks.decide("cadre", tasks.taskAt(CASE_KEY, HOME_VERIFICATION), Map.of("rigidSpendingControllable", true,
        "basicNeedsSecured", true, "drinkingWaterSecured", true, "exitVerifyDecision", "CONFIRM"));
  }

  private void decide(String user, String activity, String decisionVariable, String decision, String reason) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(decisionVariable, decision);
    variables.put(decisionVariable.replace("Decision", "Reason"), reason);
    tasks.decide(user, tasks.taskAt(CASE_KEY, activity), variables);
  }

  private void assessed(String outcome, String reason) {
    when(exits.assess(eq(42L), any())).thenReturn(new Assessment(outcome, reason, 7, 2,
        new ExitService.IncomeWindow(6, 6, java.time.YearMonth.of(2027, 1), java.time.YearMonth.of(2027, 6),
            BigDecimal.valueOf(12000)), BigDecimal.TEN, false,
        false));
  }

  private Object outcome() {
    return historic("exitOutcome");
  }

  private Object historic(String name) {
    return processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(name).singleResult().getValue();
  }

  private void start() {
    pi = runtimeService().startProcessInstanceByKey(KEY, CASE_KEY, Variables.createVariables()
        .putValue("caseId", 42L).putValue("villageCode", "629901100201").putValue("townshipCode", "629901100")
        .putValue("countyCode", "629901").putValue("exitNoticeDuration", "P5D"));
  }
}
