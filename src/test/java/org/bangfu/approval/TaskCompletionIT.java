package org.bangfu.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.DONGSHAN;
import static org.bangfu.identification.RiskIdentification.DEMOCRATIC_REVIEW;
import static org.bangfu.identification.RiskIdentification.TOWNSHIP_REVIEW;
import static org.bangfu.identification.RiskIdentification.VERIFY_HOUSEHOLD;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bangfu.security.AccessProvisioning;
import org.bangfu.testing.EngineErrorLog;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 办理 in one request ({@code POST /api/cases/{id}/steps/{step}/complete}, {@code POST /api/tasks/{id}/complete}),
 * as an attacker and a careless client would call it over HTTP: whoever the task is not offered to is refused as the
 * engine REST API refuses them, the form's rules hold, the claim is undone with a refused completion, and two
 * completions of one task at the same moment count once.
 */
class TaskCompletionIT extends MariaDbIntegrationTest {

  /** A second cadre of 东山村, for a colleague's claim (TaskOperationsIT's, whose mails it counts). */
  static final String COLLEAGUE = TaskOperationsIT.COLLEAGUE;

  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  AccessProvisioning provisioning;
  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void aSecondCadreInDongshan() {
    TaskOperationsIT.ensureColleague(provisioning);
  }

  @Test
  void aCadreCompletesTheirStepInOneRequestAndNobodyElseCan() {
    Map<String, Object> opened = openedIdentification(DONGSHAN, "cadre_dongshan").caseFile();
    long caseId = ((Number) opened.get("id")).longValue();
    String bk = (String) opened.get("businessKey");
    String verify = openTask(bk, VERIFY_HOUSEHOLD).getId();
    String byStep = "/api/cases/" + caseId + "/steps/" + VERIFY_HOUSEHOLD + "/complete";
    String byId = "/api/tasks/" + verify + "/complete";
    Map<String, Object> valid = fields(Map.of("authorisationSigned", true, "verifyFindings", "情况属实",
        "verifyDecision", "CONFIRM"));

    // the refusals are the user's mistakes: the engine logs none of them as its own error
    EngineErrorLog engineErrors = EngineErrorLog.listen();

    // outside the region, and a department with no measure in the case: not even the case's existence
    for (String outsider : List.of("cadre_liushu", "handler_medins")) {
      assertRefused(api.post(outsider, byStep, valid), 404, "不在您的辖区内");
      assertRefused(api.post(outsider, byId, valid), 404, "不在您的辖区内");
    }
    // and through the engine REST API (Tasklist's path): the same 404 as their read of it, nothing that tells them
    // the task exists (the engine's own refusal named the task and its process)
    for (String outsider : List.of("cadre_liushu", "handler_medins")) {
      for (String read : List.of("", "/variables", "/form-variables", "/form", "/rendered-form", "/identity-links")) {
        ResponseEntity<String> answer = api.as(outsider).getForEntity("/engine-rest/task/" + verify + read, String.class);
        assertThat(answer.getStatusCode().value()).as(read + answer.getBody()).isEqualTo(404);
        assertThat(answer.getBody()).as(read).contains("请求的任务或记录不存在").doesNotContain(verify)
            .doesNotContain("RiskIdentification");
      }
      for (String action : List.of("claim", "unclaim", "assignee", "complete", "submit-form")) {
        ResponseEntity<Map<String, Object>> answer = api.post(outsider, "/engine-rest/task/" + verify + "/" + action,
            action.equals("claim") || action.equals("assignee") ? Map.of("userId", outsider) : Map.of());
        assertRefused(answer, 404, "请求的任务或记录不存在");
        assertThat(String.valueOf(answer.getBody())).as(action).doesNotContain(verify)
            .doesNotContain("RiskIdentification");
      }
      // nor a comment on it (was Camunda's English 400; the engine's own command asks nobody)
      assertRefused(api.post(outsider, "/engine-rest/task/" + verify + "/comment/create", Map.of("message", "越权留言")),
          404, "请求的任务或记录不存在");
    }
    // inside the region but not the village's step: the township, the county's supervisor, the administrator
    assertRefused(api.post("reviewer_heping", byStep, valid), 403, "您没有办理此任务的权限");
    assertRefused(api.post("supervisor_county", byId, valid), 403, "您没有办理此任务的权限");
    assertRefused(api.postAsAdmin(byStep, valid), 403, "管理员不能代替审批人员办理任务");
    // the cadre's own mistakes, each in words, and the claim the completion began is undone with it
    assertRefused(api.post("cadre_dongshan", byStep, fields(Map.of("authorisationSigned", true,
        "verifyFindings", "情况属实", "verifyDecision", "CONFIRM", "villageCode", "629901101201"))), 400,
        "以下字段不能提交：villageCode");
    assertRefused(api.post("cadre_dongshan", byStep, fields(Map.of("verifyFindings", Map.of("value", "x"),
        "verifyDecision", "CONFIRM"))), 400, "表单只能提交文字、数字、是否和日期，以下字段的类型不能提交：verifyFindings");
    assertRefused(api.post("cadre_dongshan", byStep, fields(Map.of("authorisationSigned", true,
        "verifyFindings", "情况属实", "verifyDecision", "MAYBE"))), 400, "核实结论");
    assertRefused(api.post("cadre_dongshan", byStep, fields(Map.of("authorisationSigned", true,
        "verifyFindings", "情况属实"))), 400, "请填写“核实结论”");
    assertRefused(api.post("cadre_dongshan", byStep, fields(Map.of("verifyFindings", "情况属实",
        "verifyDecision", "CONFIRM"))), 400, "请先取得农户签字的授权书");
    assertRefused(api.post("cadre_dongshan", "/api/cases/" + caseId + "/steps/" + TOWNSHIP_REVIEW + "/complete",
        valid), 409, "当前没有待办理的“乡镇审核”环节");
    assertRefused(api.post("cadre_dongshan", "/api/cases/" + caseId + "/steps/1x/complete", valid), 400, "环节编号有误");
    assertRefused(api.post("cadre_dongshan", "/api/cases/" + caseId + "/steps/Activity_Nowhere/complete", valid), 400,
        "流程模型中没有编号为 Activity_Nowhere 的环节");
    assertRefused(api.post("cadre_dongshan", "/api/cases/987654321/steps/" + VERIFY_HOUSEHOLD + "/complete", valid),
        404, "案件不存在");
    assertThat(rest.postForEntity(byStep, valid, Map.class).getStatusCode().value()).isEqualTo(401);
    // Tasklist's path: claimed, then completed without a decision — refused by the completion's listener, in words
    assertThat(api.claim("cadre_dongshan", verify).getStatusCode().value()).isEqualTo(204);
    assertRefused(api.complete("cadre_dongshan", verify, Map.of("authorisationSigned", true,
        "verifyFindings", "情况属实")), 400, "请填写“核实结论”");
    assertThat(api.post("cadre_dongshan", "/engine-rest/task/" + verify + "/unclaim", Map.of())
        .getStatusCode().value()).isEqualTo(204);
    // a colleague of the same village holds it: named, and only they complete it
    assertThat(api.claim(COLLEAGUE, verify).getStatusCode().value()).isEqualTo(204);
    assertRefused(api.post("cadre_dongshan", byStep, valid), 409, "认领，只能由认领人办理");
    assertRefused(api.post("cadre_dongshan", byId, valid), 409, "认领，只能由认领人办理");
    assertThat(api.post(COLLEAGUE, "/engine-rest/task/" + verify + "/unclaim", Map.of()).getStatusCode().value())
        .isEqualTo(204);

    // the engine's own authorization still decides: an administrator's REVOKE of the colleague's work on this task
    Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(COLLEAGUE);
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(verify);
    revoke.removePermission(TaskPermissions.TASK_WORK);
    revoke.removePermission(Permissions.UPDATE);
    authorizationService.saveAuthorization(revoke);
    try {
      assertRefused(api.post(COLLEAGUE, byId, valid), 403, "您没有办理此任务的权限");
    } finally {
      authorizationService.deleteAuthorization(revoke.getId());
    }

    engineErrors.close();
    assertThat(engineErrors.errors()).isEmpty();

    // nothing of the refusals was written: the task open and free, no decision in the audit
    Task stillOpen = openTask(bk, VERIFY_HOUSEHOLD);
    assertThat(taskService.getTaskComments(verify)).isEmpty();
    assertThat(stillOpen.getId()).isEqualTo(verify);
    assertThat(stillOpen.getAssignee()).isNull();
    assertThat(auditRows(caseId, VERIFY_HOUSEHOLD)).isZero();

    ResponseEntity<Map<String, Object>> done = api.post("cadre_dongshan", byStep, valid);
    assertThat(done.getStatusCode().value()).as("%s", done.getBody()).isEqualTo(200);
    assertThat(done.getBody()).containsEntry("message", "已办结“入户核实”").containsEntry("taskId", verify);
    assertThat(taskService.createTaskQuery().taskId(verify).count()).isZero();
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(verify).singleResult().getAssignee())
        .isEqualTo("cadre_dongshan");
    assertThat(jdbc.queryForObject("SELECT actor FROM bf_case_audit WHERE case_id = ? AND step = ? AND decision = ?",
        String.class, caseId, VERIFY_HOUSEHOLD, "CONFIRM")).isEqualTo("cadre_dongshan");
    // the next step, by its task's id this time; and the first again: already done
    String review = openTask(bk, DEMOCRATIC_REVIEW).getId();
    assertRefused(api.post("cadre_dongshan", byId, valid), 409, "任务不存在或已经办结");
    ResponseEntity<Map<String, Object>> reviewed = api.post("cadre_dongshan", "/api/tasks/" + review + "/complete",
        fields(Map.of("reviewDecision", "PASS")));
    assertThat(reviewed.getStatusCode().value()).as("%s", reviewed.getBody()).isEqualTo(200);
    assertThat(reviewed.getBody()).containsEntry("taskId", review);
    assertThat(auditRows(caseId, DEMOCRATIC_REVIEW)).isEqualTo(1);
  }

  @Test
  void twoCompletionsOfOneTaskAtTheSameMomentCountOnce() throws Exception {
    Map<String, Object> opened = openedIdentification(DONGSHAN, "cadre_dongshan").caseFile();
    long caseId = ((Number) opened.get("id")).longValue();
    String bk = (String) opened.get("businessKey");
    String url = "/api/cases/" + caseId + "/steps/" + VERIFY_HOUSEHOLD + "/complete";
    Map<String, Object> valid = fields(Map.of("authorisationSigned", true, "verifyFindings", "情况属实",
        "verifyDecision", "CONFIRM"));
    // two colleagues of the village, and one of them clicking twice
    List<String> users = List.of("cadre_dongshan", COLLEAGUE, COLLEAGUE);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(users.size());
    try {
      List<Future<ResponseEntity<Map<String, Object>>>> answers = new ArrayList<>();
      for (String user : users) {
        answers.add(pool.submit(() -> {
          start.await();
          return api.post(user, url, valid);
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<ResponseEntity<Map<String, Object>>> answer : answers) {
        ResponseEntity<Map<String, Object>> response = answer.get();
        statuses.add(response.getStatusCode().value());
        if (response.getStatusCode().value() != 200) {
          assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(409);
        }
      }
      assertThat(statuses).as("one completion, the others refused as stale").containsOnlyOnce(200);
    } finally {
      pool.shutdownNow();
    }
    assertThat(auditRows(caseId, VERIFY_HOUSEHOLD)).isEqualTo(1);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(bk)
        .taskDefinitionKey(VERIFY_HOUSEHOLD).count()).isEqualTo(1);
  }

  // ---------------------------------------------------------------------------------------------------------------

  private Task openTask(String bk, String step) {
    return taskService.createTaskQuery().processInstanceBusinessKey(bk).taskDefinitionKey(step).singleResult();
  }

  private int auditRows(long caseId, String step) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM bf_case_audit WHERE case_id = ? AND step = ?", Integer.class,
        caseId, step);
  }

  private static Map<String, Object> fields(Map<String, Object> fields) {
    return Map.of("fields", fields);
  }

  private static void assertRefused(ResponseEntity<Map<String, Object>> response, int status, String words) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
    assertThat(String.valueOf(response.getBody())).contains(words);
  }
}
