package org.bangfu.catalogue;

/** 监测对象类型: the kind of household a case includes in monitoring (the decision tables' output). */
public enum HouseholdType {
  TPBWD("脱贫不稳定户"),
  BYYZP("边缘易致贫户"),
  TFYZKN("突发严重困难户");

  private final String label;

  HouseholdType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The label of a code; empty for none, the code itself for one this release does not know. */
  public static String labelOf(String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    for (HouseholdType type : values()) {
      if (type.name().equals(code)) {
        return type.label;
      }
    }
    return code;
  }
}
