package org.bangfu.screening;

/** What a department's push file carries: risk signals screened into identifications, or incomes by kind. */
public enum PushDataset {
  /** 预警数据: events screened by the department's rules (DMN); a flagged row opens or joins a case. */
  SIGNAL("预警数据"),
  /** 收入数据: what the department paid a household in a month, by kind; kept beside the village's records. */
  INCOME("收入数据");

  private final String label;

  PushDataset(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The dataset a request names: SIGNAL when it names none. */
  static PushDataset of(String value) {
    if (value == null || value.isBlank()) {
      return SIGNAL;
    }
    try {
      return valueOf(value.trim());
    } catch (IllegalArgumentException e) {
      throw org.bangfu.shared.InvalidInputException.of("dataset", "未知的数据类别：" + value
          + "（应为 SIGNAL 预警数据 或 INCOME 收入数据）");
    }
  }
}
