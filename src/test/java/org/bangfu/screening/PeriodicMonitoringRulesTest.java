package org.bangfu.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bangfu.engine.InvalidDecisionException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.bangfu.policy.PolicyRule;

/** processes/PeriodicMonitoring.dmn rule by rule, the bulk evaluator against the engine's FEEL, run keys. */
class PeriodicMonitoringRulesTest {

  private static byte[] xml() throws IOException {
    return Files.readAllBytes(Path.of("processes/PeriodicMonitoring.dmn"));
  }

  private static List<String> reasons(RuleTables.Table table, Map<String, Object> variables) {
    List<String> reasons = new ArrayList<>();
    table.evaluate(variables).getResultList().forEach(r -> reasons.add((String) r.get("reason")));
    return reasons;
  }

  private static Map<String, Object> household(String kind, boolean monitored, double income, Double growth,
      boolean withoutJob, Integer months) {
    return household("629901100201", 2026, kind, monitored, income, growth, withoutJob, months);
  }

  /** A household of the village's province and city, the run's income ending in the year. */
  private static Map<String, Object> household(String village, int year, String kind, boolean monitored,
      double income, Double growth, boolean withoutJob, Integer months) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("provinceCode", village.substring(0, 2));
    variables.put("cityCode", village.substring(0, 4));
    variables.put("year", year);
    variables.put("householdKind", kind);
    variables.put("monitored", monitored);
    variables.put("perCapitaIncome", income);
    variables.put("incomeGrowth", growth);
    variables.put("workerWithoutJob", withoutJob);
    variables.put("workerMonths", months);
    return variables;
  }

  @ParameterizedTest(name = "{0} monitored={1} income={2} growth={3} withoutJob={4} months={5} → {6}")
  @CsvSource(nullValues = "null", delimiter = '|', value = {
      "FORMERLY_POOR | false | 9999.99 | null | false | null | 年人均纯收入低于1万元",
      "FORMERLY_POOR | false | 10000 | null | false | null | ",
      "ORDINARY | true | 9000 | null | false | null | 年人均纯收入低于1万元",
      "ORDINARY | false | 9000 | -0.2 | true | 2 | ",
      "FORMERLY_POOR | false | 12000 | -0.01 | false | null | 收入不增反降",
      "FORMERLY_POOR | false | 12000 | 0 | false | null | 收入增速低于本地区农村居民收入增速",
      "FORMERLY_POOR | false | 12000 | 0.0499 | false | null | 收入增速低于本地区农村居民收入增速",
      "FORMERLY_POOR | false | 12000 | 0.05 | false | null | ",
      "FORMERLY_POOR | false | 12000 | null | true | null | 有务工需求但没有就业",
      "FORMERLY_POOR | false | 12000 | null | false | 5 | 务工时间未达到6个月",
      "FORMERLY_POOR | false | 12000 | null | false | 6 | ",
      "ORDINARY | true | 9000 | -0.1 | true | 3 | 年人均纯收入低于1万元,收入不增反降,有务工需求但没有就业,务工时间未达到6个月"})
  @PolicyRule("R25")
  void quarterlyWarnings(String kind, boolean monitored, double income, Double growth, boolean withoutJob,
      Integer months, String expected) throws IOException {
    RuleTables.Table table = RuleTables.standalone().parse(PeriodicScreening.DECISION_WARNING, xml());
    assertThat(new TreeSet<>(reasons(table, household(kind, monitored, income, growth, withoutJob, months))))
        .isEqualTo(new TreeSet<>(expected == null ? List.of() : List.of(expected.split(","))));
  }

  @Test
  @PolicyRule("R26")
  void priorityIncomeSupportIsFormerlyPoorAt10000OrLess() throws IOException {
    RuleTables.Table table = RuleTables.standalone().parse(PeriodicScreening.DECISION_PRIORITY, xml());
    assertThat(priority(table, "450102100201", 2023, "FORMERLY_POOR", 9999.0)).isTrue();
    // §26 says 1万元以下, which includes 10,000 (《民法典》第一千二百五十九条); §33's warning says 低于 (below)
    assertThat(priority(table, "450102100201", 2023, "FORMERLY_POOR", 10000.0)).isTrue();
    assertThat(priority(table, "450102100201", 2023, "FORMERLY_POOR", 10000.01)).isFalse();
    assertThat(priority(table, "450102100201", 2023, "ORDINARY", 5000.0)).isFalse();
    // Guangxi's survey, not anybody's: after its plan's years, and in other provinces, nobody is listed by it
    assertThat(priority(table, "450102100201", 2026, "FORMERLY_POOR", 5000.0)).isFalse();
    assertThat(priority(table, "530102100201", 2023, "FORMERLY_POOR", 5000.0)).isFalse();
    assertThat(priority(table, "620101100201", 2026, "FORMERLY_POOR", 5000.0)).isFalse();
    // the demo area borrows it, as an example
    assertThat(priority(table, "629901100201", 2026, "FORMERLY_POOR", 5000.0)).isTrue();
  }

  @Test
  @PolicyRule("R25")
  void guangxisWarningsRunOnlyInGuangxiAndItsPlansYearsAgainstItsOwnGrowth() throws IOException {
    RuleTables.Table table = RuleTables.standalone().parse(PeriodicScreening.DECISION_WARNING, xml());
    assertThat(reasons(table, household("450102100201", 2024, "FORMERLY_POOR", false, 9000, null, false, null)))
        .containsExactly("年人均纯收入低于1万元");
    assertThat(reasons(table, household("450102100201", 2025, "FORMERLY_POOR", false, 9000, null, false, null)))
        .isEmpty();
    assertThat(reasons(table, household("130102100201", 2024, "FORMERLY_POOR", false, 9000, -0.2, true, 2)))
        .isEmpty();
    // 6 % growth: slow against Guangxi's benchmark (6.5 %), not against the demo area's example (5 %)
    assertThat(reasons(table, household("450102100201", 2023, "FORMERLY_POOR", false, 12000, 0.06, false, null)))
        .containsExactly("收入增速低于本地区农村居民收入增速");
    assertThat(reasons(table, household("629901100201", 2026, "FORMERLY_POOR", false, 12000, 0.06, false, null)))
        .isEmpty();
  }

  @Test
  @PolicyRule("R25")
  void relocatedHouseholdsAreWatchedLikeFormerlyPoorOnes() throws IOException {
    RuleTables.Table table = RuleTables.standalone().parse(PeriodicScreening.DECISION_WARNING, xml());
    Map<String, Object> ordinary = household("629901100201", 2026, "ORDINARY", false, 9000, null, false, null);
    assertThat(reasons(table, ordinary)).isEmpty();
    ordinary.put("relocated", true);
    assertThat(reasons(table, ordinary)).containsExactly("易地扶贫搬迁户：年人均纯收入低于1万元");
  }

  private static boolean priority(RuleTables.Table table, String village, int year, String kind, double income) {
    Map<String, Object> variables = new HashMap<>(Map.of("provinceCode", village.substring(0, 2), "cityCode",
        village.substring(0, 4), "year", year, "householdKind", kind, "perCapitaIncome", income));
    var result = table.evaluate(variables).getFirstResult();
    return result != null && Boolean.TRUE.equals(result.get("priority"));
  }

  @Test
  void theBulkEvaluationAgreesWithTheEnginesFeel() throws IOException {
    RuleTables.Table fast = RuleTables.standalone().parse(PeriodicScreening.DECISION_WARNING, xml());
    DmnEngine engineFeel = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnDecision reference = engineFeel.parseDecision(PeriodicScreening.DECISION_WARNING,
        new ByteArrayInputStream(xml()));
    int compared = 0;
    for (String kind : List.of("FORMERLY_POOR", "ORDINARY")) {
      for (boolean monitored : List.of(true, false)) {
        for (double income : new double[] {0, 9999.99, 10000, 20000}) {
          for (Double growth : new Double[] {null, -0.5, -0.0001, 0d, 0.03, 0.05, 0.2}) {
            for (boolean withoutJob : List.of(true, false)) {
              for (Integer months : new Integer[] {null, 0, 5, 6, 12}) {
                Map<String, Object> variables = household(kind, monitored, income, growth, withoutJob, months);
                VariableMap typed = RuleTables.typed(variables);
                List<String> expected = new ArrayList<>();
                engineFeel.evaluateDecision(reference, typed).getResultList()
                    .forEach(r -> expected.add((String) r.get("reason")));
                assertThat(reasons(fast, variables)).as(variables.toString()).isEqualTo(expected);
                compared++;
              }
            }
          }
        }
      }
    }
    assertThat(compared).isEqualTo(2 * 2 * 4 * 7 * 2 * 5);
  }

  @ParameterizedTest
  @CsvSource({"2027-01-01, 2026-Q4", "2026-10-01, 2026-Q3", "2026-04-01, 2026-Q1", "2026-07-01, 2026-Q2",
      "2026-05-20, 2026-Q1", "2026-12-31, 2026-Q3"})
  void theRunCoversTheQuarterJustEnded(LocalDate today, String quarter) {
    assertThat(PeriodicScreeningService.quarterJustEnded(today)).isEqualTo(quarter);
  }

  @Test
  @PolicyRule("R26")
  void theIncomeSurveyIsHeldInTheFourthQuarterByARunThatMadeItsLists() {
    PeriodicScreeningService service = new PeriodicScreeningService(null, null, null, null, null, null, null);
    assertThat(service.fourthQuarter(11L, "2026-Q3")).as("the run of 1 October").isTrue();
    assertThat(service.fourthQuarter(11L, "2026-Q4")).as("the run of 1 January").isFalse();
    // a second firing in the quarter made no lists: null, or 0 as the model's expression language passes it
    assertThat(service.fourthQuarter(null, "2026-Q3")).isFalse();
    assertThat(service.fourthQuarter(0L, "2026-Q3")).isFalse();
  }

  @Test
  void listNumbersAreReadLeniently() {
    assertThat(PeriodicScreeningService.parseNumbers("f", " 1, 3，5、7 ;9 ")).containsExactly(1, 3, 5, 7, 9);
    assertThat(PeriodicScreeningService.parseNumbers("f", "")).isEmpty();
    assertThatThrownBy(() -> PeriodicScreeningService.parseNumbers("f", "1,张三"))
        .isInstanceOf(InvalidDecisionException.class).hasMessageContaining("“张三”不是序号");
  }
}
