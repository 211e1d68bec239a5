package org.bangfu.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.bangfu.policy.PolicyRule;

/**
 * The screening rules of processes/DepartmentScreening.dmn, each alone, and the fast bulk evaluation giving the same
 * answers as the engine's own FEEL over a grid of inputs.
 * (every rule's input is varied through its thresholds; the stride of 17 is prime to every dimension)
 */
class DepartmentScreeningTest {

  private static final RuleTables TABLES = RuleTables.standalone();

  private static DepartmentScreening.Rules rules() throws IOException {
    return DepartmentScreening.rulesOf(
        TABLES.parse(DepartmentScreening.DECISION, Files.readAllBytes(Path.of("processes/DepartmentScreening.dmn"))),
        TABLES.parse("Decision_MonitoringThreshold",
            Files.readAllBytes(Path.of("processes/MonitoringEligibility.dmn"))));
  }

  private static PushRow row(String category, String amount, Integer number, Boolean flag) {
    return new PushRow(2, "R-1", "x", "x", LocalDate.of(2026, 10, 1), category,
        amount == null ? null : new BigDecimal(amount), number, flag, null);
  }

  /** 甘肃 2026: last year's rural per-capita disposable income 14,500 元, so 50 % is 7,250 元. */
  @ParameterizedTest(name = "{0} {1} {2} {3} {4} {5} {6} → {7}")
  @CsvSource(nullValues = "null", value = {
      "MEDINS, 医疗自付, 7251, null, null, FORMERLY_POOR, false, ILLNESS",
      "MEDINS, 医疗自付, 7250, null, null, FORMERLY_POOR, false, null",
      "MEDINS, 医疗自付, 7251, null, null, ORDINARY, true, ILLNESS",
      "MEDINS, 医疗自付, 7251, null, null, ORDINARY, false, null",
      "MEDINS, 医疗自付, 14501, null, null, ORDINARY, false, ILLNESS",
      "CIVIL, 低保, null, null, null, ORDINARY, false, OTHER",
      "CIVIL, 特困, null, null, null, ORDINARY, false, LACK_OF_LABOUR",
      "CIVIL, 临时救助, 5000, null, null, ORDINARY, false, OTHER",
      "CIVIL, 临时救助, 4999, null, null, ORDINARY, false, null",
      "EDU, 辍学, null, null, null, ORDINARY, false, SCHOOLING",
      "EDU, 休学, null, null, null, ORDINARY, false, null",
      "PUBLIC_SECURITY, 重伤, null, null, null, ORDINARY, false, ACCIDENT",
      "PUBLIC_SECURITY, 轻伤, null, null, null, ORDINARY, false, null",
      "DISABLED, 二级, null, null, null, ORDINARY, false, DISABILITY",
      "DISABLED, 三级, null, null, null, ORDINARY, false, null",
      "HOUSING, C级, null, null, null, ORDINARY, false, HOUSING",
      "HOUSING, B级, null, null, null, ORDINARY, false, null",
      "WATER, 断水, null, 31, null, ORDINARY, false, WATER",
      "WATER, 断水, null, 30, null, ORDINARY, false, null",
      "WATER, 断水, null, null, null, ORDINARY, false, null",
      "WATER, 取水不便, null, null, null, ORDINARY, false, WATER",
      "EMERGENCY, 洪涝, 100, null, true, ORDINARY, false, DISASTER",
      "EMERGENCY, 洪涝, 10000, null, false, ORDINARY, false, DISASTER",
      "EMERGENCY, 洪涝, 9999, null, null, ORDINARY, false, null",
      "HRSS, 失业, null, 2, null, ORDINARY, false, UNSTABLE_WORK",
      "HRSS, 已就业, null, 2, null, ORDINARY, false, null"})
  @PolicyRule({"R03", "R24"})
  void eachRuleFlagsWhatItSays(String department, String category, String amount, Integer number, Boolean flag,
      String kind, boolean monitored, String risk) throws IOException {
    DepartmentScreening.Outcome outcome = rules().screen(row(category, amount, number, flag), department,
        new DepartmentScreening.HouseholdFacts(kind, monitored, new org.bangfu.region.RegionCode("629901100201"), 2026));
    assertThat(outcome.flagged()).isEqualTo(risk != null);
    assertThat(outcome.riskType()).isEqualTo(risk);
    assertThat(outcome.reason()).isNotBlank();
  }

  @Test
  void theFastEvaluationAgreesWithTheEnginesFeelOverAGrid() throws IOException {
    byte[] xml = Files.readAllBytes(Path.of("processes/DepartmentScreening.dmn"));
    RuleTables.Table fast = TABLES.parse(DepartmentScreening.DECISION, xml);
    DmnEngine engineFeel = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnDecision reference = engineFeel.parseDecision(DepartmentScreening.DECISION,
        new java.io.ByteArrayInputStream(xml));
    String[][] categories = {{"MEDINS", "医疗自付"}, {"CIVIL", "低保"}, {"CIVIL", "临时救助"}, {"EDU", "辍学"},
        {"EDU", "转学"}, {"PUBLIC_SECURITY", "死亡"}, {"DISABLED", "一级"}, {"DISABLED", "四级"}, {"HOUSING", "D级"},
        {"WATER", "断水"}, {"WATER", "水质不达标"}, {"EMERGENCY", "地震"}, {"HRSS", "未就业"}, {"HRSS", "已就业"}};
    Double[] amounts = {null, 0d, 4999.99, 5000d, 9999.99, 10000d, 30000d};
    Integer[] numbers = {null, 0, 30, 31};
    Boolean[] flags = {null, false, true};
    Double[] shares = {null, 0.2, 0.5, 0.50001, 1.0, 1.5};
    int compared = 0;
    int index = 0;
    for (String[] category : categories) {
      for (Double amount : amounts) {
        for (Integer number : numbers) {
          for (Boolean flag : flags) {
            for (Double share : shares) {
              for (String kind : List.of("FORMERLY_POOR", "ORDINARY")) {
                for (boolean monitored : List.of(true, false)) {
                  // every 17th point of the grid (the engine's FEEL takes ~3 ms an evaluation): ~1,650 points
                  if (index++ % 17 != 0) {
                    continue;
                  }
                  Map<String, Object> variables = new HashMap<>();
                  variables.put("department", category[0]);
                  variables.put("category", category[1]);
                  variables.put("amount", amount);
                  variables.put("number", number);
                  variables.put("flag", flag);
                  variables.put("selfPayShare", share);
                  variables.put("householdKind", kind);
                  variables.put("monitored", monitored);
                  variables.put("provinceCode", "62");
                  variables.put("year", 2026);
                  VariableMap typed = RuleTables.typed(variables);
                  assertThat(plain(fast.evaluate(variables).getFirstResult()))
                      .as(variables.toString())
                      .isEqualTo(plain(engineFeel.evaluateDecision(reference, typed).getFirstResult()));
                  compared++;
                }
              }
            }
          }
        }
      }
    }
    assertThat(compared).isEqualTo((14 * 7 * 4 * 3 * 6 * 2 * 2 + 16) / 17);
  }

  private static List<Object> plain(DmnDecisionResultEntries entries) {
    List<Object> values = new ArrayList<>();
    for (String name : List.of("flagged", "riskType", "reason")) {
      Object value = entries == null ? null : entries.get(name);
      values.add(value == null || "".equals(value) ? null : value);
    }
    return values;
  }
}
