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
    Map<String, Object> variables = new HashMap<>();
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
      "FORMERLY_POOR | false | 12000 | 0 | false | null | 收入增速缓慢（低于5%）",
      "FORMERLY_POOR | false | 12000 | 0.0499 | false | null | 收入增速缓慢（低于5%）",
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
  void priorityIncomeSupportIsFormerlyPoorUnder10000() throws IOException {
    RuleTables.Table table = RuleTables.standalone().parse(PeriodicScreening.DECISION_PRIORITY, xml());
    assertThat(table.evaluate(Map.of("householdKind", "FORMERLY_POOR", "perCapitaIncome", 9999.0))
        .getFirstResult().get("priority")).isEqualTo(true);
    assertThat(table.evaluate(Map.of("householdKind", "FORMERLY_POOR", "perCapitaIncome", 10000.0))
        .getFirstResult().get("priority")).isEqualTo(false);
    assertThat(table.evaluate(Map.of("householdKind", "ORDINARY", "perCapitaIncome", 5000.0))
        .getFirstResult().get("priority")).isEqualTo(false);
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
  void listNumbersAreReadLeniently() {
    assertThat(PeriodicScreeningService.parseNumbers("f", " 1, 3，5、7 ;9 ")).containsExactly(1, 3, 5, 7, 9);
    assertThat(PeriodicScreeningService.parseNumbers("f", "")).isEmpty();
    assertThatThrownBy(() -> PeriodicScreeningService.parseNumbers("f", "1,张三"))
        .isInstanceOf(InvalidDecisionException.class).hasMessageContaining("“张三”不是序号");
  }
}
