package org.bangfu.catalogue;

/** 发现渠道: how a risk signal reached us. */
public enum Channel {
  SELF_APPLICATION("农户自主申报"),
  CADRE_SCREENING("基层干部排查"),
  DEPARTMENT_SIGNAL("部门筛查预警");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
