package org.bangfu.household;

import java.math.BigDecimal;

/**
 * The income test value of a household for a signal: the 12 months before the signal month.
 *
 * @param perCapitaIncome net income ÷ members (人均纯收入)
 * @param adjustedPerCapitaIncome (net income − eligible rigid spending) ÷ members
 * @param monthsRecorded how many of the 12 months have an income record
 */
public record IncomeTest(String householdKind, int members, BigDecimal netIncome, BigDecimal rigidSpending,
    BigDecimal perCapitaIncome, BigDecimal adjustedPerCapitaIncome, int monthsRecorded) {
}
