package org.bangfu.workers.screening;

import static org.bangfu.screening.PeriodicScreening.REQUESTED_BY;
import static org.bangfu.screening.PeriodicScreening.RUN_ID;
import static org.bangfu.screening.PeriodicScreening.RUN_KEY;

import org.bangfu.screening.PeriodicScreeningService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_EvaluateQuarterlyWarnings: the quarter's warnings, listed per township (once per quarter). */
@Component
public class EvaluateQuarterlyWarningsDelegate implements JavaDelegate {

  private final PeriodicScreeningService screening;

  public EvaluateQuarterlyWarningsDelegate(PeriodicScreeningService screening) {
    this.screening = screening;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long runId = screening.evaluateQuarter(execution.getProcessInstanceId(), REQUESTED_BY.get(execution));
    RUN_ID.set(execution, runId);
    RUN_KEY.set(execution, screening.currentRunKey(PeriodicScreeningService.QUARTERLY));
  }
}
