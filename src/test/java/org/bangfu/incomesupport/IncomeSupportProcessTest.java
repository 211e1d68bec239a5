package org.bangfu.incomesupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bangfu.incomesupport.IncomeSupport.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.engine.DecisionAuditListener;
import org.bangfu.incomesupport.IncomeSupportService.Paths;
import org.bangfu.policy.PolicyRule;
import org.bangfu.process.ProcessTestEngine;
import org.bangfu.process.TaskDriver;
import org.bangfu.workers.incomesupport.AnalyseIncomeDelegate;
import org.bangfu.workers.incomesupport.RecordEmploymentSupportDelegate;
import org.bangfu.workers.incomesupport.RecordIncomeSupportPlanDelegate;
import org.bangfu.workers.incomesupport.RecordInstructorDelegate;
import org.bangfu.workers.incomesupport.RecordSocialSecurityReviewDelegate;
import org.bangfu.workers.incomesupport.RecordSupportedDelegate;
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
 * IncomeSupportProcess.bpmn: the analysis runs apart from the survey, the village plans, and the paths the recorded
 * plan sets off go to the county's departments (农业农村局, 人社局, 民政局) at once; the household is supported when
 * every path is done, or at once when the plan needs no department.
 */
@Deployment(resources = "processes/IncomeSupportProcess.bpmn")
class IncomeSupportProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestEngine.configuration("income-support-test",
          new DecisionAuditListener(mock(CaseFileService.class))))
      .assertClassCoverageAtLeast(1.0)
      .build();

  ProcessEngine processEngine;
  TaskDriver tasks;
  final IncomeSupportService service = mock(IncomeSupportService.class);

  @BeforeEach
  void setUp() {
    tasks = ProcessTestEngine.begin(processEngine);
    Mocks.register("analyseIncomeDelegate", new AnalyseIncomeDelegate(service));
    Mocks.register("recordIncomeSupportPlanDelegate", new RecordIncomeSupportPlanDelegate(service));
    Mocks.register("recordInstructorDelegate", new RecordInstructorDelegate(service));
    Mocks.register("recordEmploymentSupportDelegate", new RecordEmploymentSupportDelegate(service));
    Mocks.register("recordSocialSecurityReviewDelegate", new RecordSocialSecurityReviewDelegate(service));
    Mocks.register("recordSupportedDelegate", new RecordSupportedDelegate(service));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  private ProcessInstance listed(long id) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("incomeSupportId", id);
    variables.put("villageCode", "629901100201");
    variables.put("countyCode", "629901");
    ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey(KEY, "ZS-2026-" + id,
        variables);
    // the analysis is a job of its own: the survey's transaction only lists
    assertThat(pi).isWaitingAt(ANALYSE);
    processEngine.getManagementService().executeJob(processEngine.getManagementService().createJobQuery()
        .processInstanceId(pi.getId()).singleResult().getId());
    verify(service).analyse(id);
    return pi;
  }

  private Task task(String activity, String group) {
    return processEngine.getTaskService().createTaskQuery().taskDefinitionKey(activity).taskCandidateGroup(group)
        .singleResult();
  }

  private static Map<String, Object> plan(boolean industry, boolean employment, boolean social) {
    Map<String, Object> plan = new HashMap<>();
    plan.put("incomeSupportDecision", "DRAWN_UP");
    plan.put("incomeCauses", "外出务工减少，工资性收入下降");
    plan.put("incomeSupportPlan", "养牛3头，妻子安排公益性岗位，目标人均1.2万元");
    plan.put("pairedCadre", "李明（县农业农村局，党员）");
    plan.put("planIndustry", industry);
    plan.put("planEmployment", employment);
    plan.put("planSocial", social);
    plan.put("identifyRisk", false);
    return plan;
  }

  @Test
  @PolicyRule({"R31", "R32", "R33", "R34", "R35"})
  void thePlansPathsGoToTheirDepartmentsAtOnceAndTheHouseholdIsSupportedWhenAllAreDone() {
    when(service.recordPlan(anyLong(), anyString(), anyString(), anyString(), anyBoolean(), anyBoolean(),
        anyBoolean(), anyBoolean(), anyString())).thenReturn(new Paths(true, true, true));
    ProcessInstance pi = listed(7L);
    Task draft = task(DRAFT_PLAN, "village-629901100201");
    assertThat(draft.getDueDate()).isNotNull();
    tasks.decide("cadre_dongshan", draft, plan(true, true, false));
    verify(service).recordPlan(7L, "外出务工减少，工资性收入下降", "养牛3头，妻子安排公益性岗位，目标人均1.2万元",
        "李明（县农业农村局，党员）", true, true, false, false, "cadre_dongshan");
    // the recorded paths route (民政 added by the service for a household short of labour), not the form's ticks
    assertThat(pi).isWaitingAt(ASSIGN_INSTRUCTOR, EMPLOYMENT_STEP, REVIEW_SOCIAL);
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), "supportSocial")).isEqualTo(true);

    tasks.decide("handler_agri", task(ASSIGN_INSTRUCTOR, "dept-AGRI-629901"), Map.of("instructorDecision",
        "ASSIGNED", "instructor", "王技术员（县畜牧站）", "industryMeasures", "提供牛犊3头，防疫指导"));
    verify(service).recordInstructor(7L, "王技术员（县畜牧站）", "提供牛犊3头，防疫指导", "handler_agri");
    tasks.decide("handler_hrss", task(EMPLOYMENT_STEP, "dept-HRSS-629901"), Map.of("employmentOutcome",
        "PUBLIC_POST", "employmentNote", "村保洁员，2026年12月起"));
    verify(service).recordEmployment(7L, "PUBLIC_POST", "村保洁员，2026年12月起", "handler_hrss");
    assertThat(pi).isWaitingAt(REVIEW_SOCIAL);
    tasks.decide("handler_civil", task(REVIEW_SOCIAL, "dept-CIVIL-629901"), Map.of("socialOutcome", "DIBAO",
        "socialNote", "符合低保条件，已纳入"));
    verify(service).recordSocial(7L, "DIBAO", "符合低保条件，已纳入", "handler_civil");
    verify(service).recordSupported(7L);
    assertThat(pi).isEnded().hasPassed(RECORD_SUPPORTED, "Event_Supported");
  }

  @Test
  void aPlanNeedingNoDepartmentIsSupportedAtOnce() {
    when(service.recordPlan(anyLong(), anyString(), anyString(), anyString(), anyBoolean(), anyBoolean(),
        anyBoolean(), anyBoolean(), anyString())).thenReturn(new Paths(false, false, false));
    ProcessInstance pi = listed(8L);
    tasks.decide("cadre_dongshan", task(DRAFT_PLAN, "village-629901100201"), plan(false, false, false));
    assertThat(pi).isEnded().hasPassed("Gateway_SupportJoined", RECORD_SUPPORTED)
        .hasNotPassed(ASSIGN_INSTRUCTOR, EMPLOYMENT_STEP, REVIEW_SOCIAL);
  }

  @Test
  void aPlanTheServiceRefusesStaysOpen() {
    when(service.recordPlan(anyLong(), anyString(), anyString(), anyString(), anyBoolean(), anyBoolean(),
        anyBoolean(), anyBoolean(), anyString())).thenThrow(new org.bangfu.engine.InvalidDecisionException(
            "identifyRisk", "不能纳入监测识别：该户已有案件在办"));
    ProcessInstance pi = listed(9L);
    Task draft = task(DRAFT_PLAN, "village-629901100201");
    assertThatThrownBy(() -> tasks.decide("cadre_dongshan", draft, plan(false, true, false)))
        .hasMessageContaining("已有案件在办");
    assertThat(pi).isWaitingAt(DRAFT_PLAN);
  }
}
