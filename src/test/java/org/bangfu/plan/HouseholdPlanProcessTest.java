package org.bangfu.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bangfu.plan.HouseholdPlan.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.catalogue.MeasureCode;
import org.bangfu.engine.DecisionAuditListener;
import org.bangfu.engine.InvalidDecisionException;
import org.bangfu.plan.PlanService.PlanForm;
import org.bangfu.policy.PolicyRule;
import org.bangfu.process.ProcessTestEngine;
import org.bangfu.process.TaskDriver;
import org.bangfu.workers.plan.ApprovePlanDelegate;
import org.bangfu.workers.plan.PrepareDraftPlanDelegate;
import org.bangfu.workers.plan.SavePlanDelegate;
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
import org.mockito.ArgumentCaptor;

/** HouseholdPlanProcess.bpmn: draft from the recommendation, household confirmation, township and county. */
@Deployment(resources = "processes/HouseholdPlanProcess.bpmn")
class HouseholdPlanProcessTest {

  static final CaseFileService caseFiles = mock(CaseFileService.class);

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestEngine.configuration("household-plan-test", new DecisionAuditListener(caseFiles)))
      .assertClassCoverageAtLeast(1.0)
      .build();

  static final String KEY_BUSINESS = "BF-PLAN";
  ProcessEngine processEngine;
  TaskDriver tasks;
  final PlanService plans = mock(PlanService.class);
  Plan draft;

  @BeforeEach
  void setUp() {
    tasks = ProcessTestEngine.begin(processEngine);
    Mocks.register("prepareDraftPlanDelegate", new PrepareDraftPlanDelegate(plans));
    Mocks.register("savePlanDelegate", new SavePlanDelegate(plans));
    Mocks.register("approvePlanDelegate", new ApprovePlanDelegate(plans));
    draft = new Plan();
    draft.setId(7L);
    draft.setPlanVersion(1);
    draft.setReviewDate(LocalDate.now().plusMonths(6));
    PlanMeasure medical = new PlanMeasure();
    medical.setMeasureCode("MEDICAL");
    medical.setDepartment("HEALTH");
    medical.setDueDate(LocalDate.now().plusDays(30));
    draft.setMeasures(List.of(medical));
    when(plans.prepareDraft(eq(42L), any())).thenReturn(new PlanService.Draft(draft, "健康帮扶（因病）", "张三：有劳动能力"));
    when(plans.saveDraft(any())).thenReturn(draft);
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  @Test
  @PolicyRule({"R14", "R16"})
  void theRecommendedDraftIsConfirmedReviewedAndApproved() {
    ProcessInstance pi = start(null);

    assertThat(pi).isWaitingAt(DRAFT_PLAN);
    Task draftTask = tasks.taskAt(KEY_BUSINESS, DRAFT_PLAN);
    assertThat(draftTask).hasCandidateGroup("village-629901100201");
    // the form opens with the recommendation ticked
    assertThat(runtimeService().getVariable(pi.getId(), "plan_MEDICAL")).isEqualTo(true);
    assertThat(runtimeService().getVariable(pi.getId(), "plan_DIBAO")).isEqualTo(false);
    // the department the draft chose, or the measure's default
    assertThat(runtimeService().getVariable(pi.getId(), "planDept_MEDICAL")).isEqualTo("HEALTH");
    assertThat(runtimeService().getVariable(pi.getId(), "planDept_DIBAO")).isEqualTo("CIVIL");
    assertThat(runtimeService().getVariable(pi.getId(), "recommendedMeasures")).isEqualTo("健康帮扶（因病）");

    tasks.decide("cadre", draftTask, Map.of("plan_MEDICAL", true, "planAmount_MEDICAL", 3000, "planDept_EMPLOYMENT", "HRSS",
        "planDue_MEDICAL", LocalDate.now().plusDays(20).toString(), "plan_EMPLOYMENT", true,
        "householdConfirmed", true, "planReviewDate", LocalDate.now().plusMonths(6).toString(),
        "planDraftDecision", "SUBMIT"));
    ArgumentCaptor<PlanForm> saved = ArgumentCaptor.forClass(PlanForm.class);
    verify(plans).saveDraft(saved.capture());
    assertThat(saved.getValue().measures()).containsOnlyKeys(MeasureCode.MEDICAL, MeasureCode.EMPLOYMENT);
    assertThat(saved.getValue().measures().get(MeasureCode.MEDICAL).amount()).isEqualTo(3000d);
    assertThat(saved.getValue().measures().get(MeasureCode.MEDICAL).department()).isEqualTo("HEALTH");
    assertThat(saved.getValue().measures().get(MeasureCode.EMPLOYMENT).department()).isEqualTo("HRSS");
    assertThat(saved.getValue().actor()).isEqualTo("cadre");

    Task township = tasks.taskAt(KEY_BUSINESS, TOWNSHIP_REVIEW);
    assertThat(township).hasCandidateGroup("township-629901100");
    assertThat((String) runtimeService().getVariable(pi.getId(), "planSummary")).contains("第1版帮扶计划");
    tasks.decide("reviewer", township, Map.of("planTownshipDecision", "APPROVE"));
    Task county = tasks.taskAt(KEY_BUSINESS, COUNTY_APPROVAL);
    assertThat(county).hasCandidateGroup("county-629901");
    tasks.decide("approver", county, Map.of("planCountyDecision", "APPROVE"));

    verify(plans).approve(7L, "approver");
    assertThat(pi).isEnded().hasPassed(PLAN_APPROVED);
  }

  @Test
  @PolicyRule("R16")
  void aRevisionStartsFromItsReasonAndTheTownshipCanReturnIt() {
    ProcessInstance pi = start("回访发现新的风险：住院");
    verify(plans).prepareDraft(42L, "回访发现新的风险：住院");
    submit();

    assertThatThrownBy(() -> tasks.decide("reviewer", tasks.taskAt(KEY_BUSINESS, TOWNSHIP_REVIEW),
        Map.of("planTownshipDecision", "RETURN"))).isInstanceOf(InvalidDecisionException.class);
    tasks.decide("reviewer", tasks.taskAt(KEY_BUSINESS, TOWNSHIP_REVIEW),
        Map.of("planTownshipDecision", "RETURN", "planTownshipReason", "缺少就业帮扶"));
    assertThat(pi).isWaitingAt(DRAFT_PLAN);
    verify(caseFiles).audit(eq(42L), eq(TOWNSHIP_REVIEW), anyString(), eq("RETURN"), eq("缺少就业帮扶"),
        eq("reviewer"), anyString());

    submit();
    // the returned decision does not stay filled in for the next review
    assertThat(runtimeService().getVariable(pi.getId(), "planTownshipDecision")).isNull();
    tasks.decide("reviewer", tasks.taskAt(KEY_BUSINESS, TOWNSHIP_REVIEW), Map.of("planTownshipDecision", "APPROVE"));
    tasks.decide("approver", tasks.taskAt(KEY_BUSINESS, COUNTY_APPROVAL),
        Map.of("planCountyDecision", "RETURN", "planCountyReason", "金额偏高"));
    assertThat(pi).isWaitingAt(DRAFT_PLAN);
    verify(plans, never()).approve(any(), any());
    verify(plans, times(1)).prepareDraft(any(), any());
  }

  @Test
  void aWrongPlanIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance pi = start(null);
    when(plans.saveDraft(any())).thenThrow(new InvalidDecisionException("plan_", "请至少选择一项帮扶措施"));

    assertThatThrownBy(this::submit).isInstanceOf(InvalidDecisionException.class)
        .hasMessageContaining("请至少选择一项帮扶措施");
    assertThat(pi).isWaitingAt(DRAFT_PLAN);
    // (the audit row written before the refusal rolls back with it: checked on the database in LifecycleIT)
    assertThat(tasks.taskAt(KEY_BUSINESS, DRAFT_PLAN)).isNotNull();
    assertThat(runtimeService().getVariable(pi.getId(), "planTownshipDecision")).isNull();
    verify(plans, never()).approve(any(), isNull());
  }

  private void submit() {
    tasks.decide("cadre", tasks.taskAt(KEY_BUSINESS, DRAFT_PLAN), Map.of("plan_MEDICAL", true,
        "householdConfirmed", true, "planReviewDate", LocalDate.now().plusMonths(6).toString(),
        "planDraftDecision", "SUBMIT"));
  }

  private ProcessInstance start(String revisionReason) {
    return runtimeService().startProcessInstanceByKey(KEY, KEY_BUSINESS, Variables.createVariables()
        .putValue("caseId", 42L).putValue("villageCode", "629901100201").putValue("townshipCode", "629901100")
        .putValue("countyCode", "629901").putValue("riskTypeLabels", "因病")
        .putValue("planRevisionReason", revisionReason));
  }
}
