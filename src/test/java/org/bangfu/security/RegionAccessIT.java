package org.bangfu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.DONGSHAN;

import java.util.List;
import java.util.Map;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * Nobody sees or acts on a case outside their region: the cadre of another village, even in the same township,
 * cannot list, read, claim or complete its task nor read its case or household; a township sees only its villages.
 * Every refusal is a 4xx with a message, never a 500 and never data.
 */
class RegionAccessIT extends MariaDbIntegrationTest {


  long household;
  Map<String, Object> caseFile;
  String taskId;

  @BeforeEach
  void openCaseInDongshan() {
    household = api.createHousehold("cadre_dongshan",
        ApiClient.household(DONGSHAN, "ORDINARY", 7000, 0, "FULL", "NONE"));
    caseFile = api.openCase("cadre_dongshan", Map.of("householdId", household, "channel", "CADRE_SCREENING",
        "riskTypes", List.of("ILLNESS")));
    taskId = (String) api.tasks("cadre_dongshan", (String) caseFile.get("businessKey")).get(0).get("id");
  }

  @Test
  void theCadreOfAnotherVillageCannotSeeOrTouchTheCase() {
    String other = "cadre_xihe"; // same township, other village
    assertThat(api.getList(other, "/engine-rest/task").getBody()).extracting(t -> t.get("id")).doesNotContain(taskId);
    assertThat(api.tasks(other, (String) caseFile.get("businessKey"))).isEmpty();
    assertRefused(api.get(other, "/engine-rest/task/" + taskId));
    assertRefused(api.claim(other, taskId));
    assertRefused(api.complete(other, taskId, Map.of("verifyDecision", "REJECT", "verifyReason", "x")));
    assertRefused(api.get(other, "/api/cases/" + caseFile.get("id")));
    assertRefused(api.get(other, "/api/households/" + household));
    assertRefused(api.get(other, "/api/households?region=" + DONGSHAN));
    assertRefused(api.post(other, "/api/cases/" + caseFile.get("id") + "/objections", Map.of("content", "x")));

    // the task is untouched: still unclaimed and open for the right village
    Map<String, Object> task = api.get("cadre_dongshan", "/engine-rest/task/" + taskId).getBody();
    assertThat(task.get("assignee")).isNull();
    assertThat(api.get("cadre_dongshan", "/api/cases/" + caseFile.get("id")).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void aTownshipSeesItsOwnVillagesOnly() {
    assertThat(api.get("reviewer_heping", "/api/cases/" + caseFile.get("id")).getStatusCode().value())
        .isEqualTo(200);
    ResponseEntity<Map<String, Object>> own = api.get("reviewer_heping", "/api/households?region=629901100&size=200");
    assertThat(own.getStatusCode().value()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) own.getBody().get("items");
    assertThat(items).isNotEmpty().allMatch(h -> ((String) h.get("villageCode")).startsWith("629901100"));
    assertThat(items).allMatch(h -> ((String) h.get("headIdNumber")).contains("********"));
    assertRefused(api.get("reviewer_heping", "/api/households?region=629901"));
    assertRefused(api.get("reviewer_fumin", "/api/households?region=629901100"));
    assertRefused(api.get("reviewer_fumin", "/api/cases/" + caseFile.get("id")));
    assertRefused(api.get("reviewer_fumin", "/api/cases?region=629901100"));
    assertThat(api.get("approver_county", "/api/households?region=629901").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void aTownshipReviewerSeesTheTownshipTaskOfTheirVillagesAndNoOther() {
    String bk = (String) caseFile.get("businessKey");
    api.decide("cadre_dongshan", bk, RiskIdentification.VERIFY_HOUSEHOLD, Map.of("authorisationSigned", true,
        "verifyFindings", "属实", "verifyDecision", "CONFIRM"));
    assertThat(api.tasks("reviewer_heping", bk)).isEmpty(); // not their step yet
    assertThat(api.tasks("approver_county", bk)).extracting(t -> t.get("taskDefinitionKey"))
        .containsExactly(RiskIdentification.CROSS_CHECK_ASSETS);
    assertThat(api.tasks("reviewer_fumin", bk)).isEmpty();
    assertThat(api.tasks("handler_civil", bk)).isEmpty();
  }

  @Test
  void everyApiRequiresAuthentication() {
    assertThat(rest.getForEntity("/api/cases/" + caseFile.get("id"), String.class).getStatusCode().value())
        .isEqualTo(401);
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode().value()).isEqualTo(401);
    // a user no other test signs in with: a failed login delays that user's next attempts (Camunda's throttling)
    assertThat(rest.withBasicAuth("handler_forestry", "wrong").getForEntity("/api/households/" + household,
        String.class).getStatusCode().value()).isEqualTo(401);
  }

  private static void assertRefused(ResponseEntity<?> response) {
    assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isIn(403, 404);
    assertThat(String.valueOf(response.getBody())).doesNotContain("headName").doesNotContain("idNumber")
        .containsAnyOf("error", "message", "type");
  }
}
