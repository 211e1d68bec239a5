package org.bangfu.household;

import java.time.YearMonth;
import java.util.List;
import org.bangfu.shared.EngineClock;
import org.springframework.stereotype.Service;

/**
 * Incomes pushed by departments (部门收入数据): kept beside the months the village records, never merged into them
 * (a department knows one part of a month). The department push import stores them; the income analysis and the case
 * page read them.
 */
@Service
public class IncomeItems {

  private final IncomeItemMapper items;

  IncomeItems(IncomeItemMapper items) {
    this.items = items;
  }

  /** The record numbers among these that the department has pushed for the county before. */
  public List<String> knownRecordNos(String department, String county, List<String> recordNos) {
    return recordNos.isEmpty() ? List.of() : items.findKnownRecordNos(department, county, recordNos);
  }

  /** Stores rows of a department's push (in the caller's transaction). */
  public void store(List<IncomeItem> rows) {
    if (!rows.isEmpty()) {
      items.insertItems(rows, EngineClock.now());
    }
  }

  /** A household's items of the months from {@code from} to {@code to}, by month. */
  public List<IncomeItem> of(Long householdId, YearMonth from, YearMonth to) {
    return items.findOfHousehold(householdId, from.toString(), to.toString());
  }
}
