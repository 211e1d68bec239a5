package org.bangfu.workers.screening;

import static org.bangfu.screening.PeriodicScreening.REQUESTED_BY;
import static org.bangfu.screening.PeriodicScreening.RUN_ID;
import static org.bangfu.screening.PeriodicScreening.RUN_KEY;

import org.bangfu.screening.PeriodicScreeningService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_PrepareConcentratedScreening: the year's 集中排查 list of every village (once per year). */
@Component
public class PrepareConcentratedScreeningDelegate implements JavaDelegate {

  private final PeriodicScreeningService screening;

  public PrepareConcentratedScreeningDelegate(PeriodicScreeningService screening) {
    this.screening = screening;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long runId = screening.prepareYearlyScreening(execution.getProcessInstanceId(), REQUESTED_BY.get(execution));
    RUN_ID.set(execution, runId);
    RUN_KEY.set(execution, screening.currentRunKey(PeriodicScreeningService.YEARLY));
  }
}
