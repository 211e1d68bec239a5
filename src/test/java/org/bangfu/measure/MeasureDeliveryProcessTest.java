package org.bangfu.measure;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bangfu.measure.MeasureDelivery.*;
import static org.bangfu.shared.CaseVariables.CASE_ID;
import static org.bangfu.shared.CaseVariables.COUNTY_CODE;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.bangfu.casefile.CaseFileService;
import org.bangfu.engine.DecisionAuditListener;
import org.bangfu.engine.InvalidDecisionException;
import org.bangfu.policy.PolicyRule;
import org.bangfu.process.ProcessTestEngine;
import org.bangfu.workers.measure.RecordMeasureResultDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MeasureDeliveryProcess.bpmn: a measure goes to its county department, whose result is recorded. */
@Deployment(resources = "processes/MeasureDeliveryProcess.bpmn")
class MeasureDeliveryProcessTest {

  static final CaseFileService caseFiles = mock(CaseFileService.class);

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestEngine.configuration("measure-delivery-test", new DecisionAuditListener(caseFiles),
          Map.of(KEY, 1825)))
      .assertClassCoverageAtLeast(1.0)
      .build();

  ProcessEngine processEngine;
  ProcessInstance current;
  final MeasureService measures = mock(MeasureService.class);

  @BeforeEach
  void setUp() {
    ProcessTestEngine.begin(processEngine);
    Mocks.register("recordMeasureResultDelegate", new RecordMeasureResultDelegate(measures));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  @Test
  @PolicyRule("R15")
  void theCountyDepartmentDeliversAndTheResultIsRecorded() {
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt(DELIVER_MEASURE);
    assertThat(task()).hasCandidateGroup("dept-EMERGENCY-629901");
    org.assertj.core.api.Assertions.assertThat(task().getDueDate()).isNotNull();

    taskService().claim(task().getId(), "handler_emergency");
    processEngine.getIdentityService().setAuthentication("handler_emergency", List.of("dept-EMERGENCY-629901"));
    try {
      taskService().complete(task().getId(), Map.of("deliveryOutcome", "DELIVERED", "deliveredAmount", 3000,
          "deliveryResult", "发放受灾救助金3000元", "evidenceRef", "YJ-2026-0001"));
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }

    assertThat(pi).isEnded().hasPassed(RECORD_MEASURE_RESULT, MEASURE_DONE);
    verify(measures).recordResult(9L, "DELIVERED", BigDecimal.valueOf(3000.0), "发放受灾救助金3000元", "YJ-2026-0001",
        "handler_emergency");
    verify(caseFiles).audit(eq(42L), eq(DELIVER_MEASURE), eq("落实帮扶措施并登记结果"), eq("DELIVERED"),
        eq("发放受灾救助金3000元"), eq("handler_emergency"), anyString());
  }

  @Test
  void historyIsKeptAsLongAsConfiguredForThisProcess() {
    org.assertj.core.api.Assertions.assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(KEY).singleResult().getHistoryTimeToLive()).isEqualTo(1825);
  }

  @Test
  void aResultMustBeDescribed() {
    start();
    String taskId = task().getId();
    assertThatThrownBy(() -> taskService().complete(taskId, Map.of("deliveryOutcome", "DELIVERED")))
        .isInstanceOf(InvalidDecisionException.class).hasMessageContaining("理由");
    verify(measures, never()).recordResult(anyLong(), anyString(), any(), anyString(), anyString(), anyString());
  }

  private ProcessInstance start() {
    VariableMap variables = Variables.createVariables();
    CASE_ID.put(variables, 42L);
    MEASURE_ID.put(variables, 9L);
    MEASURE_CODE.put(variables, "DISASTER");
    DEPARTMENT.put(variables, "EMERGENCY");
    COUNTY_CODE.put(variables, "629901");
    current = runtimeService().startProcessInstanceByKey(KEY, "BF-TEST-M9", variables);
    return current;
  }

  private org.camunda.bpm.engine.task.Task task() {
    return taskService().createTaskQuery().processInstanceId(current.getId()).singleResult();
  }
}
