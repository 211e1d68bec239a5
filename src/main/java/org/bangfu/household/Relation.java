package org.bangfu.household;

/** 与户主关系. */
public enum Relation {
  HEAD("户主"), SPOUSE("配偶"), CHILD("子女"), PARENT("父母"), GRANDCHILD("孙子女"), SIBLING("兄弟姐妹"), OTHER("其他");

  private final String label;

  Relation(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The label of a code; an unknown code as it is. */
  public static String labelOf(String code) {
    for (Relation value : values()) {
      if (value.name().equals(code)) {
        return value.label();
      }
    }
    return String.valueOf(code);
  }
}
