package org.bangfu.supportindustry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bangfu.supportindustry.ProjectReviewProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.engine.DecisionAuditListener;
import org.bangfu.policy.PolicyRule;
import org.bangfu.process.ProcessTestEngine;
import org.bangfu.process.TaskDriver;
import org.bangfu.supportindustry.SupportProjectMapper.Scores;
import org.bangfu.workers.supportindustry.IssueProjectMeasuresDelegate;
import org.bangfu.workers.supportindustry.PublishAdjustmentNoticeDelegate;
import org.bangfu.workers.supportindustry.RecordAdjustmentDelegate;
import org.bangfu.workers.supportindustry.RecordCountyApprovalDelegate;
import org.bangfu.workers.supportindustry.RecordDeliberationDelegate;
import org.bangfu.workers.supportindustry.RecordTownshipApprovalDelegate;
import org.bangfu.workers.supportindustry.PrepareProjectMeasureDelegate;
import org.bangfu.workers.supportindustry.RecommendCategoryDelegate;
import org.bangfu.workers.supportindustry.RecordProjectMeasureDelegate;
import org.bangfu.workers.supportindustry.RecordCategoryDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SupportProjectReviewProcess.bpmn: the project's village scores it, the scores are kept with the recommendation,
 * the county's 农业农村局 decides the class with its reason.
 */
@Deployment(resources = "processes/SupportProjectReviewProcess.bpmn")
class SupportProjectReviewProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestEngine.configuration("support-project-review-test",
          new DecisionAuditListener(mock(CaseFileService.class))))
      .assertClassCoverageAtLeast(1.0)
      .build();

  ProcessEngine processEngine;
  TaskDriver tasks;
  final SupportProjects projects = mock(SupportProjects.class);

  @BeforeEach
  void setUp() {
    tasks = ProcessTestEngine.begin(processEngine);
    Mocks.register("recommendCategoryDelegate", new RecommendCategoryDelegate(projects));
    Mocks.register("recordCategoryDelegate", new RecordCategoryDelegate(projects));
    Mocks.register("issueProjectMeasuresDelegate", new IssueProjectMeasuresDelegate(projects));
    Mocks.register("prepareProjectMeasureDelegate", new PrepareProjectMeasureDelegate(projects));
    Mocks.register("recordProjectMeasureDelegate", new RecordProjectMeasureDelegate(projects));
    Mocks.register("supportProjects", projects);
    Mocks.register("recordDeliberationDelegate", new RecordDeliberationDelegate(projects));
    Mocks.register("recordTownshipApprovalDelegate", new RecordTownshipApprovalDelegate(projects));
    Mocks.register("recordCountyApprovalDelegate", new RecordCountyApprovalDelegate(projects));
    Mocks.register("publishAdjustmentNoticeDelegate", new PublishAdjustmentNoticeDelegate(projects));
    Mocks.register("recordAdjustmentDelegate", new RecordAdjustmentDelegate(projects));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  private Task task(String activity, String group) {
    return processEngine.getTaskService().createTaskQuery().taskDefinitionKey(activity).taskCandidateGroup(group)
        .singleResult();
  }

  @Test
  @PolicyRule({"R36", "R37"})
  void theVillageScoresTheCountysAgricultureBureauDecidesAndTheClasssMeasuresGoToTheirDepartments() {
    ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey(KEY, "CY-2026-000001",
        Map.of("projectReviewId", 5L, "villageCode", "629901100201", "countyCode", "629901"));
    Task score = task(SCORE, "village-629901100201");
    assertThat(score.getDueDate()).isNotNull();
    Map<String, Object> scores = new HashMap<>(Map.of("scoreDecision", "SCORED", "scoreDevelopment", 4,
        "scoreManagement", 2, "scoreAssetReturn", 3, "scoreHouseholdBenefit", 3, "scoreProspects", 4,
        "projectRevenue", 12000.5, "householdsBenefiting", 18, "projectIdle", false));
    scores.put("reviewFindings", "合作社经营困难，分红延迟");
    tasks.decide("cadre_dongshan", score, scores);
    verify(projects).recordScores(5L, new Scores(4, 2, 3, 3, 4), new BigDecimal("12000.5"), 18, false,
        "合作社经营困难，分红延迟", "cadre_dongshan");
    assertThat(pi).isWaitingAt(DECIDE);

    Task decide = task(DECIDE, "dept-AGRI-629901");
    // a class without a reason is refused by the step (spaces are no reason), and nothing is recorded
    assertThatThrownBy(() -> tasks.decide("handler_agri", decide, Map.of("projectCategory", "REVITALISE",
        "categoryReason", "  "))).hasMessageContaining("选择“盘活一批”时必须填写理由");
    verify(projects, never()).recordDecision(anyLong(), anyString(), anyString(), any());
    assertThat(pi).isWaitingAt(DECIDE);
    // the class's measures: one to 农业农村局, one to the banks, each due on its own date
    when(projects.measureIds(5L)).thenReturn(List.of(11L, 12L));
    LocalDate due = LocalDate.of(2027, 3, 1);
    when(projects.measure(11L)).thenReturn(new SupportProjects.Measure(11L, 5L, 1L, "OPERATION", "委托经营", "AGRI",
        due, "OPEN", null, null, null));
    when(projects.measure(12L)).thenReturn(new SupportProjects.Measure(12L, 5L, 1L, "RELIEF", "金融信贷纾困",
        "FINANCE", due.plusDays(30), "OPEN", null, null, null));
    tasks.decide("handler_agri", decide, Map.of("projectCategory", "REVITALISE", "categoryReason",
        "市场有潜力，引入托管经营"));
    verify(projects).recordDecision(5L, "REVITALISE", "市场有潜力，引入托管经营", "handler_agri");
    verify(projects).issueMeasures(5L, "handler_agri");
    assertThat(pi).isWaitingAt(DELIVER_MEASURE);
    Task agri = task(DELIVER_MEASURE, "dept-AGRI-629901");
    Task bank = task(DELIVER_MEASURE, "dept-FINANCE-629901");
    assertThat(agri.getDueDate()).isEqualTo(java.util.Date.from(due.atTime(18, 0)
        .atZone(java.time.ZoneId.systemDefault()).toInstant()));
    assertThat(bank.getDueDate()).isAfter(agri.getDueDate());
    tasks.decide("handler_finance", bank, Map.of("projectMeasureOutcome", "DELIVERED", "projectMeasureResult",
        "贷款展期6个月"));
    verify(projects).recordMeasure(12L, "DELIVERED", "贷款展期6个月", "handler_finance");
    assertThat(pi).isWaitingAt(DELIVER_MEASURE);
    tasks.decide("handler_agri", agri, Map.of("projectMeasureOutcome", "NOT_DELIVERED", "projectMeasureResult",
        "暂无托管企业"));
    verify(projects).recordMeasure(11L, "NOT_DELIVERED", "暂无托管企业", "handler_agri");
    assertThat(pi).isEnded().hasPassed(RECOMMEND, RECORD_DECISION, ISSUE_MEASURES, RECORD_MEASURE,
        "Event_Classified");
  }

  /** A project the county decided to adjust, waiting for its village's meeting (no class measures, to keep it short). */
  private ProcessInstance adjusting(long reviewId) {
    ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey(KEY, "CY-2026-" + reviewId,
        Map.of("projectReviewId", reviewId, "villageCode", "629901101201", "townshipCode", "629901101",
            "countyCode", "629901"));
    tasks.decide("cadre_liushu", task(SCORE, "village-629901101201"), Map.of("scoreDecision", "SCORED",
        "scoreDevelopment", 1, "scoreManagement", 2, "scoreAssetReturn", 1, "scoreHouseholdBenefit", 1,
        "scoreProspects", 2, "projectRevenue", -20000, "householdsBenefiting", 0, "projectIdle", true,
        "reviewFindings", "停产两年"));
    tasks.decide("handler_agri", task(DECIDE, "dept-AGRI-629901"), Map.of("projectCategory", "ADJUST",
        "categoryReason", "难以为继"));
    assertThat(pi).isWaitingAt(VILLAGE_DELIBERATION);
    return pi;
  }

  /** The township and the county approve the villagers' plan. */
  private void approveBoth() {
    tasks.decide("reviewer_fumin", task(TOWNSHIP_APPROVAL, "township-629901101"), Map.of(
        "townshipAdjustmentDecision", "APPROVE"));
    tasks.decide("approver_county", task(COUNTY_APPROVAL, "county-629901"), Map.of("countyAdjustmentDecision",
        "APPROVE"));
  }

  private void deliberate(String outcome) {
    tasks.decide("cadre_liushu", task(VILLAGE_DELIBERATION, "village-629901101201"), Map.of("adjustmentOutcome",
        outcome, "adjustmentPlan", "销号退出，大棚资产交村集体出租", "deliberationDate", "2026-11-20",
        "deliberationMembers", 30, "deliberationAttendees", 25, "deliberationAgreed", 19));
  }

  @Test
  @PolicyRule({"R40", "R41"})
  void anAdjustmentIsDeliberatedApprovedNoticedAndRecordedAndEitherLevelSendsItBack() {
    when(projects.publishNotice(anyLong(), anyString(), anyString())).thenReturn("P7D");
    ProcessInstance pi = adjusting(6L);
    deliberate("RETIRE");
    verify(projects).recordDeliberation(6L, "RETIRE", "销号退出，大棚资产交村集体出租", "2026-11-20", 30L, 25L, 19L,
        "cadre_liushu");
    tasks.decide("reviewer_fumin", task(TOWNSHIP_APPROVAL, "township-629901101"), Map.of(
        "townshipAdjustmentDecision", "RETURN", "townshipAdjustmentReason", "资产处置方案不清楚"));
    verify(projects).recordApproval(6L, "乡镇", "RETURN", "资产处置方案不清楚", "reviewer_fumin");
    assertThat(pi).isWaitingAt(VILLAGE_DELIBERATION);
    deliberate("RETIRE");
    tasks.decide("reviewer_fumin", task(TOWNSHIP_APPROVAL, "township-629901101"), Map.of(
        "townshipAdjustmentDecision", "APPROVE"));
    tasks.decide("approver_county", task(COUNTY_APPROVAL, "county-629901"), Map.of("countyAdjustmentDecision",
        "RETURN", "countyAdjustmentReason", "请补充村民意见"));
    assertThat(pi).isWaitingAt(VILLAGE_DELIBERATION);
    deliberate("RETIRE");
    approveBoth();
    // noticed for the configured days, then recorded
    assertThat(pi).isWaitingAt(NOTICE_OUTCOME);
    verify(projects, never()).recordAdjustment(anyLong(), anyString(), anyString());
    var timer = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .singleResult();
    assertThat(timer.getDuedate()).isAfter(java.util.Date.from(java.time.Instant.now().plus(6, 
        java.time.temporal.ChronoUnit.DAYS)));
    processEngine.getManagementService().executeJob(timer.getId());
    verify(projects).recordAdjustment(6L, "RETIRE", "销号退出，大棚资产交村集体出租");
    assertThat(pi).isEnded().hasPassed(PUBLISH_NOTICE, NOTICE_OVER, RECORD_ADJUSTMENT, "Event_AdjustmentDone",
        "Event_Classified");
  }

  @Test
  @PolicyRule({"R40", "R41"})
  void anObjectionDuringTheNoticeSendsThePlanBackToTheVillagersMeeting() {
    when(projects.publishNotice(anyLong(), anyString(), anyString())).thenReturn("P7D");
    ProcessInstance pi = adjusting(8L);
    deliberate("RETIRE");
    approveBoth();
    assertThat(pi).isWaitingAt(NOTICE_OUTCOME);
    processEngine.getRuntimeService().createMessageCorrelation(MESSAGE_OBJECTION).processInstanceId(pi.getId())
        .setVariable(ADJUSTMENT_OBJECTION.name(), "承包户不同意").correlate();
    assertThat(pi).isWaitingAt(VILLAGE_DELIBERATION).hasPassed(OBJECTION_RAISED).hasNotPassed(RECORD_ADJUSTMENT);
    assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count())
        .isZero();
    deliberate("KEEP");
    assertThat(pi).isEnded().hasPassed("Event_AdjustmentDeclined");
    verify(projects, never()).recordAdjustment(anyLong(), anyString(), anyString());
  }

  @Test
  void villagersWhoDoNotAgreeKeepTheProject() {
    ProcessInstance pi = adjusting(7L);
    deliberate("KEEP");
    assertThat(pi).isEnded().hasPassed("Event_AdjustmentDeclined").hasNotPassed(TOWNSHIP_APPROVAL, PUBLISH_NOTICE);
    verify(projects, never()).recordAdjustment(anyLong(), anyString(), anyString());
  }
}
