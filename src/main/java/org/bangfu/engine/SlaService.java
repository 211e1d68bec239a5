package org.bangfu.engine;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Due dates of user tasks ({@code camunda:dueDate="${sla.due(execution, 'step')}"}): the step's allowance in days
 * from {@code bangfu.sla.days}, never later than the identification deadline of the case (15 days by default), so
 * the whole identification fits its limit.
 */
@Component("sla")
@ConfigurationProperties(prefix = "bangfu.sla")
public class SlaService {

  public static final String DEADLINE_VARIABLE = "identificationDeadline";

  private Map<String, Integer> days = Map.of();

  public Map<String, Integer> getDays() {
    return days;
  }

  public void setDays(Map<String, Integer> days) {
    this.days = days;
  }

  public Date due(DelegateExecution execution, String step) {
    Integer allowance = days.get(step);
    if (allowance == null) {
      throw new IllegalStateException("no SLA configured for step '" + step + "' (bangfu.sla.days." + step + ")");
    }
    Date due = Date.from(Instant.now().plus(allowance, ChronoUnit.DAYS));
    Object deadline = execution.getVariable(DEADLINE_VARIABLE);
    if (deadline instanceof Date limit && limit.before(due)) {
      return limit;
    }
    return due;
  }
}
