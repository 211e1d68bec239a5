package org.bangfu.identification;

import java.math.BigDecimal;

/** The outcome of the monitoring-range decision for one case, with the figures it was based on. */
public record Eligibility(boolean eligible, String householdType, String reason, BigDecimal perCapitaIncome,
    BigDecimal adjustedPerCapitaIncome, BigDecimal incomeThreshold, String lineSource) {

  /**
   * The inputs of {@code Decision_MonitoringEligibility}: the household's income test and the other risks, measured
   * against the line of the province and year of the signal. The line is looked up once, by {@link
   * org.bangfu.household.MonitoringThreshold}, and handed to the table, so the figure the table compares is the figure
   * the case and its audit record. The case's assessment and the what-if over the registry give the same.
   */
  public static java.util.Map<String, Object> inputs(org.bangfu.region.RegionCode village, int year,
      org.bangfu.household.MonitoringThreshold.Line line, org.bangfu.household.IncomeTest test, TriggerFacts facts) {
    java.util.Map<String, Object> inputs = new java.util.HashMap<>(
        org.bangfu.household.MonitoringThreshold.inputs(village, year));
    inputs.put("incomeThreshold", line.incomeThreshold().doubleValue());
    // absent only in a what-if's changed line for a year the table has no row of
    inputs.put("ruralIncomeLastYear",
        line.ruralIncomeLastYear() == null ? null : line.ruralIncomeLastYear().doubleValue());
    inputs.put("householdKind", test.householdKind());
    inputs.put("perCapitaIncome", test.perCapitaIncome().doubleValue());
    inputs.put("adjustedPerCapitaIncome", test.adjustedPerCapitaIncome().doubleValue());
    inputs.put("unsafeHousing", facts.unsafeHousing());
    inputs.put("unsafeWater", facts.unsafeWater());
    inputs.put("dropoutRisk", facts.dropoutRisk());
    inputs.put("noMedicalInsurance", facts.noMedicalInsurance());
    inputs.put("sharpIncomeDrop", facts.sharpIncomeDrop());
    inputs.put("medicalSelfPay", facts.medicalSelfPay() == null ? 0d : facts.medicalSelfPay().doubleValue());
    return inputs;
  }
}
