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
 * income window it is fed (the months' income summed, per head and year, never one month × 12).
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
    assertThat(notYet(Map.of("incomeStablyAbove", false))).contains("尚未稳定超过监测线");
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
  @PolicyRule("R19")
  void seasonalIncomeCountsOverTheWindowNotMonthByMonth() {
    BigDecimal line = new BigDecimal("8600");
    YearMonth now = YearMonth.of(2027, 6);
    // 2 members: a harvest of 20,000 in two months and 1,000 in the four others, 24,000 over six months:
    // 24,000 × 2 ÷ 2 = 24,000 per head and year, stably above 8,600 (month by month, four months were "below")
    List<IncomeRecord> seasonal = List.of(income("2027-01", 1000), income("2027-02", 1000), income("2027-03", 1000),
        income("2027-04", 10000), income("2027-05", 10000), income("2027-06", 1000));
    ExitService.IncomeWindow window = ExitService.incomeWindow(seasonal, 2, now, 6);
    assertThat(window.perCapita()).isEqualByComparingTo("24000");
    assertThat(window.stablyAbove(line)).isTrue();
    // two good wage months in a poor half-year do not make it: 6,800 per head over the window, below the line,
    // though each of those months × 12 ÷ 2 members would have read as 18,000
    List<IncomeRecord> wages = List.of(income("2027-01", 200), income("2027-02", 200), income("2027-03", 3000),
        income("2027-04", 3000), income("2027-05", 200), income("2027-06", 200));
    assertThat(ExitService.incomeWindow(wages, 2, now, 6).perCapita()).isEqualByComparingTo("6800");
    assertThat(ExitService.incomeWindow(wages, 2, now, 6).stablyAbove(line)).isFalse();
  }

  @Test
  @PolicyRule({"R19", "R28"})
  void aMonthWithoutARecordLeavesTheWindowOpenAndTheLineItselfIsNotAbove() {
    BigDecimal line = new BigDecimal("8600");
    YearMonth now = YearMonth.of(2027, 6);
    List<IncomeRecord> gap = List.of(income("2027-01", 5000), income("2027-02", 5000), income("2027-04", 5000),
        income("2027-05", 5000), income("2027-06", 5000));
    ExitService.IncomeWindow window = ExitService.incomeWindow(gap, 2, now, 6);
    assertThat(window.monthsRecorded()).isEqualTo(5);
    assertThat(window.complete()).isFalse();
    assertThat(window.stablyAbove(line)).isFalse();
    // one member at 716.67 a month is 8,600.04 a year, at 716.66 it is 8,599.92; the line itself is not above it
    assertThat(ExitService.incomeWindow(months(now, 6, "716.67"), 1, now, 6).stablyAbove(line)).isTrue();
    assertThat(ExitService.incomeWindow(months(now, 6, "716.66"), 1, now, 6).stablyAbove(line)).isFalse();
    assertThat(ExitService.incomeWindow(months(now, 12, "716.6667"), 1, now, 12).perCapita())
        .isEqualByComparingTo("8600.00");
    assertThat(ExitService.incomeWindow(months(now, 12, "716.6667"), 1, now, 12).stablyAbove(line)).isFalse();
    // rigid spending counts against the income; the future is not counted; nothing recorded is nothing known
    IncomeRecord spent = income("2027-06", 5000);
    spent.setRigidSpending(new BigDecimal("4000"));
    List<IncomeRecord> withSpending = new java.util.ArrayList<>(gap.subList(0, 4));
    withSpending.add(income("2027-03", 5000));
    withSpending.add(spent);
    withSpending.add(income("2027-07", 90000));
    assertThat(ExitService.incomeWindow(withSpending, 2, now, 6).perCapita()).isEqualByComparingTo("26000");
    assertThat(ExitService.incomeWindow(List.of(), 2, now, 6).stablyAbove(line)).isFalse();
    // six good months that ended a quarter ago are not "now": the months since are unrecorded
    ExitService.IncomeWindow old = ExitService.incomeWindow(months(now.minusMonths(3), 6, "5000"), 2, now, 6);
    assertThat(old.to()).isEqualTo(now.minusMonths(1));
    assertThat(old.monthsRecorded()).isEqualTo(4);
    assertThat(old.stablyAbove(line)).isFalse();
  }

  private static List<IncomeRecord> months(YearMonth to, int count, String net) {
    List<IncomeRecord> records = new java.util.ArrayList<>();
    for (int i = count - 1; i >= 0; i--) {
      IncomeRecord record = income(to.minusMonths(i).toString(), 0);
      record.setNetIncome(new BigDecimal(net));
      records.add(record);
    }
    return records;
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
        "incomeStablyAbove", true, "noLabour", false, "safetyNet", false, "rigidSpendingControllable", true,
        "basicNeedsSecured", true, "drinkingWaterSecured", true));
    facts.putAll(change);
    return engine.evaluateDecision(decision, facts).getSingleResult();
  }
}
