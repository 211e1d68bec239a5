package org.bangfu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bangfu.demo.DemoData.DONGSHAN;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.bangfu.testing.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attacks the application must withstand: guessing passwords (throttled, then locked until an administrator
 * unlocks), cross-site writes through the webapps (Camunda's CSRF token), and changing the case audit behind the
 * application's back (the database refuses).
 */
class SecurityIT extends MariaDbIntegrationTest {

  static final String USER = "cadre_lockout";

  @Autowired
  AccessProvisioning provisioning;
  @Autowired
  IdentityService identityService;
  @Autowired
  TaskService taskService;
  @Autowired
  JdbcTemplate jdbc;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void guessedPasswordsAreThrottledAndThenLockTheUserUntilAnAdministratorUnlocks() {
    // in no group: the other tests count the members of the demo groups (e.g. who an urge mails)
    provisioning.ensureUser(USER, "试", "锁定", null, ApiClient.PASSWORD, List.of());
    identityService.unlockUser(USER);
    assertThat(me(ApiClient.PASSWORD).getStatusCode().value()).isEqualTo(200);

    ResponseEntity<Map> wrong = me("guess-1");
    assertThat(wrong.getStatusCode().value()).isEqualTo(401);
    // right after a failure even the right password waits (3 s after the first failure)
    ResponseEntity<Map> tooSoon = me(ApiClient.PASSWORD);
    assertThat(tooSoon.getStatusCode().value()).isEqualTo(401);
    assertThat(tooSoon.getBody().get("error").toString()).contains("登录失败次数过多");
    later(1);
    assertThat(me(ApiClient.PASSWORD).getStatusCode().value()).isEqualTo(200);

    // ten failures, each after the delay has passed: locked for good
    for (int i = 0; i < 10; i++) {
      assertThat(me("guess-" + i).getStatusCode().value()).isEqualTo(401);
      later(2);
    }
    later(60 * 24);
    ResponseEntity<Map> locked = me(ApiClient.PASSWORD);
    assertThat(locked.getStatusCode().value()).isEqualTo(401);
    assertThat(locked.getBody().get("error").toString()).contains("须由管理员").contains("解锁");
    identityService.unlockUser(USER);
    assertThat(me(ApiClient.PASSWORD).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void theWebappsRefuseASignedInUsersWriteWithoutTheirCsrfToken() throws Exception {
    String bk = openIdentification(DONGSHAN, "cadre_dongshan");
    String task = (String) api.tasks("cadre_dongshan", bk).stream()
        .filter(t -> RiskIdentification.VERIFY_HOUSEHOLD.equals(t.get("taskDefinitionKey"))).findFirst().orElseThrow()
        .get("id");
    WebappSession tasklist = WebappSession.signIn(rest.getRootUri(), "tasklist", "cadre_dongshan",
        ApiClient.PASSWORD);
    assertThat(tasklist.login().statusCode()).as(tasklist.login().body()).isEqualTo(200);
    HttpResponse<String> forged = tasklist.post("/camunda/api/engine/engine/default/task/" + task + "/claim",
        "{\"userId\":\"cadre_dongshan\"}", null);
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
    // Camunda's CSRF filter says why: the token is required
    assertThat(forged.headers().firstValue("X-XSRF-TOKEN")).contains("Required");
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    // (with the token, the same claim is what Tasklist does in the browser tests (org.bangfu.browser))
  }

  /**
   * Our pages (我的审批, the case page) call /api with Tasklist's session, several calls at once: the session keeps its
   * id, so every call finds it and Tasklist stays signed in. (A new id on each call lost the session in the browser
   * whenever two answers crossed.)
   */
  @Test
  void parallelApiCallsWithTheTasklistSessionKeepItsId() throws Exception {
    WebappSession tasklist = WebappSession.signIn(rest.getRootUri(), "tasklist", "reviewer_heping",
        ApiClient.PASSWORD);
    assertThat(tasklist.login().statusCode()).isEqualTo(200);
    // a client without a cookie store: every call carries the session id Tasklist got at sign-in
    HttpClient page = HttpClient.newHttpClient();
    HttpRequest me = HttpRequest.newBuilder(URI.create(rest.getRootUri() + "/api/me"))
        .header("Cookie", "JSESSIONID=" + tasklist.sessionId()).header("Accept", "application/json").build();
    HttpResponse<String> first = page.send(me, HttpResponse.BodyHandlers.ofString());
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(first.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
    List<HttpResponse<String>> parallel = IntStream.range(0, 20)
        .mapToObj(i -> page.sendAsync(me, HttpResponse.BodyHandlers.ofString())).toList().stream()
        .map(CompletableFuture::join).toList();
    assertThat(parallel).extracting(HttpResponse::statusCode).containsOnly(200);
    assertThat(tasklist.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteAuditRows() {
    String bk = openIdentification(DONGSHAN, "cadre_dongshan");
    long caseId = Long.parseLong(bk.substring(bk.lastIndexOf('-') + 1));
    Map<String, Object> before = jdbc.queryForMap("SELECT * FROM bf_case_audit WHERE case_id = ?", caseId);
    assertThatThrownBy(() -> jdbc.update("UPDATE bf_case_audit SET actor = 'someone' WHERE case_id = ?", caseId))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM bf_case_audit WHERE case_id = ?", caseId))
        .hasMessageContaining("append-only");
    assertThat(jdbc.queryForMap("SELECT * FROM bf_case_audit WHERE case_id = ?", caseId)).isEqualTo(before);
    // appending still works: the application's next audit row
    jdbc.update("INSERT INTO bf_case_audit (case_id, step, step_name, decision, reason, actor, task_id, created_at) "
        + "VALUES (?, 'TEST', '测试', 'NOTE', NULL, 'test', NULL, CURRENT_TIMESTAMP)", caseId);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_case_audit WHERE case_id = ?", Integer.class, caseId))
        .isEqualTo(2);
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> me(String password) {
    return rest.withBasicAuth(USER, password).getForEntity("/api/me", Map.class);
  }

  private static void later(int minutes) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + minutes * 60_000L));
  }
}
