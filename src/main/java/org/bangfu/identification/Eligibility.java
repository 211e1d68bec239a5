package org.bangfu.identification;

import java.math.BigDecimal;

/** The outcome of the monitoring-range decision for one case, with the figures it was based on. */
public record Eligibility(boolean eligible, String householdType, String reason, BigDecimal perCapitaIncome,
    BigDecimal adjustedPerCapitaIncome, BigDecimal incomeThreshold) {
}
