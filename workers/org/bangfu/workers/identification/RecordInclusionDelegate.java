package org.bangfu.workers.identification;

import static org.bangfu.identification.RiskIdentification.*;
import static org.bangfu.shared.CaseVariables.CASE_ID;
import static org.bangfu.shared.CaseVariables.DECIDED_BY;

import org.bangfu.identification.IdentificationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activity_RecordInclusion: the county approved; the household becomes a monitored household (监测对象). */
@Component
public class RecordInclusionDelegate implements JavaDelegate {

  private final IdentificationService identification;

  public RecordInclusionDelegate(IdentificationService identification) {
    this.identification = identification;
  }

  @Override
  public void execute(DelegateExecution execution) {
    identification.include(CASE_ID.get(execution), HOUSEHOLD_TYPE.get(execution), DECIDED_BY.get(execution));
    IDENTIFICATION_OUTCOME.set(execution, OUTCOME_INCLUDED);
  }
}
