package org.bangfu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.bangfu.demo.DemoData;
import org.bangfu.region.CandidateGroups;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.bangfu.testing.OtherClient;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * API clients' sign-ins are kept for a while (org.bangfu.engine.SignInCache), so a kept sign-in must never outlive
 * what it was made of: over HTTP, on our API and on the engine REST API, a removed membership, a changed password and
 * a deleted user count from the very next request, though the same client had just been let in from the cache.
 */
class SignInCacheIT extends MariaDbIntegrationTest {

  /** Its own user per test: the last test's expected failures must not make this one wait (SignInThrottle). */
  private String user = "cache_cadre";
  private static final String FIRST = "Dongshan-2026!a";
  private static final String SECOND = "Dongshan-2026!b";
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };

  @Autowired
  IdentityService identityService;
  @LocalServerPort
  int port;

  @AfterEach
  void removeUser() {
    if (identityService.createUserQuery().userId(user).count() > 0) {
      identityService.deleteUser(user);
    }
  }

  @Test
  void aKeptSignInNeverOutlivesAMembershipAPasswordOrTheUser() throws Exception {
    User account = identityService.newUser(user);
    account.setFirstName("缓存");
    account.setLastName("测试");
    account.setPassword(FIRST);
    identityService.saveUser(account);
    String village = CandidateGroups.village(DemoData.DONGSHAN);
    identityService.createMembership(user, village);
    String businessKey = openIdentification(DemoData.DONGSHAN, "cadre_dongshan");

    // signed in, then let in again (from the kept sign-in) with the village's group on both doors
    for (int i = 0; i < 3; i++) {
      assertThat(groups(FIRST)).contains(village);
      assertThat(tasks(FIRST, businessKey)).as("the village's task through the engine REST API").hasSize(1);
    }

    // the membership removed (as Admin removes it): the next request has lost the group
    identityService.deleteMembership(user, village);
    assertThat(groups(FIRST)).doesNotContain(village);
    assertThat(tasks(FIRST, businessKey)).as("no task of a village the user left").isEmpty();

    // a new password: the old one is refused at once on both doors, the new one lets in
    identityService.createMembership(user, village);
    assertThat(tasks(FIRST, businessKey)).hasSize(1);
    User changed = identityService.createUserQuery().userId(user).singleResult();
    changed.setPassword(SECOND);
    identityService.saveUser(changed);
    // (the old password's tries come from the laptop: a client that fails waits before its next try, SignInThrottle)
    assertThat(laptop(21).basic("GET", "/api/me", user, FIRST).status()).isEqualTo(401);
    assertThat(laptop(22).basic("GET", "/engine-rest/task?processInstanceBusinessKey=" + businessKey, user, FIRST)
        .status()).isEqualTo(401);
    assertThat(groups(SECOND)).contains(village);
    assertThat(tasks(SECOND, businessKey)).hasSize(1);

    // the user deleted: refused on both doors from the next request
    identityService.deleteUser(user);
    assertThat(me(SECOND).getStatusCode().value()).isEqualTo(401);
    assertThat(engineTasks(SECOND, businessKey).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void aWrongPasswordIsNeverLetInThoughTheRightOneWasJustKept() throws Exception {
    user = "cache_checker";
    User account = identityService.newUser(user);
    account.setFirstName("缓存");
    account.setLastName("测试");
    account.setPassword(FIRST);
    identityService.saveUser(account);
    assertThat(me(FIRST).getStatusCode().value()).isEqualTo(200);
    assertThat(engineTasks(FIRST, "none").getStatusCode().value()).isEqualTo(200);
    // kept now: other passwords of the same user from another computer are still checked and refused
    assertThat(laptop(31).basic("GET", "/api/me", user, FIRST + "x").status()).isEqualTo(401);
    assertThat(laptop(32).basic("GET", "/api/me", user, "").status()).isEqualTo(401);
    assertThat(laptop(33).basic("GET", "/engine-rest/task/count", user, FIRST.toLowerCase()).status()).isEqualTo(401);
    // and a client that has just failed waits, even with the kept password (as with a checked one)
    OtherClient guesser = laptop(34);
    assertThat(guesser.basic("GET", "/engine-rest/task/count", user, "guess").status()).isEqualTo(401);
    assertThat(guesser.basic("GET", "/engine-rest/task/count", user, FIRST).status()).isEqualTo(401);
    assertThat(guesser.basic("GET", "/api/me", user, FIRST).body()).contains("登录失败次数过多");
    assertThat(me(FIRST).getStatusCode().value()).isEqualTo(200);
  }

  private OtherClient laptop(int address) {
    return new OtherClient("127.0.0." + address, port);
  }

  private ResponseEntity<Map<String, Object>> me(String password) {
    return rest.withBasicAuth(user, password).exchange("/api/me", HttpMethod.GET, null,
        new ParameterizedTypeReference<Map<String, Object>>() {
        });
  }

  @SuppressWarnings("unchecked")
  private List<String> groups(String password) {
    ResponseEntity<Map<String, Object>> me = me(password);
    assertThat(me.getStatusCode().value()).as(String.valueOf(me.getBody())).isEqualTo(200);
    return (List<String>) me.getBody().get("groups");
  }

  private ResponseEntity<List<Map<String, Object>>> engineTasks(String password, String businessKey) {
    return rest.withBasicAuth(user, password).exchange("/engine-rest/task?processInstanceBusinessKey=" + businessKey,
        HttpMethod.GET, null, LIST);
  }

  private List<Map<String, Object>> tasks(String password, String businessKey) {
    ResponseEntity<List<Map<String, Object>>> tasks = engineTasks(password, businessKey);
    assertThat(tasks.getStatusCode().value()).isEqualTo(200);
    return tasks.getBody();
  }
}
