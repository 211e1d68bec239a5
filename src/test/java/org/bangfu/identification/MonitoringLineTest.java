package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.household.IncomeTest;
import org.bangfu.household.MonitoringThreshold;
import org.bangfu.policy.PolicyRule;
import org.bangfu.region.RegionCode;
import org.bangfu.shared.MissingSettingException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * processes/MonitoringEligibility.dmn on the DMN engine, as the income test feeds it: the line per province, city and
 * year (the demo area 6299 of 甘肃, 云南 2024, 广西 and a province without a line), the boundary in the texts' words
 * (below the line is in range, at the line is not), and the sharp income drop.
 */
class MonitoringLineTest {

  static final RegionCode DEMO_VILLAGE = new RegionCode("629901100201");
  static final RegionCode GANSU_ELSEWHERE = new RegionCode("620101100201");
  static final RegionCode YUNNAN = new RegionCode("530102100201");
  static final RegionCode GUANGXI = new RegionCode("450102100201");
  static final RegionCode HEBEI = new RegionCode("130102100201");

  static DmnDecision threshold;
  static DmnDecision eligibility;
  static DmnEngine engine;

  @BeforeAll
  static void parse() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = Files.newInputStream(Path.of("processes/MonitoringEligibility.dmn"))) {
      List<DmnDecision> decisions = engine.parseDecisions(dmn);
      threshold = decisions.stream().filter(d -> d.getKey().equals(MonitoringThreshold.DECISION)).findFirst()
          .orElseThrow();
      eligibility = decisions.stream().filter(d -> d.getKey().equals(RiskIdentification.DECISION_ELIGIBILITY))
          .findFirst().orElseThrow();
    }
  }

  static MonitoringThreshold.Line line(RegionCode village, int year) {
    DmnDecisionResultEntries row = engine.evaluateDecision(threshold,
        new HashMap<>(MonitoringThreshold.inputs(village, year))).getFirstResult();
    return MonitoringThreshold.lineOf(row, village, year);
  }

  @Test
  @PolicyRule("R02")
  void theDemoAreaHasItsExampleLineAndSaysItIsAnExample() {
    MonitoringThreshold.Line line = line(DEMO_VILLAGE, 2026);
    assertThat(line.incomeThreshold()).isEqualByComparingTo("8600");
    assertThat(line.source()).startsWith("示例").contains("兰州新区");
    assertThat(line(DEMO_VILLAGE, 2025).incomeThreshold()).isEqualByComparingTo("8600");
  }

  @Test
  @PolicyRule("R02")
  void yunnans2024LineIsYunnansOnly() {
    assertThat(line(YUNNAN, 2024).incomeThreshold()).isEqualByComparingTo("8700");
    assertThat(line(YUNNAN, 2024).source()).contains("云南省2024年");
    // another year of 云南 has no line: never last year's
    assertThatThrownBy(() -> line(YUNNAN, 2025)).isInstanceOf(MissingSettingException.class)
        .hasMessageContaining("53").hasMessageContaining("2025 年的监测收入线尚未配置");
  }

  @Test
  @PolicyRule("R02")
  void provincesAndYearsWithoutALineStopTheTestInsteadOfFallingBack() {
    // 甘肃 outside the demo area: 兰州新区's 8,600 is not 甘肃's line
    assertThatThrownBy(() -> line(GANSU_ELSEWHERE, 2026)).isInstanceOf(MissingSettingException.class)
        .hasMessageContaining("不沿用其他年份或全国底线");
    // 广西's 10,000 picks 增收重点帮扶对象 in its Q4 survey; it is not a monitoring line
    assertThatThrownBy(() -> line(GUANGXI, 2024)).isInstanceOf(MissingSettingException.class);
    // a province nobody configured: no national floor of 6,000
    assertThatThrownBy(() -> line(HEBEI, 2026)).isInstanceOf(MissingSettingException.class)
        .hasMessageContaining("省份代码 13");
    // the demo area after its example years is not configured either
    assertThatThrownBy(() -> line(DEMO_VILLAGE, 2028)).isInstanceOf(MissingSettingException.class);
  }

  @Test
  @PolicyRule("R02")
  void belowTheLineIsInRangeAndExactlyAtTheLineIsNot() {
    assertThat(inRange(DEMO_VILLAGE, 2026, "8599.99")).isTrue();
    assertThat(inRange(DEMO_VILLAGE, 2026, "8600.00")).isFalse();
    assertThat(inRange(DEMO_VILLAGE, 2026, "8600.01")).isFalse();
    assertThat(inRange(YUNNAN, 2024, "8699.99")).isTrue();
    assertThat(inRange(YUNNAN, 2024, "8700.00")).isFalse();
    assertThat(inRange(YUNNAN, 2024, "8700.01")).isFalse();
  }

  @Test
  @PolicyRule("R02")
  void theSameIncomeIsInRangeInOneProvinceAndNotInTheOther() {
    // 8,650 per head: above the demo area's 8,600, below 云南's 8,700
    assertThat(inRange(DEMO_VILLAGE, 2026, "8650")).isFalse();
    assertThat(inRange(YUNNAN, 2024, "8650")).isTrue();
  }

  @Test
  @PolicyRule("R02")
  void theRangeTableComparesTheLineItIsGivenAndLooksNothingUpItself() {
    // the line is looked up once (MonitoringThreshold) and handed over: the table has no required decision
    assertThat(eligibility.getRequiredDecisions()).isEmpty();
    IncomeTest test = IncomeTest.of("FORMERLY_POOR", 4, new BigDecimal("34600"), BigDecimal.ZERO, 12);
    Map<String, Object> inputs = new HashMap<>(Eligibility.inputs(DEMO_VILLAGE, 2026,
        new MonitoringThreshold.Line(new BigDecimal("9000"), new BigDecimal("14500"), "测试用"), test,
        TriggerFacts.NONE));
    // 8,650 per head: out of the demo area's 8,600, inside the 9,000 given here
    assertThat(evaluate(inputs).<Boolean>getEntry("eligible")).isTrue();
  }

  @Test
  @PolicyRule("R03")
  void aSharpIncomeDropIsATriggerWhenThePastYearWasAboveTheLine() {
    Map<String, Object> inputs = inputs(DEMO_VILLAGE, 2026, "ORDINARY", "15000", false);
    assertThat(evaluate(inputs).<Boolean>getEntry("eligible")).isFalse();
    inputs.put("sharpIncomeDrop", true);
    DmnDecisionResultEntries result = evaluate(inputs);
    assertThat(result.<Boolean>getEntry("eligible")).isTrue();
    assertThat(result.<String>getEntry("householdType")).isEqualTo("TFYZKN");
    assertThat(result.<String>getEntry("eligibilityReason")).contains("收入大幅缩减");
  }

  @Test
  @PolicyRule("R29")
  void outOfRangeIsAHintForTheTownshipNotARejection() {
    String reason = evaluate(inputs(DEMO_VILLAGE, 2026, "ORDINARY", "12000", false)).getEntry("eligibilityReason");
    assertThat(reason).startsWith("规则提示").contains("请乡镇研判");
  }

  @Test
  @PolicyRule("R02")
  void everyLineNamesItsSource() throws IOException {
    String xml = Files.readString(Path.of("processes/MonitoringEligibility.dmn"));
    int rows = xml.split("<rule id=\"Rule_Threshold_").length - 1;
    int sources = xml.split("_Source\"><text>\"").length - 1;
    assertThat(rows).isGreaterThanOrEqualTo(3);
    assertThat(sources).as("每一行监测收入线都写明来源").isEqualTo(rows);
    assertThat(xml).doesNotContain("<text>6000</text>").doesNotContain("<text>10000</text>");
  }

  private boolean inRange(RegionCode village, int year, String perCapita) {
    return Boolean.TRUE.equals(evaluate(inputs(village, year, "FORMERLY_POOR", perCapita, false)).getEntry("eligible"));
  }

  private static Map<String, Object> inputs(RegionCode village, int year, String kind, String perCapita,
      boolean sharpDrop) {
    BigDecimal income = new BigDecimal(perCapita).multiply(BigDecimal.valueOf(4));
    IncomeTest test = IncomeTest.of(kind, 4, income, BigDecimal.ZERO, 12);
    return new HashMap<>(Eligibility.inputs(village, year, line(village, year), test,
        new TriggerFacts(false, false, false, false, BigDecimal.ZERO, sharpDrop)));
  }

  private static DmnDecisionResultEntries evaluate(Map<String, Object> inputs) {
    return engine.evaluateDecision(eligibility, inputs).getSingleResult();
  }
}
