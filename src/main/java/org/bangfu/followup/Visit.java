package org.bangfu.followup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A follow-up visit (回访): the month's observed income, what changed, and what the cadre proposes. */
public record Visit(Long id, Long caseId, LocalDate visitDate, String period, BigDecimal netIncome,
    BigDecimal rigidSpending, String changes, String outcome, String visitedBy, LocalDateTime createdAt) {
}
