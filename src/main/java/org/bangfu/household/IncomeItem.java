package org.bangfu.household;

import java.math.BigDecimal;

/**
 * A part of a household's month that a department paid or knows (bf_income_item): 低保金 from 民政, a public post's
 * wage from 人社… It is not the month's income: the village records that on its visits (IncomeRecord).
 *
 * @param recordNo the department's own number of the row, unique per department and county
 * @param item what it is (项目), or null
 */
public record IncomeItem(Long id, String department, String countyCode, String recordNo, Long importId, int rowNo,
    Long householdId, String period, IncomeKind kind, String item, BigDecimal amount) {
}
