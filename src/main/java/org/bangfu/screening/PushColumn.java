package org.bangfu.screening;

import java.util.List;

/**
 * A column of a department's push file.
 *
 * @param header the column title in the file's first row (Chinese, as the department's export names it)
 * @param role which field of {@link PushRow} the column fills
 * @param allowed for CATEGORY columns, the values the department uses; empty otherwise
 * @param max for NUMBER columns, the largest sensible value
 * @param hint shown in the README and on the page: what the column holds
 */
public record PushColumn(String header, Role role, boolean required, List<String> allowed, int max, String hint) {

  /**
   * The fields a push row can carry; every layout has RECORD_NO, ID_NUMBER, NAME and DATE or MONTH (an income's
   * month, kept as its first day).
   */
  public enum Role {
    RECORD_NO, ID_NUMBER, NAME, DATE, MONTH, CATEGORY, AMOUNT, NUMBER, FLAG, TEXT
  }

  static PushColumn required(String header, Role role, String hint) {
    return new PushColumn(header, role, true, List.of(), 0, hint);
  }

  static PushColumn optional(String header, Role role, String hint) {
    return new PushColumn(header, role, false, List.of(), 0, hint);
  }

  static PushColumn category(String header, String hint, String... allowed) {
    return new PushColumn(header, Role.CATEGORY, true, List.of(allowed), 0, hint);
  }

  static PushColumn number(String header, int max, String hint) {
    return new PushColumn(header, Role.NUMBER, false, List.of(), max, hint);
  }
}
