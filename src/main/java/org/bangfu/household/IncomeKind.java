package org.bangfu.household;

import java.util.Arrays;
import java.util.Optional;

/**
 * The four kinds of a rural household's net income as the statistics count them (经营净收入、工资性收入、财产净收入、
 * 转移净收入); a month recorded by kind has all four, summing to its net income.
 *
 * @param label the kind's name on forms and pages
 * @param shortLabel the value in a department's push file (收入类别)
 */
public enum IncomeKind {
  BUSINESS("经营性净收入", "经营性"),
  WAGE("工资性收入", "工资性"),
  PROPERTY("财产性净收入", "财产性"),
  TRANSFER("转移性净收入", "转移性");

  private final String label;
  private final String shortLabel;

  IncomeKind(String label, String shortLabel) {
    this.label = label;
    this.shortLabel = shortLabel;
  }

  public String label() {
    return label;
  }

  public String shortLabel() {
    return shortLabel;
  }

  /** Whether a month's figure of this kind may be negative: a business or property may make a loss, wages not. */
  public boolean mayBeLoss() {
    return this == BUSINESS || this == PROPERTY;
  }

  /** The kind a push file names (经营性, 工资性, 财产性 or 转移性). */
  public static Optional<IncomeKind> ofShortLabel(String value) {
    return Arrays.stream(values()).filter(k -> k.shortLabel.equals(value)).findFirst();
  }

  /** This kind's amount in a month recorded by kind, else null. */
  public java.math.BigDecimal of(IncomeRecord record) {
    return switch (this) {
      case BUSINESS -> record.getBusinessIncome();
      case WAGE -> record.getWageIncome();
      case PROPERTY -> record.getPropertyIncome();
      case TRANSFER -> record.getTransferIncome();
    };
  }
}
