package org.bangfu.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.bangfu.catalogue.Department;
import org.bangfu.screening.PushFileReader.RawRow;
import org.bangfu.screening.PushRowParser.Parsed;
import org.junit.jupiter.api.Test;

/** Rows of a department's incomes (收入数据): the month as departments write it, and only the kinds it can know. */
class IncomePushRowsTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
  static final String ID = "629901197502101217";

  private static Parsed parse(Department department, String month, String kind, String amount) {
    PushLayout layout = PushLayouts.of(department, PushDataset.INCOME);
    return PushRowParser.forHeader(layout, layout.headers())
        .parse(new RawRow(2, List.of("R-1", ID, "郑金花", month, kind, "公益性岗位工资", amount)), TODAY);
  }

  @Test
  void theMonthIsReadAsDepartmentsWriteItAndKeptAsItsFirstDay() {
    for (String month : List.of("2026-03", "2026/3", "2026.03", "202603", "2026年3月", "2026-03-31", "46112")) {
      Parsed parsed = parse(Department.HRSS, month, "工资性", "800");
      assertThat(parsed.errors()).as(month).isEmpty();
      assertThat(parsed.row().eventDate()).as(month).isEqualTo(LocalDate.of(2026, 3, 1));
      assertThat(parsed.row().category()).isEqualTo("工资性");
      assertThat(parsed.row().text()).isEqualTo("公益性岗位工资");
    }
  }

  @Test
  void aMonthToComeOrOlderThanTwoYearsOrMalformedIsRefusedInWords() {
    assertThat(parse(Department.HRSS, "2027-01", "工资性", "800").errors()).singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo("月份不能晚于本月：2027-01"));
    assertThat(parse(Department.HRSS, "2025-01", "工资性", "800").errors()).isEmpty();
    assertThat(parse(Department.HRSS, "2024-12", "工资性", "800").errors()).singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo("月份早于近24个月，不再导入：2024-12"));
    for (String bad : List.of("2026-13", "2026-00", "三月", "20263")) {
      assertThat(parse(Department.HRSS, bad, "工资性", "800").errors()).as(bad).singleElement()
          .satisfies(e -> assertThat(e.columnName()).isEqualTo("所属月份"));
    }
  }

  @Test
  void aDepartmentGivesOnlyTheKindsItCanKnowAndAnAmount() {
    assertThat(parse(Department.CIVIL, "2026-03", "工资性", "800").errors()).singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo("应为转移性之一，实际为：工资性"));
    assertThat(parse(Department.AGRI, "2026-03", "财产性", "300").errors()).isEmpty();
    assertThat(parse(Department.HRSS, "2026-03", "工资性", "").errors()).singleElement()
        .satisfies(e -> assertThat(e.columnName()).isEqualTo("金额（元）"));
    assertThat(parse(Department.HRSS, "2026-03", "工资性", "-1").errors()).isNotEmpty();
    assertThat(PushLayouts.of(Department.MEDINS, PushDataset.INCOME)).as("医保 pays no income").isNull();
  }
}
