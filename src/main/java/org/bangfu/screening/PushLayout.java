package org.bangfu.screening;

import java.util.List;
import org.bangfu.catalogue.Department;

/**
 * The column layout of one department's push file (CSV or XLSX, first row = column titles, any column order).
 *
 * @param dataset what the file carries: risk signals or incomes by kind
 * @param fixedCategory the category of every row when the layout has no CATEGORY column (医保: 医疗自付)
 */
public record PushLayout(Department department, PushDataset dataset, String description, String fixedCategory,
    List<PushColumn> columns) {

  /** The layout's name in URLs and sample files: the department's code, with "-INCOME" for its incomes. */
  public String key() {
    return dataset == PushDataset.SIGNAL ? department.name() : department.name() + "-" + dataset.name();
  }

  /** The column titles in the documented order: the first row of a sample file. */
  public List<String> headers() {
    return columns.stream().map(PushColumn::header).toList();
  }
}
