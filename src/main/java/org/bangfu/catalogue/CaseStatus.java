package org.bangfu.catalogue;

import java.util.Set;

/** Where a case stands. A household has at most one open case; its SQL is the mappers' {@code openStatus}. */
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

  /**
   * The statuses of an open case (识别中, 已纳入监测, 持续跟踪): the SQL fragment {@code openStatus} of CaseFileMapper.xml,
   * which every mapper includes, lists the same (CaseStatusTest).
   */
  public static final Set<CaseStatus> OPEN = Set.of(IDENTIFYING, MONITORED, TRACKING);

  public String label() {
    return label;
  }

  public boolean isOpen() {
    return OPEN.contains(this);
  }
}
