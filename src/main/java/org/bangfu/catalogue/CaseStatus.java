package org.bangfu.catalogue;

public enum CaseStatus {
  IDENTIFYING("识别中"),
  MONITORED("已纳入监测"),
  /** A no-labour household under the safety net: not marked eliminated, checked yearly. */
  TRACKING("持续跟踪"),
  ELIMINATED("风险已消除"),
  REJECTED("不予纳入");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
