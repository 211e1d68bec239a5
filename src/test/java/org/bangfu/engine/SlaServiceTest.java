package org.bangfu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.bangfu.policy.PolicyRule;
import org.bangfu.shared.WorkingDayCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlaServiceTest {

  final SlaService sla = new SlaService(new WorkingDayCalendar());
  final DelegateExecution execution = mock(DelegateExecution.class);

  @BeforeEach
  void setUp() {
    sla.setDays(Map.of("townshipReview", 2));
    ClockUtil.setCurrentTime(date(LocalDateTime.of(2025, 9, 30, 10, 0)));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void countsWorkingDaysOverTheNationalDayHoliday() {
    assertThat(sla.due(execution, "townshipReview")).isEqualTo(date(LocalDateTime.of(2025, 10, 10, 10, 0)));
  }

  @Test
  void countsCalendarDaysWhenConfiguredSo() {
    sla.setWorkingDays(false);
    assertThat(sla.due(execution, "townshipReview")).isEqualTo(date(LocalDateTime.of(2025, 10, 2, 10, 0)));
  }

  @Test
  @PolicyRule("R11")
  void neverLaterThanTheIdentificationDeadline() {
    Date deadline = date(LocalDateTime.of(2025, 10, 5, 0, 0));
    when(execution.getVariable(SlaService.DEADLINE_VARIABLE)).thenReturn(deadline);
    assertThat(sla.due(execution, "townshipReview")).isEqualTo(deadline);
  }

  @Test
  void anUnconfiguredStepIsAnError() {
    assertThatThrownBy(() -> sla.due(execution, "unknownStep")).hasMessageContaining("bangfu.sla.days.unknownStep");
  }

  private static Date date(LocalDateTime time) {
    return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
  }
}
