package org.bangfu.household;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The income test value of a household for a signal: the 12 months before the signal month.
 *
 * @param perCapitaIncome net income ÷ members (人均纯收入)
 * @param adjustedPerCapitaIncome (net income − eligible rigid spending) ÷ members
 * @param monthsRecorded how many of the 12 months have an income record
 */
public record IncomeTest(String householdKind, int members, BigDecimal netIncome, BigDecimal rigidSpending,
    BigDecimal perCapitaIncome, BigDecimal adjustedPerCapitaIncome, int monthsRecorded) {

  /** The months the test covers. */
  public static final int MONTHS = 12;

  /** The window's last month: the month before the signal's. */
  public static YearMonth lastMonth(LocalDate signalDate) {
    return YearMonth.from(signalDate).minusMonths(1);
  }

  /** The window's first month, eleven before its last. */
  public static YearMonth firstMonth(LocalDate signalDate) {
    return lastMonth(signalDate).minusMonths(MONTHS - 1L);
  }

  /**
   * Every month of the window has a record. A sum over fewer months is no yearly income: unknown months are not
   * zero, so an incomplete test is asked to be completed, never judged.
   */
  public boolean complete() {
    return monthsRecorded >= MONTHS;
  }

  /** The test from the 12 months' totals: per head, two decimals (a household counts at least one member). */
  public static IncomeTest of(String householdKind, int members, BigDecimal netIncome, BigDecimal rigidSpending,
      int monthsRecorded) {
    BigDecimal count = BigDecimal.valueOf(Math.max(1, members));
    return new IncomeTest(householdKind, Math.max(1, members), netIncome, rigidSpending,
        netIncome.divide(count, 2, RoundingMode.HALF_UP),
        netIncome.subtract(rigidSpending).divide(count, 2, RoundingMode.HALF_UP), monthsRecorded);
  }
}
