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
import org.bangfu.testing.OtherClient;
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
 * Attacks the application must withstand: guessing passwords (throttled per client and account, never locking
 * anyone out, and telling nothing of who exists), cross-site writes (the webapps' CSRF token, and browsers' own marks
 * of another site whatever the credentials), and changing the case audit behind the application's back (the database
 * refuses).
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
  @org.springframework.boot.test.web.server.LocalServerPort
  int port;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  /**
   * Anyone could lock out the county approver: ten wrong passwords from anywhere locked the account for everyone
   * until an administrator unlocked it. A stranger's guesses through every sign-in door, spread over hours of engine
   * time (which let each one count), now hold up only the stranger's own client.
   */
  @Test
  void nobodyCanLockOutTheCountyApprover() throws Exception {
    OtherClient stranger = new OtherClient("127.0.0.2", port);
    for (int i = 0; i < 12; i++) {
      assertThat(stranger.basic("GET", "/api/me", "approver_county", "guess-" + i).status()).isEqualTo(401);
      assertThat(stranger.basic("GET", "/engine-rest/task/count", "approver_county", "guess-" + i).status())
          .isEqualTo(401);
      assertThat(stranger.webappLogin("tasklist", "approver_county", "guess-" + i).status()).isEqualTo(401);
      later(2);
    }
    ClockUtil.reset();

    // the approver, from their own computer, right away, at every door
    assertThat(rest.withBasicAuth("approver_county", ApiClient.PASSWORD).getForEntity("/api/me", Map.class)
        .getStatusCode().value()).isEqualTo(200);
    assertThat(rest.withBasicAuth("approver_county", ApiClient.PASSWORD)
        .getForEntity("/engine-rest/task/count", String.class).getStatusCode().value()).isEqualTo(200);
    assertThat(WebappSession.signIn(rest.getRootUri(), "tasklist", "approver_county", ApiClient.PASSWORD).login()
        .statusCode()).isEqualTo(200);

    // the stranger's client waits, even with the right password, and is not told to see an administrator
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(70).toNanos(); // the longest wait is a minute
    while (stranger.basic("GET", "/api/me", "approver_county", "guess-again").body().contains("登录失败次数过多")) {
      // until a guess is checked (and counted) again
      assertThat(System.nanoTime()).as("the stranger's wait ends").isLessThan(deadline);
      Thread.sleep(100);
    }
    OtherClient.Answer right = stranger.basic("GET", "/api/me", "approver_county", ApiClient.PASSWORD);
    assertThat(right.status()).isEqualTo(401);
    assertThat(right.body()).contains("登录失败次数过多").contains("秒后再试").doesNotContain("管理员");
  }

  /**
   * After a failure a client waits before its next try for that account, longer after each failure in a row (1 s,
   * 2 s …); tries while it waits are refused unchecked; the user's other computer is not held up.
   */
  @Test
  void aClientThatFailsWaitsLongerEachTimeThenSignsIn() throws Exception {
    // in no group: the other tests count the members of the demo groups (e.g. who an urge mails)
    provisioning.ensureUser(USER, "试", "锁定", null, ApiClient.PASSWORD, List.of());
    OtherClient laptop = new OtherClient("127.0.0.5", port);
    assertThat(laptop.basic("GET", "/api/me", USER, ApiClient.PASSWORD).status()).isEqualTo(200);

    OtherClient.Answer wrong = laptop.basic("GET", "/api/me", USER, "guess-1");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain("登录失败次数过多");
    OtherClient.Answer tooSoon = laptop.basic("GET", "/api/me", USER, ApiClient.PASSWORD);
    assertThat(tooSoon.status()).isEqualTo(401);
    assertThat(tooSoon.body()).contains("登录失败次数过多，请 1 秒后再试");
    // the same user on another computer
    assertThat(me(ApiClient.PASSWORD).getStatusCode().value()).isEqualTo(200);
    Thread.sleep(1_100);
    assertThat(laptop.basic("GET", "/api/me", USER, ApiClient.PASSWORD).status()).isEqualTo(200);

    // two failures in a row: two seconds
    assertThat(laptop.basic("GET", "/api/me", USER, "guess-2").status()).isEqualTo(401);
    Thread.sleep(1_100);
    assertThat(laptop.basic("GET", "/api/me", USER, "guess-3").body()).doesNotContain("登录失败次数过多");
    assertThat(laptop.basic("GET", "/api/me", USER, ApiClient.PASSWORD).body()).contains("请 2 秒后再试");
    Thread.sleep(2_100);
    assertThat(laptop.basic("GET", "/api/me", USER, ApiClient.PASSWORD).status()).isEqualTo(200);
  }

  /**
   * A sign-in told whether a user exists: after a wrong password a real user was "locked", an unknown one was not.
   * At every door — the API, the engine REST API, the documentation (HTTP Basic), Tasklist's sign-in — a real user's
   * wrong password and an unknown user get the same answers, the first try and the next.
   */
  @Test
  void anUnknownUserAndAWrongPasswordGetTheSameAnswersAtEveryDoor() throws Exception {
    record Door(String name, java.util.function.BiFunction<OtherClient, String, OtherClient.Answer> attempt) {
    }
    List<Door> doors = List.of(
        new Door("/api", (c, user) -> call(() -> c.basic("GET", "/api/me", user, "guess"))),
        new Door("/engine-rest", (c, user) -> call(() -> c.basic("GET", "/engine-rest/task/count", user, "guess"))),
        new Door("documentation", (c, user) -> call(() -> c.basic("GET", "/v3/api-docs", user, "guess"))),
        new Door("Tasklist", (c, user) -> call(() -> c.webappLogin("tasklist", user, "guess"))));
    int address = 10;
    for (Door door : doors) {
      OtherClient guessingReal = new OtherClient("127.0.0." + address++, port);
      OtherClient guessingUnknown = new OtherClient("127.0.0." + address++, port);
      for (int attempt = 1; attempt <= 2; attempt++) {
        OtherClient.Answer real = door.attempt().apply(guessingReal, "approver_county");
        OtherClient.Answer unknown = door.attempt().apply(guessingUnknown, "approver_nobody");
        String what = door.name() + ", try " + attempt;
        assertThat(unknown.status()).as(what).isEqualTo(real.status()).isEqualTo(401);
        assertThat(comparable(unknown.body())).as(what).isEqualTo(comparable(real.body()));
        assertThat(unknown.header("WWW-Authenticate")).as(what).isEqualTo(real.header("WWW-Authenticate"));
      }
    }
  }

  /** The body without what differs from one answer to the next anyway (a time, a request id). */
  private static String comparable(String body) {
    return body.replaceAll("\"timestamp\":\"[^\"]*\"", "").replaceAll("\"requestId\":\"[^\"]*\"", "");
  }

  private interface Call {
    OtherClient.Answer run() throws Exception;
  }

  private static OtherClient.Answer call(Call call) {
    try {
      return call.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
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
   * After the browser's sign-in prompt (the API documentation, the actuator) it sends the remembered HTTP Basic
   * credentials with every request to this server, also a form's post from another site: a bodyless write of the API
   * went through. Every write a browser marks as coming from another site is refused now, at every door; API clients,
   * which send no such marks, go on as before.
   */
  @Test
  void aFormOnAnotherSiteCannotWriteWithRememberedBasicCredentials() throws Exception {
    // a copy (抄送) of a village's task for the township's reviewer, unread
    OpenedCase opened = openedIdentification(DONGSHAN, "cadre_dongshan");
    String task = (String) opened.task().get("id");
    assertThat(api.claim("cadre_dongshan", task).getStatusCode().value()).isEqualTo(204);
    assertThat(api.post("cadre_dongshan", "/api/tasks/" + task + "/cc", Map.of("recipients",
        List.of("reviewer_heping"), "note", "请阅")).getStatusCode().value()).isEqualTo(200);
    long copy = jdbc.queryForObject("SELECT id FROM bf_task_cc WHERE task_id = ? AND recipient = ?", Long.class,
        task, "reviewer_heping");

    OtherClient browser = new OtherClient("127.0.0.1", port);
    Map<String, String> formFromEvil = new java.util.LinkedHashMap<>();
    formFromEvil.put("Authorization", OtherClient.basicHeader("reviewer_heping", ApiClient.PASSWORD));
    formFromEvil.put("Content-Type", "application/x-www-form-urlencoded");
    formFromEvil.put("Origin", "http://evil.example");
    formFromEvil.put("Sec-Fetch-Site", "cross-site");
    formFromEvil.put("Sec-Fetch-Mode", "navigate");
    OtherClient.Answer forged = browser.send("POST", "/api/cc/" + copy + "/read", formFromEvil, "");
    assertThat(forged.status()).as(forged.body()).isEqualTo(403);
    assertThat(forged.body()).containsPattern("\\p{IsHan}");
    // a browser that sends no Sec-Fetch-* is known by its Origin
    Map<String, String> olderBrowser = new java.util.LinkedHashMap<>(formFromEvil);
    olderBrowser.remove("Sec-Fetch-Site");
    olderBrowser.remove("Sec-Fetch-Mode");
    assertThat(browser.send("POST", "/api/cc/" + copy + "/read", olderBrowser, "").status()).isEqualTo(403);
    assertThat(readAt(copy)).isNull();

    // the engine REST API (a bodyless unclaim) and the webapps' sign-in (another site signing the browser in)
    Map<String, String> engineForm = new java.util.LinkedHashMap<>(formFromEvil);
    engineForm.put("Authorization", OtherClient.basicHeader("cadre_dongshan", ApiClient.PASSWORD));
    OtherClient.Answer unclaim = browser.send("POST", "/engine-rest/task/" + task + "/unclaim", engineForm, "");
    assertThat(unclaim.status()).as(unclaim.body()).isEqualTo(403);
    assertThat(unclaim.body()).contains("\"type\"").containsPattern("\\p{IsHan}");
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("cadre_dongshan");
    Map<String, String> loginForm = new java.util.LinkedHashMap<>(formFromEvil);
    loginForm.remove("Authorization");
    assertThat(browser.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", loginForm,
        "username=reviewer_heping&password=" + ApiClient.PASSWORD).status()).isEqualTo(403);

    // a page of this server (Swagger UI's "try it out") and an API client without a browser's marks write as before
    Map<String, String> samePage = new java.util.LinkedHashMap<>(formFromEvil);
    samePage.put("Origin", rest.getRootUri());
    samePage.put("Sec-Fetch-Site", "same-origin");
    assertThat(browser.send("POST", "/api/cc/" + copy + "/read", samePage, "").status()).isEqualTo(200);
    jdbc.update("UPDATE bf_task_cc SET read_at = NULL WHERE id = ?", copy);
    Map<String, String> apiClient = Map.of("Authorization",
        OtherClient.basicHeader("reviewer_heping", ApiClient.PASSWORD), "Content-Type",
        "application/x-www-form-urlencoded");
    assertThat(browser.send("POST", "/api/cc/" + copy + "/read", apiClient, "").status()).isEqualTo(200);
    assertThat(readAt(copy)).isNotNull();
  }

  private Object readAt(long copy) {
    return jdbc.queryForObject("SELECT read_at FROM bf_task_cc WHERE id = ?", Object.class, copy);
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
