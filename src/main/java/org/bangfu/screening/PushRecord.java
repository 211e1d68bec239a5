package org.bangfu.screening;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A pushed row as kept (bf_push_record): no ID number or name, only the household it belongs to. */
public record PushRecord(Long id, String department, String countyCode, String recordNo, Long importId, int rowNo,
    Long householdId, String category, BigDecimal amount, Integer quantity, LocalDate eventDate, String outcome,
    String riskType, String reason, Long caseId) {

  public enum Outcome { NOT_FLAGGED, CASE_OPENED, SIGNAL_ATTACHED }
}
