package org.bangfu.screening;

import java.util.HashMap;
import java.util.Map;
import org.bangfu.catalogue.Department;
import org.bangfu.household.MonitoringThreshold;
import org.bangfu.region.RegionCode;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.springframework.stereotype.Component;

/**
 * Screens a pushed row with the DMN {@code Decision_DepartmentScreening} (processes/DepartmentScreening.dmn): only
 * flagged rows become signals. The medical rule compares the self-paid amount with last year's rural per-capita
 * disposable income of the province, which {@code Decision_MonitoringThreshold} gives per province and year.
 */
@Component
public class DepartmentScreening {

  public static final String DECISION = "Decision_DepartmentScreening";

  /** The outcome for one row. */
  public record Outcome(boolean flagged, String riskType, String reason) {
  }

  /** What the rules know of the household the row names. */
  public record HouseholdFacts(String householdKind, boolean monitored, RegionCode village, int year) {
  }

  private final RuleTables tables;

  public DepartmentScreening(RuleTables tables) {
    this.tables = tables;
  }

  /** Rules from given tables (a what-if over a draft, a test). */
  public static Rules rulesOf(RuleTables.Table screening, RuleTables.Table threshold) {
    return new Rules(screening, threshold);
  }

  /** The rules in force now; one per import batch, so a new version applies from the next batch. */
  public Rules current() {
    return new Rules(tables.latest(DECISION), tables.latest(MonitoringThreshold.DECISION));
  }

  /** The deployed screening table with the threshold table it reads. */
  public static final class Rules {
    private final RuleTables.Table screening;
    private final RuleTables.Table threshold;
    private final Map<String, Double> ruralIncome = new HashMap<>();

    Rules(RuleTables.Table screening, RuleTables.Table threshold) {
      this.screening = screening;
      this.threshold = threshold;
    }

    public Outcome screen(PushRow row, String department, HouseholdFacts household) {
      Map<String, Object> variables = new HashMap<>();
      variables.put("department", department);
      variables.put("category", row.category());
      variables.put("amount", row.amount() == null ? null : row.amount().doubleValue());
      variables.put("number", row.number());
      variables.put("flag", row.flag());
      // the share of last year's rural disposable income: only a medical self-pay is measured against it
      variables.put("selfPayShare", row.amount() == null || !Department.MEDINS.name().equals(department) ? null
          : row.amount().doubleValue() / ruralIncome(household.village(), household.year()));
      variables.put("householdKind", household.householdKind());
      variables.put("monitored", household.monitored());
      variables.put("provinceCode", household.village().province());
      variables.put("cityCode", household.village().city());
      variables.put("year", household.year());
      DmnDecisionResultEntries result = screening.evaluate(variables).getFirstResult();
      if (result == null) {
        return new Outcome(false, null, "未达到预警条件");
      }
      return new Outcome(Boolean.TRUE.equals(result.get("flagged")), blankToNull(result.get("riskType")),
          (String) result.get("reason"));
    }

    /** Stops the batch (the import fails with the message and can be resumed) when the year has no figure. */
    private double ruralIncome(RegionCode village, int year) {
      return ruralIncome.computeIfAbsent(village.city() + "/" + year, key -> {
        var row = threshold.evaluate(MonitoringThreshold.inputs(village, year)).getFirstResult();
        return MonitoringThreshold.lineOf(row, village, year).ruralIncomeLastYear().doubleValue();
      });
    }
  }

  private static String blankToNull(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

}
