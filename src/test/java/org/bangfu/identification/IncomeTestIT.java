package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.DONGSHAN;
import static org.bangfu.identification.RiskIdentification.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.catalogue.Department;
import org.bangfu.policy.PolicyRule;
import org.bangfu.screening.PushLayouts;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.ImportHelper;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The income test as people meet it through the running application on MariaDB (docs/domain.md §1–2): it stops
 * rather than guessing (a year without a line, months without records), it advises rather than rejects, and urgent
 * need reaches the green channel before it — from an 应急 push as from the village's home visit.
 */
class IncomeTestIT extends MariaDbIntegrationTest {

  @Autowired
  JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @PolicyRule("R02")
  void aYearWithoutALineStopsTheTestAndTheCountyIsToldWhy() {
    // 2030 in Beijing: the demo area's table has lines for 2025 to 2027 only
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2030, 1, 15).atTime(10, 0)
        .atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    long household = api.createHousehold("cadre_dongshan",
        ApiClient.household(DONGSHAN, "ORDINARY", 7000, 0, "FULL", "NONE"));
    Map<String, Object> c = api.openCase("cadre_dongshan", signal(household, "CADRE_SCREENING", List.of("ILLNESS")));
    verify(bk(c), Map.of());

    Map<String, Object> task = taskAt("approver_county", bk(c), MONITORING_LINE_MISSING);
    assertThat(task.get("name")).isEqualTo("补充监测收入线");
    String problem = formVariable("approver_county", task, "assessmentProblem");
    assertThat(problem).contains("2030 年的监测收入线尚未配置").contains("不沿用其他年份或全国底线");
    Map<String, Object> caseFile = read(c);
    assertThat(caseFile).containsEntry("status", "IDENTIFYING");
    assertThat(caseFile.get("incomeThreshold")).isNull();
    assertThat(timeline(caseFile)).anySatisfy(e -> assertThat(e.get("decision")).isEqualTo("LINE_MISSING"));
  }

  @Test
  @PolicyRule("R28")
  void monthsWithoutRecordsAreAskedForAndNotCountedAsZero() {
    Map<String, Object> body = ApiClient.household(DONGSHAN, "ORDINARY", 9000, 0, "FULL", "FULL");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> incomes = new ArrayList<>((List<Map<String, Object>>) body.get("incomes"));
    String first = (String) incomes.get(0).get("period");
    String second = (String) incomes.get(1).get("period");
    body.put("incomes", incomes.subList(2, 12));   // ten months at 1,500 a month for two people
    long household = api.createHousehold("cadre_dongshan", body);
    Map<String, Object> c = api.openCase("cadre_dongshan", signal(household, "CADRE_SCREENING", List.of("ILLNESS")));
    verify(bk(c), Map.of());

    // counted as zero, 10 × 1,500 ÷ 2 = 7,500 would be "in range"; unknown, the village is asked
    Map<String, Object> task = taskAt("cadre_dongshan", bk(c), COMPLETE_INCOME_RECORDS);
    assertThat(formVariable("cadre_dongshan", task, "assessmentProblem")).contains("2 个月没有收入记录")
        .contains(first, second);
    assertThat(read(c).get("perCapitaIncome")).isNull();
    api.decide("cadre_dongshan", bk(c), COMPLETE_INCOME_RECORDS, Map.of("incomeDecision", "INCOMES_COMPLETED",
        "incomeLines", first + " 1500 0\n" + second + " 1500\n1999-01 100"));

    // with all twelve months the household is at 9,000 per head: above the demo line, so the township decides
    Map<String, Object> caseFile = read(c);
    assertThat(((Number) caseFile.get("perCapitaIncome")).doubleValue()).isEqualTo(9000.0);
    assertThat(timeline(caseFile)).anySatisfy(e -> assertThat((String) e.get("reason"))
        .contains("补录 2 个月").contains("未登记").contains("1999-01"));
    assertThat(taskAt("reviewer_heping", bk(c), REVIEW_OUT_OF_RANGE)).isNotNull();
  }

  @Test
  @PolicyRule({"R02", "R29"})
  void exactlyAtTheLineIsNotInRangeButOnlyTheTownshipCanSayNo() {
    long household = api.createHousehold("cadre_dongshan",
        ApiClient.household(DONGSHAN, "FORMERLY_POOR", 8600, 0, "FULL", "FULL", "NONE"));
    Map<String, Object> c = api.openCase("cadre_dongshan", signal(household, "CADRE_SCREENING", List.of("ILLNESS")));
    verify(bk(c), Map.of());

    Map<String, Object> task = taskAt("reviewer_heping", bk(c), REVIEW_OUT_OF_RANGE);
    assertThat(formVariable("reviewer_heping", task, "eligibilityReason")).startsWith("规则提示");
    assertThat(formVariable("reviewer_heping", task, "lineSource")).startsWith("示例");
    assertThat(read(c)).containsEntry("status", "IDENTIFYING");
    // going on needs a reason and a household type; the township's choice becomes the case's
    assertThat(api.claim("reviewer_heping", (String) task.get("id")).getStatusCode().value()).isEqualTo(204);
    assertThat(api.complete("reviewer_heping", (String) task.get("id"), Map.of("outOfRangeDecision", "PROCEED",
        "proposedHouseholdType", "TPBWD")).getStatusCode().value()).isEqualTo(400);
    // the household type itself is the system's to write, whatever the request says; a type not offered is refused
    assertThat(api.complete("reviewer_heping", (String) task.get("id"), Map.of("outOfRangeDecision", "PROCEED",
        "proposedHouseholdType", "TPBWD", "outOfRangeReason", "x", "householdType", "TFYZKN")).getStatusCode()
        .value()).isEqualTo(400);
    assertThat(api.complete("reviewer_heping", (String) task.get("id"), Map.of("outOfRangeDecision", "PROCEED",
        "proposedHouseholdType", "RICH", "outOfRangeReason", "x")).getStatusCode().value()).isEqualTo(400);
    assertThat(api.complete("reviewer_heping", (String) task.get("id"), Map.of("outOfRangeDecision", "PROCEED",
        "proposedHouseholdType", "TPBWD", "outOfRangeReason", "户主慢性病加重，年收入恰在线上，返贫风险大"))
        .getStatusCode().value()).isEqualTo(204);
    reviewAndInclude(bk(c), "cadre_dongshan", "reviewer_heping");
    assertThat(read(c)).containsEntry("status", "MONITORED").containsEntry("householdType", "TPBWD");
  }

  @Test
  @PolicyRule("R02")
  void justBelowTheLineIsInRange() {
    // 4 people at 2,866.67 a month (34,400.04 a year) with 0.16 less in one month: 8,599.97 per head
    Map<String, Object> body = ApiClient.household(DONGSHAN, "FORMERLY_POOR", 8600, 0, "FULL", "FULL", "NONE", "NONE");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> incomes = (List<Map<String, Object>>) body.get("incomes");
    Map<String, Object> last = new HashMap<>(incomes.get(11));
    last.put("netIncome", new java.math.BigDecimal(last.get("netIncome").toString()).subtract(
        new java.math.BigDecimal("0.16")));
    incomes.set(11, last);
    long household = api.createHousehold("cadre_dongshan", body);
    Map<String, Object> c = api.openCase("cadre_dongshan", signal(household, "CADRE_SCREENING", List.of("ILLNESS")));
    verify(bk(c), Map.of());
    assertThat(((Number) read(c).get("perCapitaIncome")).doubleValue()).isEqualTo(8599.97);
    assertThat(taskAt("cadre_dongshan", bk(c), DEMOCRATIC_REVIEW)).isNotNull();
    assertThat(read(c)).containsEntry("householdType", "TPBWD");
  }

  @Test
  @PolicyRule("R12")
  void anEmergencyFloodPushReachesTheGreenChannelBeforeTheIncomeTest() throws Exception {
    // a household above the line (12,000 per head) whose house the flood destroyed: 应急 pushes the row
    Map<String, Object> body = ApiClient.household(DONGSHAN, "ORDINARY", 12000, 0, "FULL", "FULL", "NONE");
    long household = api.createHousehold("cadre_dongshan", body);
    @SuppressWarnings("unchecked")
    Map<String, Object> head = ((List<Map<String, Object>>) body.get("members")).get(0);
    String csv = String.join(",", PushLayouts.of(Department.EMERGENCY).headers()) + "\n"
        + String.join(",", "YJ-" + System.nanoTime(), (String) head.get("idNumber"), (String) head.get("name"),
            "洪涝", LocalDate.now().minusDays(1).toString(), "30000", "是") + "\n";
    Map<String, Object> done = new ImportHelper(api).finished(new ImportHelper(api).post("handler_emergency",
        Department.EMERGENCY, "629901", "flood.csv", csv.getBytes(StandardCharsets.UTF_8)));
    assertThat(done).containsEntry("status", "DONE").containsEntry("casesOpened", 1);
    String bk = jdbc.queryForObject("SELECT business_key FROM bf_case WHERE household_id = ?", String.class,
        household);

    // the village confirms at home, the township confirms the channel; the measures start at once
    Map<String, Object> verifyTask = taskAt("cadre_dongshan", bk, VERIFY_HOUSEHOLD);
    assertThat(formVariable("cadre_dongshan", verifyTask, "greenChannelRequested")).isEqualTo("true");
    // what the push asked for is shown, not writable: a completion that tries to withdraw it is refused
    assertThat(api.claim("cadre_dongshan", (String) verifyTask.get("id")).getStatusCode().value()).isEqualTo(204);
    assertThat(api.complete("cadre_dongshan", (String) verifyTask.get("id"), Map.of("authorisationSigned", true,
        "verifyFindings", "情况属实", "verifyDecision", "CONFIRM", "greenChannelRequested", false)).getStatusCode()
        .value()).isEqualTo(400);
    verify(bk, Map.of());
    Map<String, Object> confirm = taskAt("reviewer_heping", bk, CONFIRM_GREEN_CHANNEL);
    assertThat(formVariable("reviewer_heping", confirm, "urgentMeasures")).isEqualTo("DISASTER,TEMP_RELIEF");
    api.decide("reviewer_heping", bk, CONFIRM_GREEN_CHANNEL, Map.of("greenChannelDecision", "CONFIRM",
        "urgentMeasures", "DISASTER,TEMP_RELIEF"));
    assertThat(api.getList("handler_emergency", "/engine-rest/task?processInstanceBusinessKeyLike=" + bk + "-M%")
        .getBody()).hasSize(1);
    assertThat(api.getList("handler_civil", "/engine-rest/task?processInstanceBusinessKeyLike=" + bk + "-M%")
        .getBody()).hasSize(1);
    // the test ran after them: 12,000 is above the line, and nothing rejected the household by itself
    assertThat(taskAt("reviewer_heping", bk, REVIEW_OUT_OF_RANGE)).isNotNull();
  }

  @Test
  @PolicyRule("R03")
  void aSharpIncomeDropRegisteredWithTheSignalIncludesAHouseholdAboveTheLine() {
    long household = api.createHousehold("cadre_dongshan",
        ApiClient.household(DONGSHAN, "ORDINARY", 11000, 0, "FULL", "FULL"));
    Map<String, Object> signal = signal(household, "SELF_APPLICATION", List.of("UNSTABLE_WORK"));
    signal.put("sharpIncomeDrop", true);
    Map<String, Object> c = api.openCase("cadre_dongshan", signal);
    api.decide("reviewer_heping", bk(c), ACCEPT_APPLICATION, Map.of("applicationDecision", "ACCEPT"));
    verify(bk(c), Map.of());
    assertThat(taskAt("cadre_dongshan", bk(c), DEMOCRATIC_REVIEW)).isNotNull();
    assertThat(read(c)).containsEntry("householdType", "TFYZKN");
  }

  @Test
  @PolicyRule("R25")
  void aRelocatedHouseholdIsRegisteredAsSuchAndItsTasksSayIt() {
    Map<String, Object> body = ApiClient.household(DONGSHAN, "FORMERLY_POOR", 7000, 0, "FULL", "NONE");
    body.put("relocated", true);
    long household = api.createHousehold("cadre_dongshan", body);
    assertThat(api.get("cadre_dongshan", "/api/households/" + household).getBody()).containsEntry("relocated", true);
    Map<String, Object> c = api.openCase("cadre_dongshan", signal(household, "CADRE_SCREENING", List.of("ILLNESS")));
    Map<String, Object> task = taskAt("cadre_dongshan", bk(c), VERIFY_HOUSEHOLD);
    assertThat(formVariable("cadre_dongshan", task, "caseSummary")).contains("易地扶贫搬迁户");
  }

  // --- helpers

  private void verify(String businessKey, Map<String, Object> more) {
    Map<String, Object> variables = new HashMap<>(Map.of("authorisationSigned", true, "verifyFindings", "情况属实",
        "verifyDecision", "CONFIRM"));
    variables.putAll(more);
    api.decide("cadre_dongshan", businessKey, VERIFY_HOUSEHOLD, variables);
  }

  private Map<String, Object> taskAt(String user, String businessKey, String step) {
    return api.tasks(user, businessKey).stream().filter(t -> step.equals(t.get("taskDefinitionKey"))).findFirst()
        .orElseThrow(() -> new AssertionError(user + " sees no task " + step + " of " + businessKey + ": "
            + api.tasks(user, businessKey)));
  }

  @SuppressWarnings("unchecked")
  private String formVariable(String user, Map<String, Object> task, String name) {
    Map<String, Object> variables = api.get(user, "/engine-rest/task/" + task.get("id") + "/form-variables")
        .getBody();
    Map<String, Object> variable = (Map<String, Object>) variables.get(name);
    return variable == null || variable.get("value") == null ? null : variable.get("value").toString();
  }

  private Map<String, Object> read(Map<String, Object> c) {
    return api.get("approver_county", "/api/cases/" + c.get("id")).getBody();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> timeline(Map<String, Object> caseFile) {
    return (List<Map<String, Object>>) caseFile.get("audit");
  }

  private static Map<String, Object> signal(long household, String channel, List<String> riskTypes) {
    Map<String, Object> signal = new HashMap<>();
    signal.put("householdId", household);
    signal.put("channel", channel);
    signal.put("riskTypes", riskTypes);
    return signal;
  }

  private static String bk(Map<String, Object> c) {
    return (String) c.get("businessKey");
  }
}
