package org.bangfu.exit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.household.IncomeRecord;
import org.bangfu.policy.PolicyRule;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * processes/ExitEligibility.dmn on the DMN engine (the exit conditions of docs/domain.md §5, each alone), and the
 * "income stable for six months" count it is fed.
 */
class ExitEligibilityTest {

  static DmnEngine engine;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = Files.newInputStream(Path.of("processes/ExitEligibility.dmn"))) {
      decision = engine.parseDecision(ExitReview.DECISION, dmn);
    }
  }

  @Test
  @PolicyRule("R19")
  void allConditionsMetIsEligible() {
    assertThat(evaluate(Map.of()).<String>getEntry("exitAssessment")).isEqualTo("ELIGIBLE");
  }

  @Test
  @PolicyRule("R19")
  void eachConditionAloneHoldsTheExitBack() {
    assertThat(notYet(Map.of("monitoredMonths", 5))).contains("未满6个月");
    assertThat(notYet(Map.of("deliveredMeasures", 0))).contains("尚无已落实");
    assertThat(notYet(Map.of("stableMonths", 5))).contains("收入尚未连续6个月");
    assertThat(notYet(Map.of("rigidSpendingControllable", false))).contains("刚性支出");
    assertThat(notYet(Map.of("basicNeedsSecured", false))).contains("两不愁三保障");
    assertThat(notYet(Map.of("drinkingWaterSecured", false))).contains("饮水安全");
  }

  @Test
  @PolicyRule("R21")
  void noLabourUnderTheSafetyNetIsTrackedEvenWhenEverythingElseIsMet() {
    assertThat(evaluate(Map.of("noLabour", true, "safetyNet", true)).<String>getEntry("exitAssessment"))
        .isEqualTo("TRACKING");
    // no labour without a safety-net measure is judged like any household
    assertThat(evaluate(Map.of("noLabour", true)).<String>getEntry("exitAssessment")).isEqualTo("ELIGIBLE");
  }

  @Test
  void stableMonthsCountBackFromTheLatestMonthAndStopAtALowMonthOrAGap() {
    BigDecimal threshold = new BigDecimal("8600");
    YearMonth now = YearMonth.of(2027, 6);
    // 4 members: 3,000 a month is 9,000 per person and year, above 8,600; 2,500 is 7,500, below
    List<IncomeRecord> incomes = List.of(income("2026-11", 2500), income("2026-12", 3000), income("2027-01", 3000),
        income("2027-02", 3000), income("2027-03", 3000), income("2027-04", 3000), income("2027-05", 3000),
        income("2027-06", 3000), income("2027-07", 9000));
    assertThat(ExitService.stableMonths(incomes, 4, threshold, now)).as("July is in the future").isEqualTo(7);
    assertThat(ExitService.stableMonths(incomes.subList(0, 4), 4, threshold, now)).isEqualTo(3);
    List<IncomeRecord> gap = List.of(income("2027-01", 3000), income("2027-02", 3000), income("2027-04", 3000),
        income("2027-05", 3000));
    assertThat(ExitService.stableMonths(gap, 4, threshold, now)).isEqualTo(2);
    // rigid spending counts against the income
    IncomeRecord spent = income("2027-06", 3000);
    spent.setRigidSpending(new BigDecimal("1000"));
    assertThat(ExitService.stableMonths(List.of(income("2027-05", 3000), spent), 4, threshold, now)).isZero();
    assertThat(ExitService.stableMonths(List.of(), 4, threshold, now)).isZero();
  }

  private static IncomeRecord income(String period, int net) {
    IncomeRecord record = new IncomeRecord();
    record.setPeriod(period);
    record.setNetIncome(BigDecimal.valueOf(net));
    record.setRigidSpending(BigDecimal.ZERO);
    return record;
  }

  private static String notYet(Map<String, Object> change) {
    DmnDecisionResultEntries result = evaluate(change);
    assertThat(result.<String>getEntry("exitAssessment")).isEqualTo("NOT_YET");
    return result.getEntry("exitAssessmentReason");
  }

  private static DmnDecisionResultEntries evaluate(Map<String, Object> change) {
    Map<String, Object> facts = new HashMap<>(Map.of("monitoredMonths", 7, "deliveredMeasures", 2,
        "stableMonths", 6, "noLabour", false, "safetyNet", false, "rigidSpendingControllable", true,
        "basicNeedsSecured", true, "drinkingWaterSecured", true));
    facts.putAll(change);
    return engine.evaluateDecision(decision, facts).getSingleResult();
  }
}
