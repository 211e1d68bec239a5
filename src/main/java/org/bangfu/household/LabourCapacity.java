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

  /** The label of a code; an unknown code as it is. */
  public static String labelOf(String code) {
    for (LabourCapacity value : values()) {
      if (value.name().equals(code)) {
        return value.label();
      }
    }
    return String.valueOf(code);
  }
}
