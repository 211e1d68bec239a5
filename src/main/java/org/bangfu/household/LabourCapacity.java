package org.bangfu.household;

/** 劳动能力 of a member. */
public enum LabourCapacity {
  FULL("有劳动能力"),
  WEAK("弱劳动能力"),
  HALF("半劳动能力"),
  NONE("无劳动能力");

  private final String label;

  LabourCapacity(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
