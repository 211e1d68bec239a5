package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.bangfu.policy.PolicyRule;
import org.bangfu.process.ProcessTestEngine;
import org.bangfu.shared.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

/**
 * The identification's step allowances (bangfu.sla.days in application.yml) fit its time limit: taken one after the
 * other on the regular path — accept, verify, review, the 5-day notice, township, county, with the asset check beside
 * the review — they end within 15 calendar days of the signal, whatever weekday it came in. Otherwise the later steps
 * would be created already due (their due date is capped by the deadline).
 */
class IdentificationTimeLimitTest {

  static final int TIME_LIMIT_DAYS = 15;
  static final int NOTICE_DAYS = 5;

  @Test
  @PolicyRule("R11")
  void theRegularPathsAllowancesFitTheFifteenDayLimitFromAnyWeekday() {
    Map<String, Integer> days = ProcessTestEngine.slaDays();
    WorkingDayCalendar calendar = new WorkingDayCalendar();
    // an ordinary fortnight of 2026 (no public holiday in it), one start per weekday
    for (LocalDate signal = LocalDate.of(2026, 3, 2); signal.isBefore(LocalDate.of(2026, 3, 9));
        signal = signal.plusDays(1)) {
      LocalDate accepted = calendar.plusWorkingDays(signal, days.get("acceptApplication"));
      LocalDate verified = calendar.plusWorkingDays(accepted, days.get("verifyHousehold"));
      LocalDate reviewed = calendar.plusWorkingDays(verified, days.get("democraticReview"));
      LocalDate noticed = reviewed.plusDays(NOTICE_DAYS);
      LocalDate checked = calendar.plusWorkingDays(verified, days.get("crossCheckAssets"));
      LocalDate villageDone = noticed.isAfter(checked) ? noticed : checked;
      LocalDate township = calendar.plusWorkingDays(villageDone, days.get("townshipReview"));
      LocalDate county = calendar.plusWorkingDays(township, days.get("countyApproval"));
      assertThat(county).as("signal on %s (%s)", signal, signal.getDayOfWeek())
          .isBeforeOrEqualTo(signal.plusDays(TIME_LIMIT_DAYS));
    }
  }

  @Test
  @PolicyRule("R04")
  void theTownshipAcceptsAnApplicationWithinTwoDays() {
    assertThat(ProcessTestEngine.slaDays().get("acceptApplication")).isBetween(1, 2);
  }
}
