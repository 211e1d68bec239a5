package org.bangfu.workers.identification;

import static org.bangfu.identification.RiskIdentification.*;
import static org.bangfu.shared.CaseVariables.CASE_ID;

import org.bangfu.identification.IdentificationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_RecordRejection: 不予纳入, keeping the reason, the step and who decided. */
@Component
public class RecordRejectionDelegate implements JavaDelegate {

  private final IdentificationService identification;

  public RecordRejectionDelegate(IdentificationService identification) {
    this.identification = identification;
  }

  @Override
  public void execute(DelegateExecution execution) {
    identification.reject(CASE_ID.get(execution), REJECTED_BY.get(execution), REJECTED_STEP.get(execution),
        REJECT_REASON.get(execution));
    IDENTIFICATION_OUTCOME.set(execution, OUTCOME_REJECTED);
  }
}
