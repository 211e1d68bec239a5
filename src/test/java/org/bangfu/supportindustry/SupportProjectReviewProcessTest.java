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

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.engine.DecisionAuditListener;
import org.bangfu.policy.PolicyRule;
import org.bangfu.process.ProcessTestEngine;
import org.bangfu.process.TaskDriver;
import org.bangfu.supportindustry.SupportProjectMapper.Scores;
import org.bangfu.workers.supportindustry.RecommendCategoryDelegate;
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
  @PolicyRule("R36")
  void theVillageScoresAndTheCountysAgricultureBureauDecides() {
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
    tasks.decide("handler_agri", decide, Map.of("projectCategory", "REVITALISE", "categoryReason",
        "市场有潜力，引入托管经营"));
    verify(projects).recordDecision(5L, "REVITALISE", "市场有潜力，引入托管经营", "handler_agri");
    assertThat(pi).isEnded().hasPassed(RECOMMEND, RECORD_DECISION, "Event_Classified");
  }
}
