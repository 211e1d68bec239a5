package org.bangfu.catalogue;

/** 风险类型; a case may have several. */
public enum RiskType {
  ILLNESS("因病"),
  DISABILITY("因残"),
  SCHOOLING("因学"),
  DISASTER("因自然灾害"),
  ACCIDENT("因意外事故"),
  INDUSTRY_FAILURE("因产业项目失败"),
  UNSTABLE_WORK("因务工就业不稳"),
  LACK_OF_LABOUR("缺劳动力"),
  HOUSING("住房安全"),
  WATER("饮水安全"),
  OTHER("其他");

  private final String label;

  RiskType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** "ILLNESS,UNSTABLE_WORK" as the cadre reads it: 因病、因务工就业不稳. */
  public static String labels(String codes) {
    return String.join("、", java.util.Arrays.stream(codes.split(",")).filter(s -> !s.isBlank())
        .map(s -> valueOf(s.trim()).label()).toList());
  }
}
