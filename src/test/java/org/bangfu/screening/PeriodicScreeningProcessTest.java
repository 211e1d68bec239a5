package org.bangfu.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bangfu.screening.PeriodicScreening.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.engine.DecisionAuditListener;
import org.bangfu.engine.InvalidDecisionException;
import org.bangfu.policy.PolicyRule;
import org.bangfu.process.ProcessTestEngine;
import org.bangfu.process.TaskDriver;
import org.bangfu.workers.screening.EvaluateQuarterlyWarningsDelegate;
import org.bangfu.workers.screening.MarkPriorityHouseholdsDelegate;
import org.bangfu.workers.screening.PrepareConcentratedScreeningDelegate;
import org.bangfu.workers.screening.RecordConcentratedScreeningDelegate;
import org.bangfu.incomesupport.IncomeSupportService;
import org.bangfu.workers.screening.CompareLastYearDelegate;
import org.bangfu.workers.screening.StartIncomeSupportDelegate;
import org.bangfu.workers.screening.RecordWarningReviewDelegate;
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
 * PeriodicScreeningProcess.bpmn and ConcentratedScreeningProcess.bpmn: the quarter's warnings go to each township with a list, the Q4 run
 * compares last year's priority households and starts each new one's IncomeSupportProcess, village by village, the yearly screening a list task per village (its own process); what each one decides goes to the
 * service in the completion's transaction.
 */
@Deployment(resources = {"processes/PeriodicScreeningProcess.bpmn", "processes/ConcentratedScreeningProcess.bpmn"})
class PeriodicScreeningProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestEngine.configuration("periodic-screening-test",
          new DecisionAuditListener(mock(CaseFileService.class))))
      .assertClassCoverageAtLeast(1.0)
      .build();

  ProcessEngine processEngine;
  TaskDriver tasks;
  final PeriodicScreeningService screening = mock(PeriodicScreeningService.class);
  final IncomeSupportService incomeSupport = mock(IncomeSupportService.class);

  @BeforeEach
  void setUp() {
    tasks = ProcessTestEngine.begin(processEngine);
    Mocks.register("periodicScreening", screening);
    Mocks.register("evaluateQuarterlyWarningsDelegate", new EvaluateQuarterlyWarningsDelegate(screening));
    Mocks.register("recordWarningReviewDelegate", new RecordWarningReviewDelegate(screening));
    Mocks.register("markPriorityHouseholdsDelegate", new MarkPriorityHouseholdsDelegate(screening));
    Mocks.register("compareLastYearDelegate", new CompareLastYearDelegate(incomeSupport));
    Mocks.register("startIncomeSupportDelegate", new StartIncomeSupportDelegate(incomeSupport));
    Mocks.register("prepareConcentratedScreeningDelegate", new PrepareConcentratedScreeningDelegate(screening));
    Mocks.register("recordConcentratedScreeningDelegate", new RecordConcentratedScreeningDelegate(screening));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  private static long anyLong() {
    return org.mockito.ArgumentMatchers.anyLong();
  }

  /** The quarter's timer fires: the process starts at its quarterly start event. */
  private ProcessInstance quarterEnds(String runKey, List<String> townships) {
    when(screening.evaluateQuarter(anyString(), any())).thenReturn(11L);
    when(screening.currentRunKey(PeriodicScreeningService.QUARTERLY)).thenReturn(runKey);
    when(screening.townships(11L)).thenReturn(townships);
    when(screening.fourthQuarter(11L, runKey)).thenReturn(runKey.endsWith("Q3"));
    return fire(QUARTER_ENDED);
  }

  private ProcessInstance fire(String startEvent) {
    var job = processEngine.getManagementService().createJobQuery().activityId(startEvent).singleResult();
    processEngine.getManagementService().executeJob(job.getId());
    // from history: an instance with nothing to ask ends at once
    var started = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(job.getProcessDefinitionKey()).orderByProcessInstanceStartTime().desc().list().get(0);
    var instance = new org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity();
    instance.setId(started.getId());
    instance.setProcessInstanceId(started.getId());
    instance.setProcessDefinitionId(started.getProcessDefinitionId());
    return instance;
  }

  private Task taskFor(String activity, String group) {
    return processEngine.getTaskService().createTaskQuery().taskDefinitionKey(activity).taskCandidateGroup(group)
        .singleResult();
  }

  @Test
  @PolicyRule({"R25", "R26", "R31"})
  void eachTownshipReviewsItsListAndTheFourthQuarterStartsEachPriorityHouseholdsSupport() {
    when(screening.villages(11L, "PRIORITY")).thenReturn(List.of("629901100201", "629901100202"));
    // the run of 1 October (the third quarter's warnings) is held in the fourth quarter: it adds the income survey
    ProcessInstance pi = quarterEnds("2026-Q3", List.of("629901100", "629901200"));
    assertThat(pi).isWaitingAt(REVIEW_WARNINGS);
    Task heping = taskFor(REVIEW_WARNINGS, "township-629901100");
    Task fumin = taskFor(REVIEW_WARNINGS, "township-629901200");
    assertThat(heping.getDueDate()).isNotNull();
    // the task knows its run and township (for the 筛查名单 tab), nothing about the households
    assertThat(processEngine.getTaskService().getVariables(heping.getId()))
        .containsEntry("townshipCode", "629901100").containsEntry("runId", 11L).doesNotContainKey("warningList");

    // each township's answer stays its own, though both are open at once
    tasks.decide("reviewer_heping", heping, Map.of("warningDecision", "REVIEWED", "riskHouseholds", "1",
        "warningNote", "已入户核实"));
    verify(screening).recordWarningReview(11L, "629901100", "1", "已入户核实", "reviewer_heping");
    assertThat(pi).isWaitingAt(REVIEW_WARNINGS);
    tasks.decide("reviewer_fumin", fumin, Map.of("warningDecision", "REVIEWED", "riskHouseholds", ""));
    verify(screening).recordWarningReview(11L, "629901200", "", null, "reviewer_fumin");

    verify(screening).markPriority(11L);
    verify(incomeSupport).compareWithLastYear(11L);
    // each village's households are started in a job of their own (a large survey is not one transaction)
    assertThat(pi).isWaitingAt(START_INCOME_SUPPORT);
    processEngine.getManagementService().createJobQuery().activityId(START_INCOME_SUPPORT).list()
        .forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
    verify(incomeSupport).startForVillage(11L, "629901100201");
    verify(incomeSupport).startForVillage(11L, "629901100202");
    assertThat(pi).isEnded().hasPassed(MARK_PRIORITY, COMPARE_LAST_YEAR, "Event_IncomePlansDone");
  }

  @Test
  void anotherQuarterEndsAfterTheReviewsAndAnEmptyListAsksNobody() {
    ProcessInstance pi = quarterEnds("2026-Q4", List.of());
    assertThat(pi).isEnded().hasPassed("Event_WarningsReviewed").hasNotPassed(MARK_PRIORITY, REVIEW_WARNINGS);
    verify(screening, never()).markPriority(11L);
  }

  @Test
  void aWrongNumberRefusesTheCompletionAndTheTaskStays() {
    ProcessInstance pi = quarterEnds("2026-Q2", List.of("629901100"));
    Task heping = taskFor(REVIEW_WARNINGS, "township-629901100");
    doThrow(new InvalidDecisionException("riskHouseholds", "名单中没有序号 9（共 1 户）")).when(screening)
        .recordWarningReview(11L, "629901100", "9", null, "reviewer_heping");
    assertThatThrownBy(() -> tasks.decide("reviewer_heping", heping,
        Map.of("warningDecision", "REVIEWED", "riskHouseholds", "9"))).hasMessageContaining("没有序号 9");
    assertThat(pi).isWaitingAt(REVIEW_WARNINGS);
    tasks.decide("reviewer_heping", heping, Map.of("warningDecision", "REVIEWED", "riskHouseholds", "1"));
    assertThat(pi).isEnded();
  }

  @Test
  @PolicyRule("R27")
  void theYearlyScreeningGivesEachVillageItsList() {
    when(screening.prepareYearlyScreening(anyString(), any())).thenReturn(21L);
    when(screening.currentRunKey(PeriodicScreeningService.YEARLY)).thenReturn("2027");
    when(screening.villages(21L, "SCREENING")).thenReturn(List.of("629901100201", "629901100202"));
    ProcessInstance pi = fire(YEARLY_SCREENING_DUE);
    Task dongshan = taskFor(CONCENTRATED_SCREENING, "village-629901100201");
    Task xihe = taskFor(CONCENTRATED_SCREENING, "village-629901100202");
    assertThat(processEngine.getTaskService().getVariables(xihe.getId()))
        .containsEntry("villageCode", "629901100202").doesNotContainKey("screeningList");
    tasks.decide("cadre_dongshan", dongshan, Map.of("screeningDecision", "SCREENED", "riskHouseholds", "1,2",
        "screeningNote", "全村已走访"));
    tasks.decide("cadre_xihe", xihe, Map.of("screeningDecision", "SCREENED"));
    verify(screening).recordConcentratedScreening(21L, "629901100201", "1,2", "全村已走访", "cadre_dongshan");
    verify(screening).recordConcentratedScreening(21L, "629901100202", null, null, "cadre_xihe");
    assertThat(pi).isEnded().hasPassed(RECORD_SCREENING, "Event_ScreeningDone");
    // the timers stay for the next quarter and the next year
    assertThat(processEngine.getManagementService().createJobQuery().timers().count()).isEqualTo(2);
  }
}
