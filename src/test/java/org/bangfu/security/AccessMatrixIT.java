package org.bangfu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.DONGSHAN;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.bangfu.testing.WebappSession;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The access matrix, one row per role × resource × region (reads), and per role × webapp and role × write, for a case in 东山村 (和平镇, 幸福县): who may read the case
 * file, its household, its task, process instance and history (administrators only, through Cockpit), the county's
 * dashboard, the imports and the models.
 * A denial is a 403 or 404 with a message and none of the case's data; for the engine's lists a denial is an empty
 * list (the engine filters by authorization).
 */
class AccessMatrixIT extends MariaDbIntegrationTest {

  /** What a row expects: the case's data, an answer (a list that may be empty), a refusal, an engine list without it. */
  enum Expect { DATA, OK, REFUSED, EMPTY_LIST }

  record Row(String user, String resource, String path, Expect expect) {
  }

  static final List<String> OWN = List.of("cadre_dongshan", "reviewer_heping", "approver_county", "supervisor_county");
  static final List<String> OTHER = List.of("cadre_xihe", "cadre_liushu", "reviewer_fumin", "handler_medins",
      "owner_province");

  @TestFactory
  Stream<DynamicTest> everyRoleSeesItsRegionOnly() {
    TheCase theCase = openCase();
    long household = theCase.household();
    Map<String, Object> caseFile = theCase.caseFile();
    String bk = theCase.businessKey();
    String pid = theCase.processInstanceId();
    String headName = (String) api.get("cadre_dongshan", "/api/households/" + household).getBody().get("headName");

    List<Row> rows = new ArrayList<>();
    for (String user : OWN) {
      rows.add(new Row(user, "case file", "/api/cases/" + caseFile.get("id"), Expect.DATA));
      rows.add(new Row(user, "household", "/api/households/" + household, Expect.DATA));
      rows.add(new Row(user, "village's cases", "/api/cases?region=" + DONGSHAN, Expect.DATA));
    }
    // the engine's process instances and history are for administrators (Cockpit); everyone else reads a case
    // through the case file, whose timeline is made from them
    for (String user : OWN) {
      rows.add(new Row(user, "process instance", "/engine-rest/process-instance/" + pid, Expect.REFUSED));
      rows.add(new Row(user, "task history", "/engine-rest/history/task?processInstanceId=" + pid,
          Expect.EMPTY_LIST));
    }
    rows.add(new Row("admin", "process instance", "/engine-rest/process-instance/" + pid, Expect.DATA));
    rows.add(new Row("admin", "task history", "/engine-rest/history/task?processInstanceId=" + pid, Expect.DATA));
    for (String user : OTHER) {
      rows.add(new Row(user, "case file", "/api/cases/" + caseFile.get("id"), Expect.REFUSED));
      rows.add(new Row(user, "household", "/api/households/" + household, Expect.REFUSED));
      rows.add(new Row(user, "village's cases", "/api/cases?region=" + DONGSHAN, Expect.REFUSED));
      rows.add(new Row(user, "process instance", "/engine-rest/process-instance/" + pid, Expect.REFUSED));
      rows.add(new Row(user, "task list", "/engine-rest/task?processInstanceBusinessKey=" + bk, Expect.EMPTY_LIST));
      rows.add(new Row(user, "task history", "/engine-rest/history/task?processInstanceId=" + pid,
          Expect.EMPTY_LIST));
    }
    // the village's task: its cadre sees it, so do county-wide roles that may act on the case
    rows.add(new Row("cadre_dongshan", "task list", "/engine-rest/task?processInstanceBusinessKey=" + bk,
        Expect.DATA));
    // the county's dashboard: its supervisors only
    rows.add(new Row("supervisor_county", "dashboard", "/api/supervision/629901", Expect.DATA));
    for (String user : List.of("cadre_dongshan", "reviewer_heping", "handler_medins", "owner_province")) {
      rows.add(new Row(user, "dashboard", "/api/supervision/629901", Expect.REFUSED));
    }
    // the models: process owners only
    rows.add(new Row("owner_province", "model versions", "/api/models/definitions", Expect.DATA));
    for (String user : List.of("cadre_dongshan", "reviewer_heping", "approver_county", "supervisor_county")) {
      rows.add(new Row(user, "model versions", "/api/models/definitions", Expect.REFUSED));
    }
    // the imports: the county's approvers and department handlers
    rows.add(new Row("handler_medins", "imports", "/api/imports", Expect.OK));
    rows.add(new Row("approver_county", "imports", "/api/imports", Expect.OK));
    for (String user : List.of("cadre_dongshan", "reviewer_heping", "owner_province")) {
      rows.add(new Row(user, "imports", "/api/imports", Expect.REFUSED));
    }

    return rows.stream().map(row -> DynamicTest.dynamicTest(
        row.user() + " · " + row.resource() + " → " + row.expect(), () -> check(row, bk, headName)));
  }

  /**
   * The webapps by role — Tasklist for every role, Cockpit and Admin for administrators only — and the writes: nobody
   * claims, completes, deletes, starts, deploys or changes variables outside their role through the engine REST API or
   * a Tasklist session, and after all those attempts the case is as it was.
   */
  @TestFactory
  Stream<DynamicTest> theWebappsAndEveryWriteKeepToTheRole() {
    TheCase theCase = openCase();
    String bk = theCase.businessKey();
    String taskId = theCase.taskId();
    String pid = theCase.processInstanceId();
    String base = rest.getRootUri();
    List<DynamicTest> tests = new ArrayList<>();

    for (String user : List.of("cadre_dongshan", "reviewer_heping", "approver_county", "supervisor_county",
        "handler_medins", "owner_province")) {
      tests.add(DynamicTest.dynamicTest(user + " · Tasklist → signed in", () ->
          assertThat(WebappSession.signIn(base, "tasklist", user, ApiClient.PASSWORD).login().statusCode())
              .isEqualTo(200)));
      for (String app : List.of("cockpit", "admin")) {
        tests.add(DynamicTest.dynamicTest(user + " · " + app + " → REFUSED", () -> {
          WebappSession session = WebappSession.signIn(base, app, user, ApiClient.PASSWORD);
          assertThat(session.login().statusCode()).as(session.login().body()).isIn(401, 403);
          assertThat(session.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics")
              .statusCode()).isIn(401, 403);
        }));
      }
    }
    for (String app : List.of("cockpit", "admin")) {
      tests.add(DynamicTest.dynamicTest("admin · " + app + " → signed in", () ->
          assertThat(WebappSession.signIn(base, app, "admin", "admin").login().statusCode()).isEqualTo(200)));
    }
    tests.add(DynamicTest.dynamicTest("admin · Cockpit's instances → DATA", () -> {
      WebappSession cockpit = WebappSession.signIn(base, "cockpit", "admin", "admin");
      assertThat(cockpit.get("/camunda/api/engine/engine/default/process-instance/" + pid).body()).contains(pid);
    }));

    // writes through the engine REST API (HTTP Basic)
    record Write(String user, String what, HttpMethod method, String path, String json) {
    }
    List<Write> writes = new ArrayList<>();
    for (String user : List.of("cadre_xihe", "reviewer_fumin", "handler_medins", "owner_province")) {
      writes.add(new Write(user, "claim the task", HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim",
          "{\"userId\":\"" + user + "\"}"));
      writes.add(new Write(user, "complete the task", HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
          "{\"variables\":{\"verifyDecision\":{\"value\":\"REJECT\"},\"verifyReason\":{\"value\":\"越权\"}}}"));
    }
    for (String user : List.of("cadre_dongshan", "reviewer_heping", "approver_county", "supervisor_county")) {
      writes.add(new Write(user, "delete the instance", HttpMethod.DELETE, "/engine-rest/process-instance/" + pid,
          null));
      writes.add(new Write(user, "change a variable", HttpMethod.PUT, "/engine-rest/process-instance/" + pid
          + "/variables/perCapitaIncome", "{\"value\":1,\"type\":\"Double\"}"));
      writes.add(new Write(user, "start a process", HttpMethod.POST,
          "/engine-rest/process-definition/key/RiskIdentificationProcess/start", "{\"businessKey\":\"x\"}"));
      writes.add(new Write(user, "create a user", HttpMethod.POST, "/engine-rest/user/create",
          "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"Secret-2026\"}}"));
    }
    for (Write write : writes) {
      tests.add(DynamicTest.dynamicTest(write.user() + " · " + write.what() + " → REFUSED", () -> {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        ResponseEntity<String> answer = api.as(write.user()).exchange(write.path(), write.method(),
            new org.springframework.http.HttpEntity<>(write.json(), headers), String.class);
        assertThat(answer.getStatusCode().value()).as("%s: %s", write.path(), answer.getBody()).isIn(400, 403, 404);
        assertThat(String.valueOf(answer.getBody())).doesNotContain(bk);
        if (write.path().startsWith("/engine-rest/task/") && api.as(write.user())
            .getForEntity("/engine-rest/task/" + taskId, String.class).getStatusCode().value() == 404) {
          // a task they cannot read: a write tells them no more than the read (the engine's 403 named the task)
          assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(404);
          assertThat(String.valueOf(answer.getBody())).doesNotContain(taskId);
        }
      }));
    }
    // and through a Tasklist session of another village
    tests.add(DynamicTest.dynamicTest("cadre_xihe · Tasklist session claims the task → REFUSED", () -> {
      WebappSession tasklist = WebappSession.signIn(base, "tasklist", "cadre_xihe", ApiClient.PASSWORD);
      var claim = tasklist.post("/camunda/api/engine/engine/default/task/" + taskId + "/claim",
          "{\"userId\":\"cadre_xihe\"}");
      // another village's task: the same 404 as reading it, not a refusal that names the task
      assertThat(claim.statusCode()).as(claim.body()).isEqualTo(404);
      assertThat(claim.body()).doesNotContain(taskId).containsPattern("\\p{IsHan}");
    }));
    tests.add(DynamicTest.dynamicTest("after all of it the case is as it was", () -> {
      Map<String, Object> open = api.tasks("cadre_dongshan", bk).get(0);
      assertThat(open.get("id")).isEqualTo(taskId);
      assertThat(open.get("assignee")).isNull();
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pid).count()).isEqualTo(1);
      assertThat(runtimeService.getVariable(pid, "perCapitaIncome")).isNotEqualTo(1.0);
      assertThat(rest.withBasicAuth("admin", "admin").getForObject("/engine-rest/user/count?id=intruder",
          String.class)).contains("\"count\":0");
    }));
    return tests.stream();
  }

  /** A case in 东山村 at 入户核实: its household, case file, business key, task and process instance. */
  private record TheCase(long household, Map<String, Object> caseFile, String businessKey, String taskId,
      String processInstanceId) {
  }

  private TheCase openCase() {
    OpenedCase opened = openedIdentification(DONGSHAN, "cadre_dongshan");
    return new TheCase(opened.household(), opened.caseFile(), (String) opened.caseFile().get("businessKey"),
        (String) opened.task().get("id"), (String) opened.task().get("processInstanceId"));
  }

  private void check(Row row, String bk, String headName) {
    var client = row.user().equals("admin") ? rest.withBasicAuth("admin", "admin") : api.as(row.user());
    ResponseEntity<String> response = client.exchange(row.path(), HttpMethod.GET, null, String.class);
    int status = response.getStatusCode().value();
    String body = String.valueOf(response.getBody());
    switch (row.expect()) {
      case DATA -> {
        assertThat(status).as("%s %s: %s", row.user(), row.path(), body).isEqualTo(200);
        assertThat(body).isNotIn("[]", "");
      }
      case OK -> assertThat(status).as("%s %s: %s", row.user(), row.path(), body).isEqualTo(200);
      case REFUSED -> {
        assertThat(status).as("%s %s: %s", row.user(), row.path(), body).isIn(403, 404);
        assertThat(body).doesNotContain(bk).doesNotContain(headName).doesNotContain("idNumber")
            .containsAnyOf("error", "message", "type");
      }
      case EMPTY_LIST -> {
        assertThat(status).as("%s %s: %s", row.user(), row.path(), body).isEqualTo(200);
        assertThat(body).isEqualTo("[]");
      }
      default -> throw new IllegalStateException();
    }
  }
}
