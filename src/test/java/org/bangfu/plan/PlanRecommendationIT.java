package org.bangfu.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.DONGSHAN;

import java.util.List;
import java.util.Map;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** The deployed measure-recommendation DMN answers for a household of the caller's region, from registry data. */
class PlanRecommendationIT extends MariaDbIntegrationTest {

  @Test
  void recommendsMeasuresFromTheRegistryFigures() {
    long household = api.createHousehold("cadre_dongshan",
        ApiClient.household(DONGSHAN, "ORDINARY", 15000, 45000, "FULL", "FULL", "NONE", "NONE"));
    String path = "/api/households/" + household + "/recommended-measures?riskTypes=ILLNESS";

    ResponseEntity<List<Map<String, Object>>> response = api.getList("cadre_dongshan", path);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getBody()).extracting(r -> r.get("measure") + "/" + r.get("department"))
        .containsExactlyInAnyOrder("MEDICAL/MEDINS", "EMPLOYMENT/HRSS", "TEMP_RELIEF/CIVIL");

    assertThat(api.get("cadre_xihe", path).getStatusCode().value()).isEqualTo(404);
    ResponseEntity<Map<String, Object>> unknown = api.get("cadre_dongshan",
        "/api/households/" + household + "/recommended-measures?riskTypes=BAD_LUCK");
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getBody().toString()).contains("未知的风险类型");
  }
}
