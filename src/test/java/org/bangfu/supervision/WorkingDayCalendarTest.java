package org.bangfu.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.bangfu.shared.WorkingDayCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

  final WorkingDayCalendar calendar = new WorkingDayCalendar();

  @Test
  void loadsOneFileAYear() {
    assertThat(calendar.years()).contains(2025, 2026);
    assertThat(calendar.holidayName(LocalDate.of(2026, 2, 17))).isEqualTo("春节");
  }

  @ParameterizedTest
  @CsvSource({
      "2025-10-01, false", // 国庆节
      "2025-10-08, false", // 中秋节 joined to 国庆节
      "2025-09-28, true",  // Sunday, 调休 working day
      "2025-10-11, true",  // Saturday, 调休 working day
      "2025-10-12, false", // ordinary Sunday
      "2025-10-09, true",  // ordinary Thursday
      "2026-01-04, true",  // Sunday, 调休 after 元旦
      "2026-02-23, false", // last day of the 2026 春节 holiday (a Monday)
      "2026-02-28, true",  // Saturday, 调休
      "2026-05-05, false", // 劳动节 (a Tuesday)
      "2026-05-09, true",  // Saturday, 调休
      "2027-01-02, false", // no file for 2027: weekends only
      "2027-01-04, true"})
  void knowsWorkingDays(LocalDate day, boolean working) {
    assertThat(calendar.isWorkingDay(day)).isEqualTo(working);
  }

  @ParameterizedTest
  @CsvSource({
      "2025-09-30, 1, 2025-10-09", // the National Day week is skipped
      "2025-09-30, 2, 2025-10-10",
      "2025-09-30, 3, 2025-10-11", // the make-up Saturday counts
      "2026-02-13, 1, 2026-02-14", // Friday → make-up Saturday
      "2026-02-13, 2, 2026-02-24", // then the Spring Festival
      "2025-11-21, 2, 2025-11-25", // an ordinary weekend
      "2025-11-21, 0, 2025-11-21"})
  void addsWorkingDays(LocalDate from, int days, LocalDate expected) {
    assertThat(calendar.plusWorkingDays(from, days)).isEqualTo(expected);
  }

  @Test
  void refusesNegativeDays() {
    assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.of(2025, 1, 1), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
