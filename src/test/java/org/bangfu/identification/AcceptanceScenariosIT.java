package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.demo.DemoData.DONGSHAN;
import static org.bangfu.identification.RiskIdentification.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.policy.PolicyRule;
import org.bangfu.testing.AcceptanceHouseholds;
import org.bangfu.testing.ApiClient;
import org.bangfu.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The identification outcome of the acceptance scenarios 1–6 of docs/domain.md §8 (threshold 8,600 元, Gansu), each
 * reproduced through the running engine on MariaDB: registry data in, case opened, tasks completed by the users of
 * each level, outcome read from the case file.
 */
class AcceptanceScenariosIT extends MariaDbIntegrationTest {



  @Test
  @PolicyRule({"R01", "R02"})
  void scenario1_formerlyPoorWithIllnessAndUnstableWorkIsIncludedAsTpbwd() {
    long household = api.createHousehold("cadre_dongshan", AcceptanceHouseholds.scenario1());
    Map<String, Object> c = api.openCase("cadre_dongshan", signal(household, "CADRE_SCREENING",
        List.of("ILLNESS", "UNSTABLE_WORK")));
    includeThroughAllLevels(bk(c), "cadre_dongshan", "reviewer_heping");
    Map<String, Object> decided = read(c);
    assertThat(decided.get("status")).isEqualTo("MONITORED");
    assertThat(decided.get("householdType")).isEqualTo("TPBWD");
    assertThat(decided.get("riskTypes")).isEqualTo(List.of("ILLNESS", "UNSTABLE_WORK"));
    assertThat(((Number) decided.get("perCapitaIncome")).doubleValue()).isEqualTo(7200.0);
  }

  @Test
  @PolicyRule("R01")
  void scenario2_ordinaryHouseholdWhoseWorkerLostTheJobIsIncludedAsByyzp() {
    long household = api.createHousehold("cadre_dongshan", AcceptanceHouseholds.scenario2());
    Map<String, Object> c = api.openCase("cadre_dongshan", signal(household, "SELF_APPLICATION",
        List.of("UNSTABLE_WORK")));
    api.decide("reviewer_heping", bk(c), ACCEPT_APPLICATION, Map.of("applicationDecision", "ACCEPT"));
    includeThroughAllLevels(bk(c), "cadre_dongshan", "reviewer_heping");
    assertThat(read(c)).containsEntry("status", "MONITORED").containsEntry("householdType", "BYYZP");
  }

  @Test
  @PolicyRule({"R01", "R03"})
  void scenario3_largeMedicalSpendingMakesAHouseholdAboveTheLineTfyzkn() {
    long household = api.createHousehold("cadre_dongshan", AcceptanceHouseholds.scenario3());
    Map<String, Object> signal = signal(household, "DEPARTMENT_SIGNAL", List.of("ILLNESS"));
    signal.put("medicalSelfPay", 45000);
    signal.put("signal", Map.of("department", "MEDINS", "kind", "医疗自付费用高", "detail", "住院治疗恶性肿瘤",
        "amount", 45000));
    // the 医保 signal registered by the village cadre (a department's own signals arrive as pushes, ImportIT; through
    // the API a user acts only on households they may see)
    Map<String, Object> c = api.openCase("cadre_dongshan", signal);
    includeThroughAllLevels(bk(c), "cadre_dongshan", "reviewer_heping");
    Map<String, Object> decided = read(c);
    assertThat(decided).containsEntry("status", "MONITORED").containsEntry("householdType", "TFYZKN");
    assertThat(((Number) decided.get("perCapitaIncome")).doubleValue()).isEqualTo(15000.0);
    assertThat(((Number) decided.get("adjustedIncome")).doubleValue()).isEqualTo(3750.0);
  }

  @Test
  @PolicyRule("R12")
  void scenario4_floodDestroysTheOnlyHouseAndTheGreenChannelStartsReliefAtOnce() {
    long household = api.createHousehold("cadre_dongshan", AcceptanceHouseholds.scenario4());
    Map<String, Object> c = api.openCase("cadre_dongshan", greenChannelSignal(household));
    api.decide("cadre_dongshan", bk(c), VERIFY_HOUSEHOLD, Map.of("authorisationSigned", true, "verifyFindings",
        "洪水冲毁唯一住房", "unsafeHousing", true, "verifyDecision", "CONFIRM"));
    api.decide("reviewer_heping", bk(c), CONFIRM_GREEN_CHANNEL, Map.of("greenChannelDecision", "CONFIRM",
        "urgentMeasures", "DISASTER,HOUSING,TEMP_RELIEF"));

    // the departments have their tasks now, before the village review and the county decision
    assertThat(measureTasks("handler_emergency", c)).hasSize(1);
    assertThat(measureTasks("handler_housing", c)).hasSize(1);
    assertThat(measureTasks("handler_civil", c)).hasSize(1);
    assertThat(read(c)).containsEntry("status", "IDENTIFYING").containsEntry("greenChannel", true);

    reviewAndInclude(bk(c), "cadre_dongshan", "reviewer_heping");
    Map<String, Object> decided = read(c);
    assertThat(decided).containsEntry("status", "MONITORED").containsEntry("householdType", "TFYZKN");
    assertThat(measures(decided)).extracting(m -> m.get("code") + "/" + m.get("status"))
        .containsExactlyInAnyOrder("DISASTER/OPEN", "HOUSING/OPEN", "TEMP_RELIEF/OPEN");
  }

  @Test
  void scenario5_elderlyCoupleWithoutLabourIsIncludedAsByyzp() {
    long household = api.createHousehold("cadre_liushu", AcceptanceHouseholds.scenario5());
    Map<String, Object> c = api.openCase("cadre_liushu", signal(household, "CADRE_SCREENING",
        List.of("LACK_OF_LABOUR")));
    includeThroughAllLevels(bk(c), "cadre_liushu", "reviewer_fumin");
    assertThat(read(c, "cadre_liushu")).containsEntry("status", "MONITORED").containsEntry("householdType", "BYYZP");
  }

  @Test
  @PolicyRule({"R02", "R13", "R29"})
  void scenario6_incomeAboveTheRangeWithoutOtherRiskIsRejectedByTheTownshipWithTheReason() {
    long household = api.createHousehold("cadre_dongshan", AcceptanceHouseholds.scenario6());
    Map<String, Object> c = api.openCase("cadre_dongshan", signal(household, "SELF_APPLICATION",
        List.of("OTHER")));
    api.decide("reviewer_heping", bk(c), ACCEPT_APPLICATION, Map.of("applicationDecision", "ACCEPT"));
    api.decide("cadre_dongshan", bk(c), VERIFY_HOUSEHOLD, Map.of("authorisationSigned", true,
        "verifyFindings", "家庭收入稳定", "verifyDecision", "CONFIRM"));
    // the rules only advise: nothing is decided until the township says so, with its reason
    assertThat(read(c)).containsEntry("status", "IDENTIFYING");
    api.decide("reviewer_heping", bk(c), REVIEW_OUT_OF_RANGE, Map.of("outOfRangeDecision", "REJECT",
        "outOfRangeReason", "人均纯收入12000元，高于监测线，无刚性支出和三保障问题"));
    Map<String, Object> decided = read(c);
    assertThat(decided).containsEntry("status", "REJECTED").containsEntry("decidedBy", "reviewer_heping");
    assertThat((String) decided.get("decisionReason")).contains("乡镇研判").contains("高于监测线");
    assertThat((List<?>) decided.get("openTasks")).isEmpty();
  }

  @Test
  @PolicyRule({"R12", "R13"})
  void aRejectionAfterTheGreenChannelKeepsWhatWasGivenAndStopsTheRest() {
    long household = api.createHousehold("cadre_dongshan",
        ApiClient.household(DONGSHAN, "FORMERLY_POOR", 9500, 0, "FULL", "FULL", "NONE"));
    Map<String, Object> c = api.openCase("cadre_dongshan", greenChannelSignal(household));
    api.decide("cadre_dongshan", bk(c), VERIFY_HOUSEHOLD, Map.of("authorisationSigned", true, "verifyFindings",
        "房屋受损", "unsafeHousing", true, "verifyDecision", "CONFIRM"));
    api.decide("reviewer_heping", bk(c), CONFIRM_GREEN_CHANNEL, Map.of("greenChannelDecision", "CONFIRM",
        "urgentMeasures", "DISASTER,HOUSING"));
    String disasterTask = (String) measureTasks("handler_emergency", c).get(0).get("id");
    assertThat(api.claim("handler_emergency", disasterTask).getStatusCode().value()).isEqualTo(204);
    assertThat(api.complete("handler_emergency", disasterTask, Map.of("deliveryOutcome", "DELIVERED",
        "deliveredAmount", 3000, "deliveryResult", "发放受灾救助金3000元", "evidenceRef", "YJ-001"))
        .getStatusCode().value()).isEqualTo(204);

    api.decide("cadre_dongshan", bk(c), DEMOCRATIC_REVIEW, Map.of("reviewDecision", "PASS"));
    api.decide("approver_county", bk(c), CROSS_CHECK_ASSETS, Map.of("assetCheckResult", "CLEAR"));
    noticePeriodPasses(bk(c));
    api.decide("reviewer_heping", bk(c), TOWNSHIP_REVIEW, Map.of("townshipDecision", "APPROVE"));
    api.decide("approver_county", bk(c), COUNTY_APPROVAL, Map.of("countyDecision", "REJECT",
        "countyReason", "查实家庭有商品房两套"));

    Map<String, Object> decided = read(c);
    assertThat(decided).containsEntry("status", "REJECTED").containsEntry("decidedBy", "approver_county");
    assertThat((String) decided.get("decisionReason")).contains("查实家庭有商品房两套");
    assertThat(measures(decided)).extracting(m -> m.get("code") + "/" + m.get("status"))
        .containsExactlyInAnyOrder("DISASTER/DELIVERED", "HOUSING/CANCELLED");
    assertThat(measures(decided)).filteredOn(m -> "DISASTER".equals(m.get("code")))
        .extracting(m -> ((Number) m.get("amount")).intValue(), m -> m.get("deliveredBy"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3000, "handler_emergency"));
    assertThat(measureTasks("handler_housing", c)).isEmpty();
  }

  // --- helpers

  private static Map<String, Object> signal(long household, String channel, List<String> riskTypes) {
    Map<String, Object> signal = new HashMap<>();
    signal.put("householdId", household);
    signal.put("channel", channel);
    signal.put("riskTypes", riskTypes);
    return signal;
  }

  private static Map<String, Object> greenChannelSignal(long household) {
    Map<String, Object> signal = signal(household, "DEPARTMENT_SIGNAL", List.of("DISASTER", "HOUSING"));
    signal.put("urgent", true);
    signal.put("unsafeHousing", true);
    signal.put("urgentMeasures", List.of("DISASTER", "HOUSING", "TEMP_RELIEF"));
    signal.put("signal", Map.of("department", "EMERGENCY", "kind", "受灾", "detail", "洪灾冲毁住房"));
    return signal;
  }

  private List<Map<String, Object>> measureTasks(String handler, Map<String, Object> c) {
    return api.getList(handler, "/engine-rest/task?processInstanceBusinessKeyLike=" + bk(c) + "-M%").getBody();
  }

  private Map<String, Object> read(Map<String, Object> c) {
    return read(c, "approver_county");
  }

  private Map<String, Object> read(Map<String, Object> c, String user) {
    return api.get(user, "/api/cases/" + c.get("id")).getBody();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> measures(Map<String, Object> decided) {
    return (List<Map<String, Object>>) decided.get("measures");
  }

  private static String bk(Map<String, Object> c) {
    return (String) c.get("businessKey");
  }
}
