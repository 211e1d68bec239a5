package org.bangfu.catalogue;

import java.util.ArrayList;
import java.util.List;
import org.bangfu.shared.InvalidInputException.FieldError;

/** 帮扶措施 and the department responsible by default (docs/domain.md §3). */
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
  private final List<Department> departments;

  MeasureCode(String label, Department department, Department... alternatives) {
    this.label = label;
    this.department = department;
    java.util.LinkedHashSet<Department> all = new java.util.LinkedHashSet<>();
    all.add(department);
    all.addAll(List.of(alternatives));
    this.departments = List.copyOf(all);
  }

  /** The departments that may deliver this measure (docs/domain.md §3), the default first; the plan chooses one. */
  public List<Department> departments() {
    return departments;
  }

  public String label() {
    return label;
  }

  public Department department() {
    return department;
  }

  /**
   * The measures named in a form field or request ("MEDICAL", " DIBAO"…), each once and in order; an unknown code
   * adds a field error in words a cadre understands.
   */
  public static List<MeasureCode> parse(List<FieldError> errors, String field, List<String> values) {
    List<MeasureCode> codes = new ArrayList<>();
    if (values == null) {
      return codes;
    }
    for (String value : values) {
      if (value == null || value.isBlank()) {
        continue;
      }
      try {
        MeasureCode code = MeasureCode.valueOf(value.trim());
        if (!codes.contains(code)) {
          codes.add(code);
        }
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(field, "未知的帮扶措施：" + value));
      }
    }
    return codes;
  }
}
