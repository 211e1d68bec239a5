package org.bangfu.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * Running instances of version 1 waiting at several steps migrate to a version 2 with an added step and continue
 * correctly; an instance at a step version 2 removed is reported and keeps running on version 1.
 */
class MigrationIT extends MariaDbIntegrationTest {

  private static final String KEY = "MigrationDemoProcess";

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  TaskService taskService;

  private void deploy(String file) throws Exception {
    repositoryService.createDeployment().name("migration-test")
        .addString(KEY + ".bpmn", Files.readString(Path.of("src/test/resources/migration", file))).deploy();
  }

  private String startAndMoveTo(int steps) {
    return startAndMoveTo(steps, "MIG-" + steps);
  }

  private String startAndMoveTo(int steps, String businessKey) {
    String id = runtimeService.startProcessInstanceByKey(KEY, businessKey).getId();
    for (int i = 0; i < steps; i++) {
      complete(id);
    }
    return id;
  }

  private void complete(String instanceId) {
    var task = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    taskService.complete(task.getId(), Map.of("decision", "OK"));
  }

  private String waitingAt(String instanceId) {
    return taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getTaskDefinitionKey();
  }

  @Test
  @SuppressWarnings("unchecked")
  void instancesMoveToTheNewVersionAndOneAtARemovedStepIsReportedNotBroken() throws Exception {
    deploy("MigrationDemoProcess-v1.bpmn");
    // the instance at the first step carries a case's number (as every instance of a case does)
    String caseNumber = openIdentification(org.bangfu.demo.DemoData.DONGSHAN, "cadre_dongshan");
    String atVerify = startAndMoveTo(0, caseNumber);
    String atReview = startAndMoveTo(1);
    String atNotice = startAndMoveTo(2);
    deploy("MigrationDemoProcess-v2.bpmn");

    assertThat(api.get("approver_county", "/api/models/" + KEY + "/migration").getStatusCode().value())
        .isEqualTo(403);
    ResponseEntity<Map<String, Object>> plan = api.get("owner_province", "/api/models/" + KEY + "/migration");
    assertThat(plan.getStatusCode().value()).as(String.valueOf(plan.getBody())).isEqualTo(200);
    assertThat(plan.getBody()).containsEntry("fromVersion", 1).containsEntry("toVersion", 2)
        .containsEntry("movable", 2).containsEntry("notMovable", 1);
    assertThat((List<Map<String, Object>>) plan.getBody().get("mappings")).extracting(m -> m.get("from"))
        .contains("Activity_Verify", "Activity_Review").doesNotContain("Activity_Notice");
    Map<String, Object> stuck = ((List<Map<String, Object>>) plan.getBody().get("instances")).stream()
        .filter(i -> atNotice.equals(i.get("id"))).findFirst().orElseThrow();
    assertThat(stuck).containsEntry("movable", false);
    assertThat((String) stuck.get("reason")).contains("Activity_Notice", "已删除");

    assertThat(api.post("cadre_dongshan", "/api/models/" + KEY + "/migration", null).getStatusCode().value())
        .isEqualTo(403);
    ResponseEntity<Map<String, Object>> executed = api.post("owner_province", "/api/models/" + KEY + "/migration",
        null);
    assertThat(executed.getStatusCode().value()).isEqualTo(200);
    assertThat(executed.getBody()).containsEntry("migrated", 2);
    // the case's record says who moved it, from which version to which, in which batch
    assertThat(api.get("approver_county", "/api/cases/" + caseNumber.substring(caseNumber.lastIndexOf('-') + 1))
        .getBody().get("audit").toString())
        .contains("decision=MIGRATED", "流程 " + KEY + " 第 1 版 → 第 2 版（迁移批次 " + executed.getBody().get("batchId"),
            "actor=owner_province");
    // the batch runs on the job executor (off in the tests): its jobs are executed here
    Batch batch = managementService.createBatchQuery().batchId((String) executed.getBody().get("batchId"))
        .singleResult();
    for (Job seed : managementService.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).list()) {
      managementService.executeJob(seed.getId());
    }
    for (Job job : managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list()) {
      managementService.executeJob(job.getId());
    }

    String v2 = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).processDefinitionVersion(2)
        .singleResult().getId();
    String v1 = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).processDefinitionVersion(1)
        .singleResult().getId();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(atVerify).singleResult()
        .getProcessDefinitionId()).isEqualTo(v2);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(atReview).singleResult()
        .getProcessDefinitionId()).isEqualTo(v2);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(atNotice).singleResult()
        .getProcessDefinitionId()).isEqualTo(v1);

    // they go on: the one at the first step now passes the added step
    complete(atVerify);
    assertThat(waitingAt(atVerify)).isEqualTo("Activity_CrossCheck");
    complete(atVerify);
    assertThat(waitingAt(atVerify)).isEqualTo("Activity_Review");
    complete(atVerify);
    complete(atReview);
    complete(atNotice);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceIds(
        java.util.Set.of(atVerify, atReview, atNotice)).count()).isZero();
  }
}
