package org.bangfu.shared;

/** Cells of the CSV files we hand out, which cadres open in Excel or WPS. */
public final class CsvCells {

  private CsvCells() {
  }

  /** The value with a leading = + - @ neutralised by a quote: data from a file or a form never starts a formula. */
  public static String safe(String value) {
    if (value == null) {
      return "";
    }
    return value.matches("(?s)^[=+\\-@\\t\\r].*") ? "'" + value : value;
  }
}
