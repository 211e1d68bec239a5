package org.bangfu.workers.screening;

import static org.bangfu.screening.PeriodicScreening.*;
import static org.bangfu.shared.CaseVariables.DECIDED_BY;
import static org.bangfu.shared.CaseVariables.TOWNSHIP_CODE;

import org.bangfu.screening.PeriodicScreeningService;
import org.bangfu.shared.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Activity_RecordWarningReview: the households the township named start an identification, the others are marked
 * checked; a wrong number refuses the completion and nothing is written.
 */
@Component
public class RecordWarningReviewDelegate implements JavaDelegate {

  private final PeriodicScreeningService screening;

  public RecordWarningReviewDelegate(PeriodicScreeningService screening) {
    this.screening = screening;
  }

  @Override
  public void execute(DelegateExecution execution) {
    screening.recordWarningReview(RUN_ID.get(execution), TOWNSHIP_CODE.get(execution),
        RISK_HOUSEHOLDS.get(execution), WARNING_NOTE.get(execution), DECIDED_BY.get(execution));
  }
}
