package org.bangfu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bangfu.region.CandidateGroups;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.bangfu.testing.OtherClient;
import org.bangfu.testing.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may create and change accounts, as an outside tester attacked them over HTTP: the setup page that made the
 * first visitor an administrator, passwords like {@code 1}, users renaming themselves, and the history cleanup run by
 * anyone signed in. Each refusal is a 403 or 400 with a Chinese message, and nothing is written.
 */
class AccountsIT extends MariaDbIntegrationTest {

  private static final String ADMIN_ENGINE = "/camunda/api/engine/engine/default";
  private static final String SETUP = "/camunda/api/admin/setup/default/user/create";

  @Autowired
  IdentityService identityService;
  @Autowired
  AccessProvisioning provisioning;
  @Autowired
  JdbcTemplate jdbc;
  @LocalServerPort
  int port;

  /**
   * Camunda Admin's setup page makes whoever comes first an administrator while no administrator exists — on a new
   * installation, an anonymous visitor. It is refused even then; the first administrator comes from the
   * configuration.
   */
  @Test
  void nobodyBecomesAdministratorThroughTheSetupPage() throws Exception {
    String body = "{\"profile\":{\"id\":\"first_visitor\",\"firstName\":\"先\",\"lastName\":\"来\"},"
        + "\"credentials\":{\"password\":\"Visitor-2026!\"}}";
    OtherClient anonymous = new OtherClient("127.0.0.1", port);
    // as on a new installation: nobody in camunda-admin yet (the demo's administrator steps out for the moment)
    identityService.deleteMembership("admin", CandidateGroups.ADMIN);
    try {
      // the visitor opens Admin's page, as the setup page's own script would, for its CSRF token
      OtherClient.Answer setup = anonymous.send("POST", SETUP, java.util.Map.of("Content-Type", "application/json",
          "Accept", "application/json", "X-XSRF-TOKEN", anonymous.pageToken("admin")), body);
      assertThat(setup.status()).as(setup.body()).isEqualTo(403);
      assertThat(setup.body()).containsPattern("\\p{IsHan}").contains("管理员");
      assertThat(identityService.createUserQuery().userId("first_visitor").count()).isZero();
    } finally {
      identityService.createMembership("admin", CandidateGroups.ADMIN);
      identityService.deleteUser("first_visitor");
    }
    // and with an administrator in place, in Chinese too
    OtherClient.Answer later = anonymous.send("POST", SETUP, java.util.Map.of("Content-Type", "application/json",
        "X-XSRF-TOKEN", anonymous.pageToken("admin")), body);
    assertThat(later.status()).isEqualTo(403);
    assertThat(later.body()).containsPattern("\\p{IsHan}");
    assertThat(identityService.createUserQuery().memberOfGroup(CandidateGroups.ADMIN).list())
        .extracting(User::getId).containsExactly("admin");
  }

  /**
   * A password like {@code 1} is refused — set by an administrator for a new or an existing user, through the engine
   * REST API and through Admin, and by a user for themselves — with the rules in Chinese; a password that follows
   * them is taken.
   */
  @Test
  void weakPasswordsAreRefusedWithTheRulesInChinese() throws Exception {
    ResponseEntity<String> created = admin(HttpMethod.POST, "/engine-rest/user/create",
        "{\"profile\":{\"id\":\"weak_one\",\"firstName\":\"弱\",\"lastName\":\"密码\"},\"credentials\":"
            + "{\"password\":\"1\"}}");
    assertPolicyRefusal(created.getStatusCode().value(), created.getBody());
    assertThat(identityService.createUserQuery().userId("weak_one").count()).isZero();
    WebappSession adminApp = WebappSession.signIn(rest.getRootUri(), "admin", "admin", "admin");
    var throughAdmin = adminApp.post(ADMIN_ENGINE + "/user/create", "{\"profile\":{\"id\":\"weak_two\","
        + "\"firstName\":\"弱\",\"lastName\":\"密码\"},\"credentials\":{\"password\":\"password\"}}");
    assertPolicyRefusal(throughAdmin.statusCode(), throughAdmin.body());
    assertThat(identityService.createUserQuery().userId("weak_two").count()).isZero();

    provisioning.ensureUser("cadre_policy", "试", "密码", null, ApiClient.PASSWORD, List.of());
    ResponseEntity<String> reset = admin(HttpMethod.PUT, "/engine-rest/user/cadre_policy/credentials",
        "{\"password\":\"1\",\"authenticatedUserPassword\":\"admin\"}");
    assertPolicyRefusal(reset.getStatusCode().value(), reset.getBody());
    ResponseEntity<String> own = call("cadre_policy", ApiClient.PASSWORD, HttpMethod.PUT,
        "/engine-rest/user/cadre_policy/credentials", "{\"password\":\"1\",\"authenticatedUserPassword\":\""
            + ApiClient.PASSWORD + "\"}");
    assertPolicyRefusal(own.getStatusCode().value(), own.getBody());
    // the user's name is not a password either
    ResponseEntity<String> ownId = call("cadre_policy", ApiClient.PASSWORD, HttpMethod.PUT,
        "/engine-rest/user/cadre_policy/credentials", "{\"password\":\"Cadre_Policy-1\","
            + "\"authenticatedUserPassword\":\"" + ApiClient.PASSWORD + "\"}");
    assertPolicyRefusal(ownId.getStatusCode().value(), ownId.getBody());
    assertThat(identityService.checkPassword("cadre_policy", ApiClient.PASSWORD)).isTrue();

    // what follows the rules is taken, and signs in
    ResponseEntity<String> strong = call("cadre_policy", ApiClient.PASSWORD, HttpMethod.PUT,
        "/engine-rest/user/cadre_policy/credentials", "{\"password\":\"Fuping-2026!\",\"authenticatedUserPassword\":\""
            + ApiClient.PASSWORD + "\"}");
    assertThat(strong.getStatusCode().value()).as(strong.getBody()).isEqualTo(204);
    assertThat(rest.withBasicAuth("cadre_policy", "Fuping-2026!").getForEntity("/api/me", String.class)
        .getStatusCode().value()).isEqualTo(200);
    assertThat(admin(HttpMethod.POST, "/engine-rest/user/create", "{\"profile\":{\"id\":\"strong_one\","
        + "\"firstName\":\"强\",\"lastName\":\"密码\"},\"credentials\":{\"password\":\"Xingfu-County-9\"}}")
        .getStatusCode().value()).isEqualTo(204);
    identityService.deleteUser("strong_one");
  }

  /**
   * A user's name and e-mail are who the audit, the mails and the pages name: the administrator keeps them. A user
   * cannot change their own, neither through the engine REST API nor through the Welcome page's session; changing
   * their own password stays theirs.
   */
  @Test
  void usersCannotRenameThemselves() throws Exception {
    String profile = "{\"id\":\"cadre_xihe\",\"firstName\":\"县长\",\"lastName\":\"冒充\",\"email\":\"x@evil.example\"}";
    ResponseEntity<String> direct = call("cadre_xihe", ApiClient.PASSWORD, HttpMethod.PUT,
        "/engine-rest/user/cadre_xihe/profile", profile);
    assertThat(direct.getStatusCode().value()).as(direct.getBody()).isEqualTo(403);
    assertThat(direct.getBody()).contains("管理员");
    // the Welcome page's call, with the webapps' session and token
    WebappSession session = WebappSession.signIn(rest.getRootUri(), "tasklist", "cadre_xihe", ApiClient.PASSWORD);
    var throughWelcome = session.put(ADMIN_ENGINE + "/user/cadre_xihe/profile", profile);
    assertThat(throughWelcome.statusCode()).as(throughWelcome.body()).isEqualTo(403);
    assertThat(throughWelcome.body()).containsPattern("\\p{IsHan}");
    User unchanged = identityService.createUserQuery().userId("cadre_xihe").singleResult();
    assertThat(unchanged.getFirstName() + "|" + unchanged.getLastName()).isEqualTo("李秀英|西河村");
    assertThat(unchanged.getEmail()).isEqualTo("cadre_xihe@demo.bangfu.org");

    // the administrator may correct them
    assertThat(admin(HttpMethod.PUT, "/engine-rest/user/cadre_xihe/profile", "{\"id\":\"cadre_xihe\",\"firstName\":"
        + "\"李秀英\",\"lastName\":\"西河村\",\"email\":\"cadre_xihe@demo.bangfu.org\"}").getStatusCode().value())
        .isEqualTo(204);
  }

  /**
   * The engine's history cleanup — now, instead of in its nightly window — and the writes on its job are the
   * administrator's: anyone else gets 403 and the job stays as it was.
   */
  @Test
  void onlyAnAdministratorRunsTheHistoryCleanup() throws Exception {
    for (String user : List.of("cadre_dongshan", "approver_county", "supervisor_county", "owner_province")) {
      ResponseEntity<String> cleanup = call(user, ApiClient.PASSWORD, HttpMethod.POST, "/engine-rest/history/cleanup",
          null);
      assertThat(cleanup.getStatusCode().value()).as(user + " " + cleanup.getBody()).isEqualTo(403);
      assertThat(cleanup.getBody()).contains("管理员");
    }
    WebappSession tasklist = WebappSession.signIn(rest.getRootUri(), "tasklist", "approver_county",
        ApiClient.PASSWORD);
    assertThat(tasklist.send("POST", ADMIN_ENGINE + "/history/cleanup", null).statusCode()).isEqualTo(403);

    ResponseEntity<String> byAdmin = admin(HttpMethod.POST, "/engine-rest/history/cleanup", null);
    assertThat(byAdmin.getStatusCode().value()).as(byAdmin.getBody()).isEqualTo(200);
    String job = new com.fasterxml.jackson.databind.ObjectMapper().readTree(byAdmin.getBody()).path("id").asText();
    Object due = jdbc.queryForObject("SELECT DUEDATE_ FROM ACT_RU_JOB WHERE ID_ = ?", Object.class, job);
    for (String[] write : List.of(new String[] {"POST", "/job/" + job + "/execute", null},
        new String[] {"PUT", "/job/" + job + "/duedate", "{\"duedate\":\"2020-01-01T00:00:00.000+0800\"}"},
        new String[] {"PUT", "/job/" + job + "/retries", "{\"retries\":0}"},
        new String[] {"PUT", "/job/" + job + "/suspended", "{\"suspended\":true}"},
        new String[] {"DELETE", "/job/" + job, null})) {
      ResponseEntity<String> answer = call("approver_county", ApiClient.PASSWORD, HttpMethod.valueOf(write[0]),
          "/engine-rest" + write[1], write[2]);
      assertThat(answer.getStatusCode().value()).as(write[1] + " " + answer.getBody()).isEqualTo(403);
    }
    assertThat(jdbc.queryForObject("SELECT DUEDATE_ FROM ACT_RU_JOB WHERE ID_ = ?", Object.class, job))
        .isEqualTo(due);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ = ? AND SUSPENSION_STATE_ = 1 "
        + "AND RETRIES_ > 0", Integer.class, job)).isEqualTo(1);
  }

  private static void assertPolicyRefusal(int status, String body) {
    assertThat(status).as(body).isEqualTo(400);
    assertThat(body).contains("密码不符合要求").contains("至少 10 个字符").contains("大写字母").contains("数字")
        .contains("特殊字符").contains("不得包含用户名");
  }

  private ResponseEntity<String> admin(HttpMethod method, String path, String json) {
    return call("admin", "admin", method, path, json);
  }

  private ResponseEntity<String> call(String user, String password, HttpMethod method, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, password).exchange(path, method, new HttpEntity<>(json, headers), String.class);
  }
}
