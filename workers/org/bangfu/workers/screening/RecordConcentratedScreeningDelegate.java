package org.bangfu.workers.screening;

import static org.bangfu.screening.PeriodicScreening.*;
import static org.bangfu.shared.CaseVariables.DECIDED_BY;
import static org.bangfu.shared.CaseVariables.VILLAGE_CODE;

import org.bangfu.screening.PeriodicScreeningService;
import org.bangfu.shared.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_RecordConcentratedScreening: the households the village cadre named start an identification. */
@Component
public class RecordConcentratedScreeningDelegate implements JavaDelegate {

  private final PeriodicScreeningService screening;

  public RecordConcentratedScreeningDelegate(PeriodicScreeningService screening) {
    this.screening = screening;
  }

  @Override
  public void execute(DelegateExecution execution) {
    screening.recordConcentratedScreening(RUN_ID.get(execution), VILLAGE_CODE.get(execution),
        RISK_HOUSEHOLDS.get(execution), SCREENING_NOTE.get(execution), DECIDED_BY.get(execution));
  }
}
