package org.bangfu.workers.screening;

import static org.bangfu.screening.PeriodicScreening.*;
import static org.bangfu.shared.CaseVariables.DECIDED_BY;
import static org.bangfu.shared.CaseVariables.VILLAGE_CODE;

import org.bangfu.screening.PeriodicScreeningService;
import org.bangfu.shared.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_RecordIncomePlans: the village's income plan is recorded for each of its priority households. */
@Component
public class RecordIncomePlansDelegate implements JavaDelegate {

  private final PeriodicScreeningService screening;

  public RecordIncomePlansDelegate(PeriodicScreeningService screening) {
    this.screening = screening;
  }

  @Override
  public void execute(DelegateExecution execution) {
    screening.recordIncomePlans(RUN_ID.get(execution), VILLAGE_CODE.get(execution), INCOME_PLAN.get(execution),
        DECIDED_BY.get(execution));
  }
}
