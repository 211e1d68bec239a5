package org.bangfu.casepage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.DONGSHAN;
import static org.bangfu.demo.DemoData.XIHE;

import java.util.List;
import java.util.Map;
import org.bangfu.identification.RiskIdentification;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every task says whose case it is, and a case is found by its number, its 户主's name or an ID number — exactly,
 * within the user's region, and recorded. Through HTTP as Tasklist and our pages call it.
 */
class CaseSearchIT extends MariaDbIntegrationTest {

  private static final String HAN = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉";
  private static int sequence = (int) (System.nanoTime() % 7919);

  @Autowired
  JdbcTemplate jdbc;

  /** A unique name of Chinese characters (a search matches whole names only, and names have no digits). */
  static String uniqueName() {
    int n = ++sequence * 7919 + (int) (System.nanoTime() % 1000);
    StringBuilder name = new StringBuilder("司马");
    for (int i = 0; i < 4; i++, n /= HAN.length()) {
      name.append(HAN.charAt(Math.floorMod(n, HAN.length())));
    }
    return name.toString();
  }

  private Map<String, Object> caseOf(String village, String cadre, String headName, Map<String, Object> household) {
    household.put("headName", headName);
    long id = api.createHousehold(cadre, household);
    return api.openCase(cadre, Map.of("householdId", id, "channel", "CADRE_SCREENING", "riskTypes",
        List.of("ILLNESS")));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aCaseIsFoundByNumberNameAndIdNumberWithinTheRegionOnlyAndEachSearchIsRecorded() {
    String name = uniqueName();
    Map<String, Object> household = ApiClient.household(DONGSHAN, "FORMERLY_POOR", 7200, 0, "FULL", "FULL");
    String spouseId = (String) ((List<Map<String, Object>>) household.get("members")).get(1).get("idNumber");
    Map<String, Object> opened = caseOf(DONGSHAN, "cadre_dongshan", name, household);
    String bk = (String) opened.get("businessKey");

    for (String q : List.of(bk, bk.toLowerCase(), name, spouseId)) {
      List<Map<String, Object>> hits = api.getList("reviewer_heping", "/api/cases/search?q=" + q).getBody();
      assertThat(hits).as(q).extracting(h -> h.get("businessKey")).containsExactly(bk);
      assertThat(hits.get(0)).containsEntry("headName", name).containsEntry("place", "和平镇东山村")
          .containsEntry("statusLabel", "识别中");
    }
    // exact only: a part of the name finds nothing; another region's cadre finds nothing
    assertThat(api.getList("reviewer_heping", "/api/cases/search?q=" + name.substring(0, 4)).getBody()).isEmpty();
    assertThat(api.getList("cadre_xihe", "/api/cases/search?q=" + bk).getBody()).isEmpty();
    assertThat(api.getList("cadre_xihe", "/api/cases/search?q=" + name).getBody()).isEmpty();
    assertThat(api.getList("reviewer_fumin", "/api/cases/search?q=" + spouseId).getBody()).isEmpty();

    Integer recorded = jdbc.queryForObject("SELECT COUNT(*) FROM bf_case_search WHERE user_id = 'reviewer_heping'"
        + " AND query_kind = 'ID_NUMBER' AND query_text = ? AND result_count = 1", Integer.class,
        spouseId.substring(0, 6) + "********" + spouseId.substring(14));
    assertThat(recorded).as("the ID number is kept masked").isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_case_search WHERE query_text = ?", Integer.class,
        spouseId)).isZero();
    assertThat(jdbc.queryForObject("SELECT result_count FROM bf_case_search WHERE user_id = 'cadre_xihe'"
        + " AND query_text = ?", Integer.class, bk)).isZero();
  }

  @Test
  void whatCannotBeSearchedIsSaidInChineseAndNothingIsRecorded() {
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM bf_case_search", Integer.class);
    String badChecksum = ApiClient.newIdNumber(1980);
    badChecksum = badChecksum.substring(0, 17) + (badChecksum.charAt(17) == '1' ? '2' : '1');
    for (String q : List.of("", "12", "BF62", "' OR 1=1 --", "%", badChecksum)) {
      ResponseEntity<Map<String, Object>> answer = api.get("approver_county", "/api/cases/search?q=" + q);
      assertThat(answer.getStatusCode().value()).as(q).isEqualTo(400);
      assertThat(answer.getBody().toString()).as(q).containsAnyOf("身份证号码", "案件编号");
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bf_case_search", Integer.class)).isEqualTo(before);
  }

  @Test
  void myOpenedCasesListsWhatTheCadreRegistered() {
    String name = uniqueName();
    Map<String, Object> opened = caseOf(XIHE, "cadre_xihe", name,
        ApiClient.household(XIHE, "ORDINARY", 7000, 0, "FULL"));
    assertThat(api.getList("cadre_xihe", "/api/cases/mine?size=100").getBody())
        .extracting(h -> h.get("businessKey")).contains(opened.get("businessKey"));
    assertThat(api.getList("cadre_dongshan", "/api/cases/mine?size=100").getBody())
        .extracting(h -> h.get("businessKey")).doesNotContain(opened.get("businessKey"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void tasklistsCardsAndFormsSayWhoseCaseItIsAndTheSystemAloneWritesIt() {
    String name = uniqueName();
    Map<String, Object> opened = caseOf(DONGSHAN, "cadre_dongshan", name,
        ApiClient.household(DONGSHAN, "FORMERLY_POOR", 7200, 0, "FULL", "NONE"));
    String bk = (String) opened.get("businessKey");
    String task = api.tasks("cadre_dongshan", bk).stream()
        .filter(t -> RiskIdentification.VERIFY_HOUSEHOLD.equals(t.get("taskDefinitionKey")))
        .map(t -> (String) t.get("id")).findFirst().orElseThrow();

    // the card: Tasklist lists the standard filter with its variables (HAL), as the cadre
    String filter = (String) api.getList("cadre_dongshan", "/engine-rest/filter?name=本组待办").getBody().get(0)
        .get("id");
    HttpHeaders hal = new HttpHeaders();
    hal.set("Accept", "application/hal+json");
    hal.set("Content-Type", "application/json");
    ResponseEntity<Map> list = api.as("cadre_dongshan").exchange("/engine-rest/filter/" + filter
        + "/list?firstResult=0&maxResults=200", HttpMethod.POST, new HttpEntity<>("{}", hal), Map.class);
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    List<Map<String, Object>> tasks = (List<Map<String, Object>>) ((Map<String, Object>) list.getBody()
        .get("_embedded")).get("task");
    Map<String, Object> card = tasks.stream().filter(t -> task.equals(t.get("id"))).findFirst().orElseThrow();
    List<Map<String, Object>> variables = (List<Map<String, Object>>) ((Map<String, Object>) card.get("_embedded"))
        .get("variable");
    assertThat(variables).extracting(v -> v.get("name") + "=" + v.get("value"))
        .contains("caseTitle=" + name + " · 和平镇东山村 · " + bk)
        .anyMatch(v -> v.startsWith("caseFact=因病 · 人均纯收入 7,200 元/年"));

    // the form's summary: household, members with masked ID numbers, the case so far with names
    Map<String, Object> formVariables = api.get("cadre_dongshan", "/engine-rest/task/" + task
        + "/form-variables").getBody();
    String summary = (String) ((Map<String, Object>) formVariables.get("caseSummary")).get("value");
    assertThat(summary).contains("案件概况：" + name + " · 和平镇东山村 · " + bk).contains("家庭成员**（2 人）").contains("人均纯收入 7,200 元/年（12 个月有记录）")
        .contains("户主，629988" + "\\*".repeat(8)).contains("收到风险线索：立案（王建国（东山村））")
        .doesNotContainPattern("629988\\d{8}");

    // the case page's diagram: the stage the case waits in, its current step, for those who may read the case only
    Map<String, Object> diagram = api.get("cadre_dongshan", "/api/cases/" + opened.get("id") + "/diagram").getBody();
    assertThat(diagram).containsEntry("name", "风险识别（监测对象识别）");
    assertThat((List<String>) diagram.get("current")).contains(RiskIdentification.VERIFY_HOUSEHOLD);
    assertThat((String) diagram.get("xml")).contains("<bpmn:process id=\"RiskIdentificationProcess\"");
    assertThat(api.get("cadre_xihe", "/api/cases/" + opened.get("id") + "/diagram").getStatusCode().value())
        .isEqualTo(404);

    // the link from the task to its case page, for those who may read the case only
    assertThat(api.get("cadre_dongshan", "/api/cases/of-task/" + task).getBody())
        .containsEntry("businessKey", bk).containsEntry("headName", name);
    assertThat(api.get("cadre_xihe", "/api/cases/of-task/" + task).getStatusCode().value()).isEqualTo(404);
    assertThat(api.get("handler_medins", "/api/cases/of-task/" + task).getStatusCode().value()).isEqualTo(404);

    // nobody writes the card: a completion carrying it is refused and the task stays open with its own words
    assertThat(api.claim("cadre_dongshan", task).getStatusCode().value()).isEqualTo(204);
    ResponseEntity<Map<String, Object>> forged = api.complete("cadre_dongshan", task, Map.of(
        "authorisationSigned", true, "verifyFindings", "属实", "verifyDecision", "CONFIRM",
        "caseTitle", "别人家 · 别的村"));
    assertThat(forged.getStatusCode().value()).isEqualTo(400);
    assertThat(api.tasks("cadre_dongshan", bk)).extracting(t -> t.get("id")).contains(task);
    ResponseEntity<Map<String, Object>> rewrite = api.put("cadre_dongshan", "/engine-rest/task/" + task
        + "/localVariables/caseTitle", Map.of("value", "别人家"));
    assertThat(rewrite.getStatusCode().value()).isIn(400, 403);
    assertThat(api.get("cadre_dongshan", "/api/cases/of-task/" + task).getBody()).containsEntry("headName", name);

    // the next step's summary says what the village found and who decided
    assertThat(api.complete("cadre_dongshan", task, Map.of("authorisationSigned", true,
        "verifyFindings", "户主长期服药，配偶无劳动能力", "verifyDecision", "CONFIRM")).getStatusCode().value())
        .isEqualTo(204);
    String review = api.tasks("cadre_dongshan", bk).stream()
        .filter(t -> RiskIdentification.DEMOCRATIC_REVIEW.equals(t.get("taskDefinitionKey")))
        .map(t -> (String) t.get("id")).findFirst().orElseThrow();
    String next = (String) ((Map<String, Object>) api.get("cadre_dongshan", "/engine-rest/task/" + review
        + "/form-variables").getBody().get("caseSummary")).get("value");
    assertThat(next).contains("：户主长期服药，配偶无劳动能力").contains("入户核实：属实（王建国（东山村））")
        .contains("人均纯收入 7,200 元/年");
  }
}
