package org.bangfu.measure;

/** 帮扶措施 and the department responsible by default (domain.md §3). */
public enum MeasureCode {
  INDUSTRY("产业帮扶", Department.AGRI),
  EMPLOYMENT("就业帮扶", Department.HRSS),
  PUBLIC_JOB("公益岗位", Department.HRSS),
  MICROCREDIT("小额信贷", Department.FINANCE),
  EDUCATION("教育帮扶", Department.EDU),
  MEDICAL("健康帮扶、医疗救助", Department.MEDINS),
  DIBAO("低保", Department.CIVIL),
  TEKUN("特困供养", Department.CIVIL),
  TEMP_RELIEF("临时救助", Department.CIVIL),
  DISABILITY("残疾人两项补贴", Department.CIVIL),
  HOUSING("住房安全保障", Department.HOUSING),
  WATER("饮水安全保障", Department.WATER),
  DISASTER("灾害救助", Department.EMERGENCY),
  SOCIAL("社会帮扶", Department.FEDERATION),
  OTHER("其他", Department.AGRI);

  private final String label;
  private final Department department;

  MeasureCode(String label, Department department) {
    this.label = label;
    this.department = department;
  }

  public String label() {
    return label;
  }

  public Department department() {
    return department;
  }
}
