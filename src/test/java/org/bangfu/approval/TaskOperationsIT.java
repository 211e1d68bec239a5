package org.bangfu.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.DONGSHAN;

import java.util.List;
import java.util.Map;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.security.AccessProvisioning;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** 转办 and 催办 through the API: within the group only, by the holder only, urged once a day, all audited. */
class TaskOperationsIT extends MariaDbIntegrationTest {

  @org.springframework.beans.factory.annotation.Autowired
  org.camunda.bpm.engine.TaskService engineTasks;


  static final String COLLEAGUE = "cadre_dongshan_ops"; // BadInputIT has its own second cadre, without mail

  @Autowired
  AccessProvisioning provisioning;
  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void aSecondCadreInDongshan() {
    ensureColleague(provisioning);
  }

  /** The second cadre of 东山村 (王二, with mail), for the tests that need a colleague in the village's group. */
  static void ensureColleague(AccessProvisioning provisioning) {
    provisioning.ensureUser(COLLEAGUE, "二", "王", COLLEAGUE + "@demo.bangfu.org", ApiClient.PASSWORD,
        List.of("village-" + DONGSHAN));
  }

  @Test
  void aTaskIsTransferredWithinItsGroupOnlyAndTheNewHolderCompletesIt() {
    String bk = openIdentification(DONGSHAN, "cadre_dongshan");
    String task = verifyTask("cadre_dongshan", bk);
    String url = "/api/tasks/" + task + "/transfer";

    assertThat(status(api.post("reviewer_heping", url, Map.of("toUser", COLLEAGUE, "reason", "x")))).isEqualTo(403);
    ResponseEntity<Map<String, Object>> crossRegion = api.post("cadre_dongshan", url,
        Map.of("toUser", "cadre_xihe", "reason", "外出开会"));
    assertThat(status(crossRegion)).isEqualTo(400);
    assertThat(crossRegion.getBody().toString()).contains("只能转给本组（同一辖区）的人员");
    assertThat(status(api.post("cadre_dongshan", url, Map.of("toUser", COLLEAGUE)))).isEqualTo(400);

    assertThat(status(api.post("cadre_dongshan", url, Map.of("toUser", COLLEAGUE, "reason", "外出开会，请代为核实"))))
        .isEqualTo(200);
    // the colleague holds it now; the first cadre can no longer complete it
    assertThat(api.tasks(COLLEAGUE, bk)).extracting(t -> t.get("assignee")).containsExactly(COLLEAGUE);
    ResponseEntity<Map<String, Object>> notTheHolder = api.complete("cadre_dongshan", task,
        Map.of("authorisationSigned", true, "verifyDecision", "CONFIRM"));
    assertThat(status(notTheHolder)).isEqualTo(403);
    // the holder is named as colleagues know each other, not by sign-in id
    assertThat(String.valueOf(notTheHolder.getBody())).contains("该任务已由 二（王） 认领").doesNotContain(COLLEAGUE);
    ResponseEntity<Map<String, Object>> unclaim = api.post("cadre_dongshan", "/engine-rest/task/" + task + "/unclaim",
        Map.of());
    assertThat(status(unclaim)).isEqualTo(403);
    assertThat(String.valueOf(unclaim.getBody())).contains("该任务已由 二（王） 认领").doesNotContain(COLLEAGUE);
    // a cadre of another township, who cannot see the task, is told it is not there — not who holds it
    ResponseEntity<Map<String, Object>> outsider = api.post("cadre_liushu", "/engine-rest/task/" + task + "/unclaim",
        Map.of());
    assertThat(status(outsider)).isEqualTo(404);
    assertThat(String.valueOf(outsider.getBody())).contains("请求的任务或记录不存在").doesNotContain("二（王）")
        .doesNotContain(COLLEAGUE);
    assertThat(status(api.complete(COLLEAGUE, task, Map.of("authorisationSigned", true, "verifyFindings", "属实",
        "verifyDecision", "CONFIRM")))).isEqualTo(204);

    Map<String, Object> caseView = api.get("cadre_dongshan", "/api/cases/" + id(bk)).getBody();
    assertThat(caseView.get("audit").toString())
        .contains("decision=TRANSFER, reason=转办给 二（王）：外出开会，请代为核实, actor=cadre_dongshan")
        .contains("decision=CONFIRM, reason=null, actor=cadre_dongshan_ops");
  }

  @Test
  void aDelegatedTaskComesBackToTheDelegatorWhoDecides() {
    String bk = openIdentification(DONGSHAN, "cadre_dongshan");
    String task = verifyTask("cadre_dongshan", bk);
    String url = "/api/tasks/" + task + "/delegate";

    assertThat(status(api.post(COLLEAGUE, url, Map.of("toUser", "cadre_dongshan", "reason", "x")))).as("not the holder")
        .isEqualTo(403);
    assertThat(status(api.post("cadre_dongshan", url, Map.of("toUser", "cadre_xihe", "reason", "请代为入户"))))
        .isEqualTo(400);
    assertThat(status(api.post("cadre_dongshan", url, Map.of("toUser", COLLEAGUE, "reason", "请代为入户核实"))))
        .isEqualTo(200);
    assertThat(status(api.post("cadre_dongshan", url, Map.of("toUser", COLLEAGUE, "reason", "再委派")))).isEqualTo(403);

    // handing back stores the values without completing: what the form refuses is refused here, nothing stored
    String resolve = "/engine-rest/task/" + task + "/resolve";
    ResponseEntity<Map<String, Object>> tooLong = api.post(COLLEAGUE, resolve, Map.of("variables", Map.of(
        "verifyFindings", Map.of("value", "很".repeat(5_000)))));
    assertThat(status(tooLong)).isEqualTo(400);
    assertThat(String.valueOf(tooLong.getBody())).contains("“核实情况”不能超过1000个字");
    ResponseEntity<Map<String, Object>> notOption = api.post(COLLEAGUE, resolve, Map.of("variables", Map.of(
        "authorisationSigned", Map.of("value", "yes"))));
    assertThat(status(notOption)).isEqualTo(400);
    ResponseEntity<Map<String, Object>> object = api.post(COLLEAGUE, resolve, Map.of("variables", Map.of(
        "verifyFindings", Map.of("value", "rO0ABXQAAXg=", "type", "Object", "valueInfo", Map.of(
            "objectTypeName", "java.lang.String", "serializationDataFormat", "application/x-java-serialized-object")))));
    assertThat(status(object)).isEqualTo(400);
    assertThat(String.valueOf(object.getBody())).contains("类型不能提交：verifyFindings");
    assertThat(runtimeService.createVariableInstanceQuery().variableName("verifyFindings")
        .processInstanceIdIn(engineTasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId())
        .count()).as("nothing stored").isZero();
    assertThat(api.tasks("cadre_dongshan", bk)).extracting(t -> t.get("delegationState")).containsExactly("PENDING");

    // the colleague fills in the findings and hands it back (resolve), the way Tasklist does for a delegated task
    Map<String, Object> typed = Map.of("variables", Map.of("verifyFindings", Map.of("value", "入户核实：情况属实"),
        "authorisationSigned", Map.of("value", true)));
    assertThat(status(api.post(COLLEAGUE, "/engine-rest/task/" + task + "/resolve", typed))).isEqualTo(204);
    assertThat(api.tasks("cadre_dongshan", bk)).extracting(t -> t.get("assignee"), t -> t.get("delegationState"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("cadre_dongshan", "RESOLVED"));
    assertThat(status(api.complete("cadre_dongshan", task, Map.of("verifyDecision", "CONFIRM")))).isEqualTo(204);

    Map<String, Object> caseView = api.get("cadre_dongshan", "/api/cases/" + id(bk)).getBody();
    assertThat(caseView.get("audit").toString())
        .contains("decision=DELEGATE, reason=委派给 二（王）：请代为入户核实, actor=cadre_dongshan")
        .contains("step=Activity_VerifyHousehold, stepName=入户核实, decision=CONFIRM, reason=null, actor=cadre_dongshan,");
  }

  @Test
  void theTownshipUrgesTheVillageOnceADay() {
    String bk = openIdentification(DONGSHAN, "cadre_dongshan");
    String task = (String) api.tasks("cadre_dongshan", bk).get(0).get("id"); // nobody claimed it: the whole group
    String url = "/api/tasks/" + task + "/urge";

    assertThat(status(api.post("reviewer_fumin", url, Map.of("message", "请尽快核实")))).as("another township")
        .isEqualTo(404);
    assertThat(status(api.post("reviewer_heping", url, Map.of()))).isEqualTo(400);
    ResponseEntity<Map<String, Object>> urged = api.post("reviewer_heping", url, Map.of("message", "请尽快入户核实"));
    assertThat(status(urged)).isEqualTo(200);
    // every member of the village's group is told in the message centre; by mail those with an address
    int members = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_MEMBERSHIP WHERE GROUP_ID_ = ?", Integer.class,
        "village-" + DONGSHAN);
    assertThat(members).isGreaterThanOrEqualTo(2);
    assertThat(((Number) urged.getBody().get("told")).intValue()).isEqualTo(members);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_message WHERE dedup_key LIKE ? AND kind = 'URGE'",
        Integer.class, "urge:" + task + ":%")).isEqualTo(members);
    assertThat(status(api.post("reviewer_heping", url, Map.of("message", "再次催办")))).isEqualTo(409);

    assertThat(jdbc.queryForList("SELECT recipient FROM bf_outbox WHERE kind = 'URGE' AND subject LIKE ?",
        String.class, "%" + bk + "%")).containsExactlyInAnyOrder("cadre_dongshan@demo.bangfu.org",
        COLLEAGUE + "@demo.bangfu.org");
    assertThat(api.get("reviewer_heping", "/api/cases/" + id(bk)).getBody().get("audit").toString())
        .contains("decision=URGE, reason=请尽快入户核实, actor=reviewer_heping");
  }


  private String verifyTask(String user, String bk) {
    String id = (String) api.tasks(user, bk).stream()
        .filter(t -> RiskIdentification.VERIFY_HOUSEHOLD.equals(t.get("taskDefinitionKey"))).findFirst()
        .orElseThrow().get("id");
    assertThat(status(api.claim(user, id))).isEqualTo(204);
    return id;
  }

  private static int status(ResponseEntity<?> response) {
    return response.getStatusCode().value();
  }

  private static long id(String bk) {
    return Long.parseLong(bk.substring(bk.lastIndexOf('-') + 1));
  }
}
