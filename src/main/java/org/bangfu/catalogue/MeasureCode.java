package org.bangfu.measure;

/** 帮扶措施 and the department responsible by default (domain.md §3). */
public enum MeasureCode {
  INDUSTRY("产业帮扶", Department.AGRI),
  EMPLOYMENT("就业帮扶", Department.HRSS),
  PUBLIC_JOB("公益岗位", Department.HRSS, Department.AGRI, Department.FORESTRY),
  MICROCREDIT("小额信贷", Department.FINANCE, Department.AGRI),
  EDUCATION("教育帮扶", Department.EDU, Department.AGRI),
  MEDICAL("健康帮扶、医疗救助", Department.MEDINS, Department.HEALTH),
  DIBAO("低保", Department.CIVIL),
  TEKUN("特困供养", Department.CIVIL),
  TEMP_RELIEF("临时救助", Department.CIVIL),
  DISABILITY("残疾人两项补贴", Department.CIVIL, Department.DISABLED),
  HOUSING("住房安全保障", Department.HOUSING),
  WATER("饮水安全保障", Department.WATER),
  DISASTER("灾害救助", Department.EMERGENCY),
  SOCIAL("社会帮扶", Department.FEDERATION),
  /** 其他: as the plan assigns it. */
  OTHER("其他", Department.AGRI, Department.values());

  private final String label;
  private final Department department;
  private final java.util.List<Department> departments;

  MeasureCode(String label, Department department, Department... alternatives) {
    this.label = label;
    this.department = department;
    java.util.LinkedHashSet<Department> all = new java.util.LinkedHashSet<>();
    all.add(department);
    all.addAll(java.util.List.of(alternatives));
    this.departments = java.util.List.copyOf(all);
  }

  /** The departments that may deliver this measure (domain.md §3), the default first; the plan chooses one. */
  public java.util.List<Department> departments() {
    return departments;
  }

  public String label() {
    return label;
  }

  public Department department() {
    return department;
  }
}
