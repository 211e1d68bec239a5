package org.bangfu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.DONGSHAN;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The access matrix, one row per role × resource × region, for a case in 东山村 (和平镇, 幸福县): who may read the case
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
    long household = api.createHousehold("cadre_dongshan",
        ApiClient.household(DONGSHAN, "ORDINARY", 7000, 0, "FULL", "NONE"));
    Map<String, Object> caseFile = api.openCase("cadre_dongshan", Map.of("householdId", household,
        "channel", "CADRE_SCREENING", "riskTypes", List.of("ILLNESS")));
    String bk = (String) caseFile.get("businessKey");
    Map<String, Object> task = api.tasks("cadre_dongshan", bk).get(0);
    String pid = (String) task.get("processInstanceId");
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
