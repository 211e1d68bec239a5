package org.bangfu.region;

/** Levels of the 统计用区划代码 and the length of their codes. */
public enum RegionLevel {
  PROVINCE(2), CITY(4), COUNTY(6), TOWNSHIP(9), VILLAGE(12);

  private final int codeLength;

  RegionLevel(int codeLength) {
    this.codeLength = codeLength;
  }

  public int codeLength() {
    return codeLength;
  }

  /** The level above, or null for a province. */
  public RegionLevel parent() {
    return this == PROVINCE ? null : values()[ordinal() - 1];
  }
}
