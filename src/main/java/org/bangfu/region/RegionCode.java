package org.bangfu.region;

import java.util.regex.Pattern;

/**
 * A 12-digit 统计用区划代码 of a village: province(2) city(2) county(2) township(3) village(3), and the codes of
 * the levels above it, as used in candidate group ids.
 */
public record RegionCode(String village) {

  private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

  public RegionCode {
    if (village == null || !TWELVE_DIGITS.matcher(village).matches()) {
      throw new IllegalArgumentException("区划代码必须是12位数字: " + village);
    }
  }

  public static boolean isWellFormed(String code) {
    return code != null && TWELVE_DIGITS.matcher(code).matches();
  }

  public String province() {
    return village.substring(0, 2);
  }

  /** The first four digits: province and city (地市). */
  public String city() {
    return village.substring(0, 4);
  }

  public String county() {
    return village.substring(0, 6);
  }

  public String township() {
    return village.substring(0, 9);
  }
}
