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

  private ResponseEntity<String> admin(HttpMethod method, String path, String json) {
    return call("admin", "admin", method, path, json);
  }

  private ResponseEntity<String> call(String user, String password, HttpMethod method, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, password).exchange(path, method, new HttpEntity<>(json, headers), String.class);
  }
}
