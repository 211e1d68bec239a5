package org.bangfu.screening;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One valid row of a department push, whatever the department's layout.
 *
 * @param rowNo the row number as the file shows it (the header is row 1)
 * @param recordNo the department's own record number: the business key of the signal
 * @param category what happened (救助类别, 学籍变动, 鉴定等级…), or the layout's fixed category
 * @param number a count the department gives (持续天数, 本年务工月数), or null
 * @param flag a yes/no the department gives (房屋倒塌或严重损坏), or null
 */
public record PushRow(int rowNo, String recordNo, String idNumber, String name, LocalDate eventDate,
    String category, BigDecimal amount, Integer number, Boolean flag, String text) {
}
