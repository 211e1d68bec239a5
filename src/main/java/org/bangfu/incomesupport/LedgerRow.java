package org.bangfu.incomesupport;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One household's row of the 增收重点帮扶对象 ledger (台账) for a survey year: why its income is low, its plan, who
 * helps, what each department did, and the next year's income to compare with.
 */
public record LedgerRow(Long id, int surveyYear, Long runId, Long householdId, String headName, String villageCode,
    String countyCode, BigDecimal perCapitaIncome, BigDecimal previousIncome, String analysis, boolean labourShort,
    String status, String causes, String plan, String pairedCadre, Boolean supportIndustry,
    Boolean supportEmployment, Boolean supportSocial, String plannedBy, LocalDateTime plannedAt, String instructor,
    String industryMeasures, String instructedBy, String employmentOutcome, String employmentNote, String employedBy,
    String socialOutcome, String socialNote, String socialBy, Long caseId, BigDecimal nextYearIncome,
    String processInstanceId, LocalDateTime createdAt, LocalDateTime updatedAt) {

  /** Statuses: listed (to be analysed and planned), planned (departments at work), supported (all paths done). */
  public static final String LISTED = "LISTED";
  public static final String PLANNED = "PLANNED";
  public static final String SUPPORTED = "SUPPORTED";
}
