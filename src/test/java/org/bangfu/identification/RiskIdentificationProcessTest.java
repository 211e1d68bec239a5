package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bangfu.identification.RiskIdentification.*;
import static org.bangfu.shared.CaseVariables.CASE_ID;
import static org.bangfu.shared.CaseVariables.COUNTY_CODE;
import static org.bangfu.shared.CaseVariables.HOUSEHOLD_ID;
import static org.bangfu.shared.CaseVariables.TOWNSHIP_CODE;
import static org.bangfu.shared.CaseVariables.VILLAGE_CODE;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.casefile.StepLabels;
import org.bangfu.engine.DecisionAuditListener;
import org.bangfu.engine.InvalidDecisionException;
import org.bangfu.policy.PolicyRule;
import org.bangfu.process.ProcessTestEngine;
import org.bangfu.workers.identification.AssessEligibilityDelegate;
import org.bangfu.workers.identification.PublishNoticeDelegate;
import org.bangfu.workers.identification.RecordIncomeRecordsDelegate;
import org.bangfu.workers.identification.RecordInclusionDelegate;
import org.bangfu.workers.identification.RecordRejectionDelegate;
import org.bangfu.workers.identification.StartUrgentMeasuresDelegate;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RiskIdentificationProcess.bpmn: the happy path and every return, rejection, objection and green channel. */
@Deployment(resources = "processes/RiskIdentificationProcess.bpmn")
class RiskIdentificationProcessTest {

  static final CaseFileService caseFiles = mock(CaseFileService.class);

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestEngine.configuration("risk-identification-test", new DecisionAuditListener(caseFiles)))
      .assertClassCoverageAtLeast(1.0)
      .build();

  static final long CASE = 42L;
  static final String VILLAGE = "629901100201";

  ProcessEngine processEngine;
  ProcessInstance current;
  final IdentificationService identification = mock(IdentificationService.class);
  Date deadline;

  @BeforeEach
  void setUp() {
    ProcessTestEngine.begin(processEngine);
    reset(caseFiles);
    Mocks.register("assessEligibilityDelegate", new AssessEligibilityDelegate(identification));
    Mocks.register("startUrgentMeasuresDelegate", new StartUrgentMeasuresDelegate(identification));
    Mocks.register("publishNoticeDelegate", new PublishNoticeDelegate(identification));
    Mocks.register("recordInclusionDelegate", new RecordInclusionDelegate(identification));
    Mocks.register("recordRejectionDelegate", new RecordRejectionDelegate(identification));
    Mocks.register("recordIncomeRecordsDelegate", new RecordIncomeRecordsDelegate(identification));
    Mocks.register("recordTownshipJudgementDelegate",
        new org.bangfu.workers.identification.RecordTownshipJudgementDelegate(identification));
    when(identification.recordTownshipJudgement(eq(CASE), anyString(), anyString()))
        .thenAnswer(call -> call.getArgument(1));
    eligible("TPBWD");
    deadline = Date.from(Instant.now().plus(15, ChronoUnit.DAYS));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    processEngine.getIdentityService().clearAuthentication();
  }

  /** The engine's parse of the deployed model names its system steps for the case's audit (StepLabels). */
  @Test
  void theAuditNamesTheSystemStepsAsTheDeployedModelDoes() {
    assertThat(StepLabels.of(RiskIdentification.ASSESS_ELIGIBILITY)).isEqualTo("监测范围测算（规则提示）");
    assertThat(StepLabels.of(RiskIdentification.RECORD_INCLUSION)).isEqualTo("纳入监测对象并公告");
  }

  @Test
  @PolicyRule({"R05", "R07", "R08", "R09", "R10"})
  void cadreScreeningGoesThroughEveryLevelToInclusion() {
    ProcessInstance pi = start("CADRE_SCREENING", false);

    assertThat(pi).isWaitingAt(VERIFY_HOUSEHOLD);
    assertThat(task()).hasCandidateGroup("village-" + VILLAGE);
    assertThat(task().getDueDate()).isNotNull().isBeforeOrEqualTo(deadline);
    // followed up a working day before it is due (or now, when that has passed)
    assertThat(task().getFollowUpDate()).isNotNull().isBefore(task().getDueDate())
        .isAfterOrEqualTo(Date.from(Instant.now().minus(1, ChronoUnit.MINUTES)));
    decide("cadre", Map.of("authorisationSigned", true, "verifyFindings", "属实", "verifyDecision", "CONFIRM"));

    verify(identification).assess(eq(CASE), any(TriggerFacts.class));
    assertThat(pi).hasPassed(ASSESS_ELIGIBILITY).isWaitingAt(CROSS_CHECK_ASSETS, DEMOCRATIC_REVIEW);
    assertThat(taskAt(CROSS_CHECK_ASSETS)).hasCandidateGroup("county-629901");
    assertThat(taskAt(DEMOCRATIC_REVIEW)).hasCandidateGroup("village-" + VILLAGE);
    complete(taskAt(CROSS_CHECK_ASSETS), withVariables("assetCheckResult", "CLEAR"));
    complete(taskAt(DEMOCRATIC_REVIEW), withVariables("reviewDecision", "PASS"));

    verify(identification).noticePublished(CASE, "P5D");
    assertThat(pi).isWaitingAt(NOTICE_OUTCOME);
    assertThat(job().getDuedate()).isAfter(Date.from(Instant.now().plus(4, ChronoUnit.DAYS)));
    execute(job());

    assertThat(pi).isWaitingAt(TOWNSHIP_REVIEW);
    assertThat(task()).hasCandidateGroup("township-629901100");
    complete(task(), withVariables("townshipDecision", "APPROVE"));
    assertThat(pi).isWaitingAt(COUNTY_APPROVAL);
    assertThat(task()).hasCandidateGroup("county-629901");
    decide("county_approver", Map.of("countyDecision", "APPROVE"));

    assertThat(pi).isEnded().hasPassed(RECORD_INCLUSION, INCLUDED).hasNotPassed(RECORD_REJECTION);
    verify(identification).include(CASE, "TPBWD", "county_approver");
    verify(caseFiles).audit(eq(CASE), eq(COUNTY_APPROVAL), eq("县级审定"), eq("APPROVE"), isNull(),
        eq("county_approver"), anyString());
  }

  @Test
  @PolicyRule("R04")
  void selfApplicationIsAcceptedByTheTownshipFirst() {
    ProcessInstance pi = start("SELF_APPLICATION", false);
    assertThat(pi).isWaitingAt(ACCEPT_APPLICATION);
    assertThat(task()).hasCandidateGroup("township-629901100");
    complete(task(), withVariables("applicationDecision", "ACCEPT"));
    assertThat(pi).isWaitingAt(VERIFY_HOUSEHOLD);
  }

  @Test
  void townshipRefusesAnApplicationWithAReason() {
    ProcessInstance pi = start("SELF_APPLICATION", false);
    decide("reviewer", Map.of("applicationDecision", "REJECT", "applicationReason", "非本乡镇户籍"));
    assertThat(pi).isEnded().hasPassed(RECORD_REJECTION, REJECTED);
    verify(identification).reject(CASE, "reviewer", "乡镇受理农户申请", "非本乡镇户籍");
  }

  @Test
  void villageFindsTheSignalUntrue() {
    ProcessInstance pi = start("DEPARTMENT_SIGNAL", false);
    decide("cadre", Map.of("verifyDecision", "REJECT", "verifyReason", "农户已迁出本村"));
    assertThat(pi).isEnded().hasPassed(RECORD_REJECTION).hasNotPassed(ASSESS_ELIGIBILITY);
    verify(identification).reject(CASE, "cadre", "入户核实", "农户已迁出本村");
  }

  @Test
  @PolicyRule({"R13", "R29"})
  void aHouseholdTheRulesCallOutOfRangeGoesToTheTownshipWhichMayGoOn() {
    outOfRange();
    ProcessInstance pi = start("SELF_APPLICATION", false);
    complete(task(), withVariables("applicationDecision", "ACCEPT"));
    verifyConfirmed();

    assertThat(pi).isWaitingAt(REVIEW_OUT_OF_RANGE).hasNotPassed(RECORD_REJECTION);
    assertThat(task()).hasCandidateGroup("township-629901100");
    assertThat(pi).variables().containsEntry("eligibilityReason", "规则提示：人均纯收入不低于监测线")
        .containsEntry("lineSource", "示例（演示地区）");
    Task review = task();
    assertThatThrownBy(() -> decide("reviewer", review, Map.of("outOfRangeDecision", "PROCEED")))
        .isInstanceOf(InvalidDecisionException.class).hasMessage("选择“继续识别程序”时必须填写理由");
    decide("reviewer", Map.of("outOfRangeDecision", "PROCEED", "proposedHouseholdType", "BYYZP",
        "outOfRangeReason", "主要劳动力刚失业，收入明显下降"));

    assertThat(pi).isWaitingAt(CROSS_CHECK_ASSETS, DEMOCRATIC_REVIEW);
    assertThat(pi).variables().containsEntry("householdType", "BYYZP");
    verify(identification).recordTownshipJudgement(CASE, "BYYZP", "reviewer");
    verify(caseFiles).audit(CASE, REVIEW_OUT_OF_RANGE, "乡镇研判（规则提示不在监测范围）", "PROCEED",
        "主要劳动力刚失业，收入明显下降", "reviewer", review.getId());
    verify(identification, never()).reject(anyLong(), any(), any(), any());
  }

  @Test
  @PolicyRule({"R13", "R29"})
  void aRejectionAfterTheRulesHintHasAPersonAndAReason() {
    outOfRange();
    ProcessInstance pi = start("CADRE_SCREENING", false);
    verifyConfirmed();
    decide("reviewer", Map.of("outOfRangeDecision", "REJECT", "outOfRangeReason", "家庭有稳定工资收入，无返贫风险"));

    assertThat(pi).isEnded().hasPassed(RECORD_REJECTION).hasNotPassed(DEMOCRATIC_REVIEW);
    verify(identification).reject(CASE, "reviewer", "乡镇研判（规则提示不在监测范围）", "家庭有稳定工资收入，无返贫风险");
    verify(identification, never()).reject(anyLong(), eq(CaseFileService.SYSTEM), any(), any());
  }

  @Test
  @PolicyRule("R02")
  void aMissingLineStopsTheTestAndTheCountyIsAskedThenItRunsAgain() {
    String message = "省份代码 62（地市 6299）2027 年的监测收入线尚未配置";
    when(identification.assess(eq(CASE), any()))
        .thenReturn(new IdentificationService.Assessment(null, ERROR_LINE_MISSING, message))
        .thenReturn(eligibleAssessment("TPBWD"));
    ProcessInstance pi = start("CADRE_SCREENING", false);
    verifyConfirmed();

    assertThat(pi).isWaitingAt(MONITORING_LINE_MISSING).hasNotPassed(REVIEW_OUT_OF_RANGE);
    assertThat(task()).hasCandidateGroup("county-629901");
    assertThat(pi).variables().containsEntry("assessmentProblem", message);
    decide("approver", Map.of("lineDecision", "RECHECK"));

    verify(identification, org.mockito.Mockito.times(2)).assess(eq(CASE), any());
    assertThat(pi).isWaitingAt(CROSS_CHECK_ASSETS, DEMOCRATIC_REVIEW);
  }

  @Test
  @PolicyRule("R28")
  void unrecordedMonthsAreCompletedByTheVillageBeforeTheTest() {
    String message = "发现风险前12个月中有 2 个月没有收入记录：2026-03、2026-04";
    when(identification.assess(eq(CASE), any()))
        .thenReturn(new IdentificationService.Assessment(null, ERROR_INCOME_INCOMPLETE, message))
        .thenReturn(eligibleAssessment("BYYZP"));
    ProcessInstance pi = start("CADRE_SCREENING", false);
    verifyConfirmed();

    assertThat(pi).isWaitingAt(COMPLETE_INCOME_RECORDS);
    assertThat(task()).hasCandidateGroup("village-" + VILLAGE);
    assertThat(pi).variables().containsEntry("assessmentProblem", message);
    decide("cadre", Map.of("incomeLines", "2026-03 1500\n2026-04 1600 200", "incomeDecision", "INCOMES_COMPLETED"));

    verify(identification).recordIncomeLines(CASE, "2026-03 1500\n2026-04 1600 200", "cadre");
    verify(identification, org.mockito.Mockito.times(2)).assess(eq(CASE), any());
    assertThat(pi).hasPassed(RECORD_INCOME_RECORDS).isWaitingAt(CROSS_CHECK_ASSETS, DEMOCRATIC_REVIEW);
  }

  @Test
  @PolicyRule("R03")
  void theSharpIncomeDropConfirmedAtHomeIsGivenToTheTest() {
    start("CADRE_SCREENING", false);
    complete(task(), withVariables("authorisationSigned", true, "verifyFindings", "家中唯一劳动力失业",
        "sharpIncomeDrop", true, "verifyDecision", "CONFIRM"));
    org.mockito.ArgumentCaptor<TriggerFacts> facts = org.mockito.ArgumentCaptor.forClass(TriggerFacts.class);
    verify(identification).assess(eq(CASE), facts.capture());
    assertThat(facts.getValue().sharpIncomeDrop()).isTrue();
  }

  @Test
  @PolicyRule({"R06", "R13"})
  void assetCheckHitEndsTheReviewAndRejects() {
    ProcessInstance pi = startAt(VILLAGE_REVIEW);
    decide("county_approver", taskAt(CROSS_CHECK_ASSETS),
        Map.of("assetCheckResult", "EXCLUDED", "assetCheckReason", "家庭成员有财政供养人员"));
    assertThat(pi).isEnded().hasPassed(RECORD_REJECTION).hasNotPassed(TOWNSHIP_REVIEW);
    assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    verify(identification).reject(CASE, "county_approver", "县级信息比对（资产核查）", "家庭成员有财政供养人员");
  }

  @Test
  void democraticReviewCanReject() {
    ProcessInstance pi = startAt(VILLAGE_REVIEW);
    complete(taskAt(DEMOCRATIC_REVIEW), withVariables("reviewDecision", "REJECT", "reviewReason", "评议认为收入稳定"));
    assertThat(pi).isEnded().hasPassed(RECORD_REJECTION);
    verify(identification).reject(eq(CASE), anyString(), eq("村级民主评议"), eq("评议认为收入稳定"));
  }

  @Test
  @PolicyRule("R08")
  void anObjectionDuringTheNoticeReturnsTheCaseToTheReview() {
    ProcessInstance pi = startAt(VILLAGE_REVIEW);
    complete(taskAt(CROSS_CHECK_ASSETS), withVariables("assetCheckResult", "CLEAR"));
    complete(taskAt(DEMOCRATIC_REVIEW), withVariables("reviewDecision", "PASS"));
    assertThat(pi).isWaitingAt(NOTICE_OUTCOME);

    runtimeService().createMessageCorrelation(MESSAGE_OBJECTION).processInstanceId(pi.getId())
        .setVariable("objectionText", "邻居反映家中新购轿车").correlate();

    assertThat(pi).isWaitingAt(DEMOCRATIC_REVIEW).isNotWaitingAt(NOTICE_OUTCOME);
    assertThat(pi).variables().containsEntry("objectionText", "邻居反映家中新购轿车");
    complete(taskAt(DEMOCRATIC_REVIEW), withVariables("reviewDecision", "PASS"));
    verify(identification, org.mockito.Mockito.times(2)).noticePublished(CASE, "P5D");
    execute(job());
    assertThat(pi).isWaitingAt(TOWNSHIP_REVIEW);
  }

  @Test
  @PolicyRule("R09")
  void townshipReturnsTheCaseToTheVillage() {
    ProcessInstance pi = startAt(TOWNSHIP_REVIEW);
    complete(task(), withVariables("townshipDecision", "RETURN", "townshipReason", "缺少授权书"));
    assertThat(pi).isWaitingAt(VERIFY_HOUSEHOLD);
    verify(caseFiles).audit(eq(CASE), eq(TOWNSHIP_REVIEW), anyString(), eq("RETURN"), eq("缺少授权书"), anyString(),
        anyString());
  }

  @Test
  void townshipRejects() {
    ProcessInstance pi = startAt(TOWNSHIP_REVIEW);
    decide("reviewer", Map.of("townshipDecision", "REJECT", "townshipReason", "不符合条件"));
    assertThat(pi).isEnded().hasPassed(RECORD_REJECTION);
    verify(identification).reject(CASE, "reviewer", "乡镇审核", "不符合条件");
  }

  @Test
  @PolicyRule("R10")
  void countyReturnsTheCaseToTheTownship() {
    ProcessInstance pi = startAt(COUNTY_APPROVAL);
    complete(task(), withVariables("countyDecision", "RETURN", "countyReason", "请补充比对结果"));
    assertThat(pi).isWaitingAt(TOWNSHIP_REVIEW);
  }

  @Test
  void countyRejects() {
    ProcessInstance pi = startAt(COUNTY_APPROVAL);
    decide("county_approver", Map.of("countyDecision", "REJECT", "countyReason", "资产超标"));
    assertThat(pi).isEnded().hasPassed(RECORD_REJECTION).hasNotPassed(RECORD_INCLUSION);
    verify(identification).reject(CASE, "county_approver", "县级审定", "资产超标");
  }

  @Test
  @PolicyRule("R12")
  void greenChannelStartsUrgentMeasuresOnceAfterVillageAndTownshipConfirm() {
    ProcessInstance pi = start("DEPARTMENT_SIGNAL", true);
    verifyConfirmed();
    assertThat(pi).isWaitingAt(CONFIRM_GREEN_CHANNEL);
    assertThat(task()).hasCandidateGroup("township-629901100");
    decide("reviewer", Map.of("greenChannelDecision", "CONFIRM", "urgentMeasures", "DISASTER,HOUSING"));

    // the measures start before the income test (it may take days when months or the line are missing)
    org.mockito.InOrder order = org.mockito.Mockito.inOrder(identification);
    order.verify(identification).startUrgentMeasures(CASE, "DISASTER,HOUSING", "reviewer");
    order.verify(identification).assess(eq(CASE), any());
    assertThat(pi).hasPassed(START_URGENT_MEASURES).isWaitingAt(CROSS_CHECK_ASSETS, DEMOCRATIC_REVIEW);
    assertThat(pi).variables().containsEntry("greenChannelStarted", true);

    // a return to the village later does not ask for (or start) the green channel again
    runtimeService().createProcessInstanceModification(pi.getId()).cancelAllForActivity(VILLAGE_REVIEW)
        .startBeforeActivity(TOWNSHIP_REVIEW).execute();
    complete(task(), withVariables("townshipDecision", "RETURN", "townshipReason", "补充材料"));
    verifyConfirmed();
    assertThat(pi).isWaitingAt(CROSS_CHECK_ASSETS, DEMOCRATIC_REVIEW);
    verify(identification, org.mockito.Mockito.times(1)).startUrgentMeasures(anyLong(), anyString(), anyString());
  }

  @Test
  @PolicyRule("R12")
  void theVillageCanAskForTheGreenChannelAtHomeVerification() {
    ProcessInstance pi = start("CADRE_SCREENING", false);
    complete(task(), withVariables("authorisationSigned", true, "verifyFindings", "洪水冲毁住房",
        "greenChannelAsked", true, "urgentMeasures", "DISASTER,TEMP_RELIEF", "verifyDecision", "CONFIRM"));
    assertThat(pi).isWaitingAt(CONFIRM_GREEN_CHANNEL);
    verify(identification, never()).assess(anyLong(), any());
    decide("reviewer", Map.of("greenChannelDecision", "CONFIRM", "urgentMeasures", "DISASTER,TEMP_RELIEF"));
    verify(identification).startUrgentMeasures(CASE, "DISASTER,TEMP_RELIEF", "reviewer");
  }

  @Test
  @PolicyRule("R12")
  void anUrgentHouseholdOutOfRangeKeepsItsMeasuresWhileTheTownshipDecides() {
    outOfRange();
    ProcessInstance pi = start("DEPARTMENT_SIGNAL", true);
    verifyConfirmed();
    decide("reviewer", Map.of("greenChannelDecision", "CONFIRM", "urgentMeasures", "DISASTER"));
    assertThat(pi).hasPassed(START_URGENT_MEASURES).isWaitingAt(REVIEW_OUT_OF_RANGE);
    verify(identification).startUrgentMeasures(CASE, "DISASTER", "reviewer");
  }

  @Test
  void greenChannelDeclinedFollowsTheNormalProcedure() {
    ProcessInstance pi = start("CADRE_SCREENING", true);
    verifyConfirmed();
    complete(task(), withVariables("greenChannelDecision", "DECLINE", "greenChannelReason", "不属于急难情形"));
    assertThat(pi).hasNotPassed(START_URGENT_MEASURES).isWaitingAt(CROSS_CHECK_ASSETS, DEMOCRATIC_REVIEW);
    verify(identification, never()).startUrgentMeasures(anyLong(), anyString(), anyString());
  }

  @Test
  void aDecisionMustBeGivenAndRejectionsNeedAReason() {
    start("CADRE_SCREENING", false);
    Task verifyTask = task();
    assertThatThrownBy(() -> taskService().complete(verifyTask.getId(), Map.of("verifyFindings", "x")))
        .isInstanceOf(InvalidDecisionException.class).hasMessageContaining("办理意见");
    assertThatThrownBy(() -> taskService().complete(verifyTask.getId(), Map.of("verifyDecision", "MAYBE")))
        .isInstanceOf(InvalidDecisionException.class).hasMessageContaining("无效").hasMessageContaining("属实、不予纳入/不通过");
    assertThatThrownBy(() -> taskService().complete(verifyTask.getId(), Map.of("verifyDecision", "REJECT")))
        .isInstanceOf(InvalidDecisionException.class).hasMessage("选择“不予纳入/不通过”时必须填写理由");
    assertThatThrownBy(() -> taskService().complete(verifyTask.getId(), Map.of("verifyDecision", "CONFIRM")))
        .isInstanceOf(InvalidDecisionException.class).hasMessageContaining("授权书");
    assertThat(task().getId()).isEqualTo(verifyTask.getId());
    verify(caseFiles, never()).audit(anyLong(), anyString(), anyString(), anyString(), any(), anyString(), any());
  }

  @Test
  void onlyTheUserWhoClaimedATaskMayCompleteIt() {
    start("CADRE_SCREENING", false);
    taskService().claim(task().getId(), "cadre_a");
    processEngine.getIdentityService().setAuthentication("cadre_b", List.of("village-" + VILLAGE));
    assertThatThrownBy(() -> taskService().complete(task().getId(), Map.of("verifyDecision", "REJECT",
        "verifyReason", "x"))).isInstanceOf(AuthorizationException.class).hasMessageContaining("cadre_a");
    assertThat(task()).isNotNull();
  }

  // --- helpers

  private void eligible(String type) {
    when(identification.assess(eq(CASE), any())).thenReturn(eligibleAssessment(type));
  }

  private static IdentificationService.Assessment eligibleAssessment(String type) {
    return new IdentificationService.Assessment(new Eligibility(true, type, "在监测范围内", BigDecimal.valueOf(7200),
        BigDecimal.valueOf(7200), BigDecimal.valueOf(8600), "示例（演示地区）"), null, null);
  }

  private void outOfRange() {
    when(identification.assess(eq(CASE), any())).thenReturn(new IdentificationService.Assessment(
        new Eligibility(false, null, "规则提示：人均纯收入不低于监测线", BigDecimal.valueOf(12000),
            BigDecimal.valueOf(12000), BigDecimal.valueOf(8600), "示例（演示地区）"), null, null));
  }

  private static long anyLong() {
    return org.mockito.ArgumentMatchers.anyLong();
  }

  private VariableMap variables(String channel, boolean greenChannel) {
    VariableMap variables = Variables.createVariables();
    CASE_ID.put(variables, CASE);
    HOUSEHOLD_ID.put(variables, 7L);
    VILLAGE_CODE.put(variables, VILLAGE);
    TOWNSHIP_CODE.put(variables, VILLAGE.substring(0, 9));
    COUNTY_CODE.put(variables, VILLAGE.substring(0, 6));
    CHANNEL.put(variables, channel);
    RISK_TYPES.put(variables, "DISASTER,HOUSING");
    IDENTIFICATION_DEADLINE.put(variables, deadline);
    NOTICE_DURATION.put(variables, "P5D");
    GREEN_CHANNEL_REQUESTED.put(variables, greenChannel);
    GREEN_CHANNEL_STARTED.put(variables, false);
    GREEN_CHANNEL_ASKED.put(variables, false);
    URGENT_MEASURES.put(variables, greenChannel ? "DISASTER" : "");
    return variables;
  }

  private ProcessInstance start(String channel, boolean greenChannel) {
    current = runtimeService().startProcessInstanceByKey(KEY, "BF-TEST", variables(channel, greenChannel));
    return current;
  }

  private ProcessInstance startAt(String activity) {
    VariableMap variables = variables("CADRE_SCREENING", false);
    HOUSEHOLD_TYPE.put(variables, "TPBWD");
    current = runtimeService().createProcessInstanceByKey(KEY).businessKey("BF-TEST").setVariables(variables)
        .startBeforeActivity(activity).execute();
    return current;
  }

  private void verifyConfirmed() {
    complete(task(), withVariables("authorisationSigned", true, "verifyFindings", "属实", "verifyDecision",
        "CONFIRM"));
  }

  /** Claims and completes the single open task as this user, the way Tasklist does. */
  private void decide(String user, Map<String, Object> variables) {
    decide(user, task(), variables);
  }

  private void decide(String user, Task task, Map<String, Object> variables) {
    taskService().claim(task.getId(), user);
    processEngine.getIdentityService().setAuthentication(user, List.of());
    try {
      taskService().complete(task.getId(), variables);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private Task taskAt(String activity) {
    return taskService().createTaskQuery().processInstanceId(current.getId()).taskDefinitionKey(activity)
        .singleResult();
  }

  /** The single open task of the current case. */
  private Task task() {
    return taskService().createTaskQuery().processInstanceId(current.getId()).singleResult();
  }

  private org.camunda.bpm.engine.runtime.Job job() {
    return processEngine.getManagementService().createJobQuery().processInstanceId(current.getId()).singleResult();
  }
}
