package org.bangfu.engine;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.bangfu.shared.EngineClock;
import org.bangfu.shared.WorkingDayCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Due dates of user tasks ({@code camunda:dueDate="${sla.due(execution, 'step')}"}): the step's allowance from
 * {@code bangfu.sla.days}, in working days on the Chinese calendar (or calendar days with
 * {@code bangfu.sla.working-days=false}), never later than the identification deadline of the case (15 days by
 * default), so the whole identification fits its limit. A plan measure's delivery is due on the plan's date
 * ({@code measureDueDate}). Time is the engine's clock.
 */
@Component("sla")
@ConfigurationProperties(prefix = "bangfu.sla")
public class SlaService {

  public static final String DEADLINE_VARIABLE = "identificationDeadline";
  public static final String MEASURE_DUE_DATE_VARIABLE = "measureDueDate";

  private final WorkingDayCalendar calendar;
  private Map<String, Integer> days = Map.of();
  private boolean workingDays = true;

  public SlaService(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  public Map<String, Integer> getDays() {
    return days;
  }

  public void setDays(Map<String, Integer> days) {
    this.days = days;
  }

  public boolean isWorkingDays() {
    return workingDays;
  }

  public void setWorkingDays(boolean workingDays) {
    this.workingDays = workingDays;
  }

  public Date due(DelegateExecution execution, String step) {
    // a plan measure is due when the approved plan says, not after a standard allowance
    if (execution.getVariable(MEASURE_DUE_DATE_VARIABLE) instanceof Date fixed) {
      return fixed;
    }
    Integer allowance = days.get(step);
    if (allowance == null) {
      throw new IllegalStateException("no SLA configured for step '" + step + "' (bangfu.sla.days." + step + ")");
    }
    ZoneId zone = ZoneId.systemDefault();
    // to the second: MySQL-family DATETIME columns keep no fraction (MariaDB cuts it, MySQL rounds it), so a due date
    // to the millisecond would be one value in the engine's row and another in the inbox's
    LocalDateTime now = EngineClock.now().truncatedTo(ChronoUnit.SECONDS);
    LocalDateTime dueAt = workingDays
        ? calendar.plusWorkingDays(now.toLocalDate(), allowance).atTime(now.toLocalTime())
        : now.plusDays(allowance);
    Date due = Date.from(dueAt.atZone(zone).toInstant());
    Object deadline = execution.getVariable(DEADLINE_VARIABLE);
    if (deadline instanceof Date limit && limit.before(due)) {
      return limit;
    }
    return due;
  }
}
