package org.bangfu.model;

import java.util.Map;
import java.util.Set;

/**
 * The variables the application gives each decision it evaluates: a DMN input that uses anything else would
 * evaluate to nothing (the lint refuses it). When code starts giving a decision a new variable, add it here.
 */
public final class DecisionInputs {

  public static final Map<String, Set<String>> BY_DECISION = Map.ofEntries(
      Map.entry("Decision_MonitoringThreshold", Set.of("provinceCode", "cityCode", "year")),
      Map.entry("Decision_MonitoringEligibility", Set.of("provinceCode", "cityCode", "year", "incomeThreshold",
          "ruralIncomeLastYear", "householdKind",
          "perCapitaIncome", "adjustedPerCapitaIncome", "unsafeHousing", "unsafeWater", "dropoutRisk",
          "noMedicalInsurance", "medicalSelfPay", "sharpIncomeDrop")),
      Map.entry("Decision_ExitEligibility", Set.of("monitoredMonths", "deliveredMeasures", "incomeStablyAbove",
          "rigidSpendingControllable", "basicNeedsSecured", "drinkingWaterSecured", "noLabour", "safetyNet")),
      Map.entry("Decision_MeasureRecommendation", Set.of("riskType", "householdKind", "provinceCode", "fullLabour",
          "weakOrHalfLabour", "labourShare", "rigidSpendingShare", "members")),
      Map.entry("Decision_DepartmentScreening", Set.of("department", "category", "amount", "number", "flag",
          "selfPayShare", "householdKind", "monitored", "provinceCode", "cityCode", "year")),
      Map.entry("Decision_PeriodicScheme", Set.of("provinceCode", "cityCode", "year")),
      Map.entry("Decision_QuarterlyWarning", Set.of("provinceCode", "cityCode", "year", "householdKind", "relocated",
          "monitored", "perCapitaIncome", "incomeGrowth", "workerWithoutJob", "workerMonths")),
      Map.entry("Decision_PriorityIncomeSupport", Set.of("provinceCode", "cityCode", "year", "householdKind",
          "perCapitaIncome")),
      Map.entry("Decision_ProjectCategory", Set.of("development", "management", "assetReturn", "householdBenefit",
          "prospects", "idle")),
      Map.entry("Decision_ProjectMeasures", Set.of("category")),
      Map.entry("Decision_ProjectWarning", Set.of("status", "yearsSinceBuilt", "idle", "assetReturn",
          "householdBenefit", "revenue")));

  private DecisionInputs() {
  }
}
