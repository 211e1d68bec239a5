package org.bangfu.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.bangfu.security.AccessProvisioning;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** An administrator loads a county's regions; its routing groups and their grants come with them. */
class RegionAdminIT extends MariaDbIntegrationTest {

  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  AccessProvisioning provisioning;


  @Test
  @SuppressWarnings("unchecked")
  void aNewCountyGetsItsGroupsAndCanRegisterHouseholds() {
    List<Map<String, String>> county = List.of(
        Map.of("code", "629902", "name", "长乐县", "level", "COUNTY"),
        Map.of("code", "629902100", "name", "安宁镇", "level", "TOWNSHIP"),
        Map.of("code", "629902100201", "name", "红旗村", "level", "VILLAGE"));
    ResponseEntity<Map<String, Object>> first = admin(county);
    assertThat(first.getStatusCode().value()).isEqualTo(200);
    assertThat((List<?>) first.getBody().get("created")).hasSize(3);
    assertThat((List<Object>) first.getBody().get("groups")).contains("village-629902100201", "township-629902100",
        "county-629902", "supervisor-629902", "dept-CIVIL-629902");

    assertThat(identityService.createGroupQuery().groupId("village-629902100201").count()).isEqualTo(1);
    assertThat(authorizationService.isUserAuthorized("nobody", List.of("village-629902100201"), Permissions.ACCESS,
        Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(authorizationService.isUserAuthorized("nobody", List.of("village-629902100201"), Permissions.READ,
        Resources.TASK, "*")).isFalse();

    ResponseEntity<Map<String, Object>> again = admin(county);
    assertThat((List<?>) again.getBody().get("created")).isEmpty();
    assertThat((List<?>) again.getBody().get("existing")).hasSize(3);

    // a cadre added to the new village's group works there, and only there
    provisioning.ensureUser("cadre_hongqi", "红", "李", null, ApiClient.PASSWORD, List.of("village-629902100201"));
    api.createHousehold("cadre_hongqi", ApiClient.household("629902100201", "ORDINARY", 8000, 0, "FULL"));
    assertThat(api.get("cadre_hongqi", "/api/households?region=629901100201").getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void onlyAdministratorsLoadRegionsAndBadCodesAreNamed() {
    ResponseEntity<Map<String, Object>> cadre = api.post("cadre_dongshan", "/api/admin/regions",
        List.of(Map.of("code", "629903", "name", "某县", "level", "COUNTY")));
    assertThat(cadre.getStatusCode().value()).isEqualTo(403);
    assertThat((String) cadre.getBody().get("error")).contains("系统管理员");

    ResponseEntity<Map<String, Object>> bad = admin(List.of(
        Map.of("code", "62990", "name", "短码县", "level", "COUNTY"),
        Map.of("code", "629904999201", "name", "孤村", "level", "VILLAGE"),
        Map.of("code", "629905", "name", "某县", "level", "STATE")));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().toString()).contains("regions[0].code").contains("6 位数字")
        .contains("regions[1].code").contains("上级区划 629904999 尚未登记")
        .contains("regions[2].level");
    assertThat(identityService.createGroupQuery().groupId("village-629904999201").count()).isZero();
  }

  private ResponseEntity<Map<String, Object>> admin(Object body) {
    return rest.withBasicAuth("admin", "admin").exchange("/api/admin/regions", HttpMethod.POST,
        new HttpEntity<>(body), new ParameterizedTypeReference<Map<String, Object>>() {
        });
  }
}
